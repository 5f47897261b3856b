/**
 * Mean bookings per month stacked by group (channel, or new vs repeat). Means add up (the
 * mean of a sum is the sum of the means), so a stack's height is the mean of the total;
 * quantiles would not stack.
 */
import type { ForecastResult } from '../analysis/types.js';
import { type ChartBody, moneyTitle, monthBandX } from './common.js';
import { MONEY_AXIS_FORMAT, MONEY_LABEL_EXPR, MONEY_TOOLTIP_FORMAT } from './theme.js';

/** One bar segment: a group's mean bookings in one period; `order` stacks groups in a fixed order. */
export interface StackRow {
  readonly group: string;
  readonly order: number;
  readonly period: string;
  readonly bookings: number;
}

export interface StackOptions {
  /** Legend and tooltip title of the groups. */
  readonly legend: string;
  /** Colour domain (the groups in order) and, optionally, their colours. */
  readonly domain: readonly string[];
  readonly range?: readonly string[];
  /** y axis title (default "Mean bookings per month"). */
  readonly yTitle?: string;
}

/**
 * The stacked-bar view (no title, no theme).
 * @example stackedBookingsBody(result, rows, { legend: 'Channel', domain: labels })
 */
export function stackedBookingsBody(
  result: ForecastResult,
  rows: readonly StackRow[],
  o: StackOptions,
): ChartBody {
  return {
    data: { values: [...rows] },
    mark: { type: 'bar' },
    encoding: {
      x: monthBandX(result.periods),
      y: {
        field: 'bookings',
        type: 'quantitative',
        stack: 'zero',
        title: moneyTitle(o.yTitle ?? 'Mean bookings per month', result.currency),
        axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR },
      },
      color: {
        field: 'group',
        type: 'nominal',
        title: o.legend,
        scale: { domain: [...o.domain], ...(o.range ? { range: [...o.range] } : {}) },
      },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [
        { field: 'period', type: 'nominal', title: 'Month' },
        { field: 'group', type: 'nominal', title: o.legend },
        {
          field: 'bookings',
          type: 'quantitative',
          title: 'Mean bookings',
          format: MONEY_TOOLTIP_FORMAT,
        },
      ],
    },
  };
}
