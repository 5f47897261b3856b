/**
 * New vs repeat bookings per month: mean new bookings (won deals) and mean repeat
 * bookings (installed base) stacked; means add up to mean total bookings.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ForecastResult } from '../analysis/types.js';
import { type ChartSpec, moneyTitle, monthBandX, subtitle, withTheme } from './common.js';
import { COLORS, MONEY_AXIS_FORMAT, MONEY_LABEL_EXPR, MONEY_TOOLTIP_FORMAT } from './theme.js';

/**
 * Stacked bars of `metrics.new_bookings` and `metrics.repeat_bookings` period means.
 * Returns null when the plan has no repeat business (mean repeat bookings 0).
 * @example buildNewRepeatChart(result)?.name // 'new-vs-repeat'
 */
export function buildNewRepeatChart(result: ForecastResult): ChartSpec | null {
  if (!(result.metrics.repeat_bookings.total.mean > 0)) return null;
  const kinds = [
    { kind: 'New', order: 0, s: result.metrics.new_bookings.periods },
    { kind: 'Repeat', order: 1, s: result.metrics.repeat_bookings.periods },
  ];
  const rows = kinds.flatMap(({ kind, order, s }) =>
    result.periods.map((period, t) => ({
      kind,
      order,
      period,
      bookings: s[t]?.mean ?? 0,
    })),
  );
  const title = 'New vs repeat bookings';
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: subtitle(
        result,
        'mean bookings per month from new deals and from the installed base',
      ),
    },
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      x: monthBandX(),
      y: {
        field: 'bookings',
        type: 'quantitative',
        stack: 'zero',
        title: moneyTitle('Mean bookings per month', result.currency),
        axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR },
      },
      color: {
        field: 'kind',
        type: 'nominal',
        title: 'Bookings',
        scale: { domain: ['New', 'Repeat'], range: [COLORS.forecast, COLORS.secondary] },
      },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [
        { field: 'period', type: 'nominal', title: 'Month' },
        { field: 'kind', type: 'nominal', title: 'Kind' },
        {
          field: 'bookings',
          type: 'quantitative',
          title: 'Mean bookings',
          format: MONEY_TOOLTIP_FORMAT,
        },
      ],
    },
  };
  return { name: 'new-vs-repeat', title, spec: withTheme(result, spec) };
}
