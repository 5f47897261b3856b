/**
 * Horizon bookings by plan: one row per plan with the P10–P90 (light) and P25–P75 (dark)
 * interval of horizon bookings across trials, P5–P95 whiskers, the median as a tick and
 * written beside it, and the bookings target as a vermillion line.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareResult } from '../../analysis/compare/types.js';
import type { ChartSpec, Layer } from '../common.js';
import { moneyTitle } from '../common.js';
import { formatMoney } from '../format.js';
import {
  BAND_OPACITY,
  COLORS,
  MONEY_AXIS_FORMAT,
  MONEY_LABEL_EXPR,
  MONEY_TOOLTIP_FORMAT,
} from '../theme.js';
import { compareSubtitle, plansOf, themed } from './common.js';

/**
 * Interval rows of `bookings` for the base and every variant.
 * @example buildCompareBookingsChart(result).name // 'compare-bookings'
 */
export function buildCompareBookingsChart(r: CompareResult): ChartSpec {
  const money = (x: number) => formatMoney(x, r.currency);
  const rows = plansOf(r).map(({ label, order, outcome: o }) => ({
    plan: label,
    order,
    ...o.bookings,
    label: `median ${money(o.bookings.p50)}`,
  }));
  const target = r.targets.bookings;
  const y = {
    field: 'plan',
    type: 'nominal',
    title: null,
    sort: { field: 'order', op: 'min', order: 'ascending' },
    axis: { labelFontSize: 13, labelLimit: 260 },
  } as const;
  const money$ = (field: string, title: string) =>
    ({ field, type: 'quantitative', title, format: MONEY_TOOLTIP_FORMAT }) as const;
  const intervals: Layer[] = [
    {
      mark: { type: 'rule', color: COLORS.forecast, strokeWidth: 1.5 },
      encoding: {
        x: {
          field: 'p5',
          type: 'quantitative',
          title: moneyTitle('Bookings over the horizon', r.currency),
          scale: { zero: false },
          axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR },
        },
        x2: { field: 'p95' },
      },
    },
    {
      mark: {
        type: 'bar',
        color: COLORS.forecast,
        opacity: BAND_OPACITY.outer + 0.12,
        height: { band: 0.6 },
      },
      encoding: {
        x: { field: 'p10', type: 'quantitative' },
        x2: { field: 'p90' },
        tooltip: [
          { field: 'plan', type: 'nominal', title: 'Plan' },
          money$('p5', 'P5'),
          money$('p10', 'P10'),
          money$('p25', 'P25'),
          money$('p50', 'Median'),
          money$('p75', 'P75'),
          money$('p90', 'P90'),
          money$('p95', 'P95'),
          money$('mean', 'Mean'),
        ],
      },
    },
    {
      mark: {
        type: 'bar',
        color: COLORS.forecast,
        opacity: BAND_OPACITY.inner + 0.2,
        height: { band: 0.6 },
      },
      encoding: { x: { field: 'p25', type: 'quantitative' }, x2: { field: 'p75' } },
    },
    {
      mark: { type: 'tick', color: COLORS.text, thickness: 3, size: 26 },
      encoding: { x: { field: 'p50', type: 'quantitative' } },
    },
    {
      mark: { type: 'text', align: 'left', dx: 8, color: COLORS.text },
      encoding: { x: { field: 'p95', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
  // The plans' rows carry the y encoding; the target's rule spans every row.
  const layers: Layer[] = [{ data: { values: rows }, encoding: { y }, layer: intervals }];
  if (target !== null) {
    layers.push({
      data: { values: [{ value: target, label: `Target ${money(target)}` }] },
      layer: [
        {
          mark: { type: 'rule', color: COLORS.target, strokeWidth: 2.5, strokeDash: [6, 4] },
          encoding: {
            x: { field: 'value', type: 'quantitative' },
            tooltip: [{ field: 'label', type: 'nominal', title: 'Target' }],
          },
        },
        {
          mark: {
            type: 'text',
            y: 0,
            dy: -6,
            baseline: 'bottom',
            color: COLORS.target,
            fontWeight: 'bold',
          },
          encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    });
  }
  const title = 'Horizon bookings by plan';
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: compareSubtitle(
        r,
        `bars: P10–P90 (light) and P25–P75 (dark) across trials; whiskers: P5–P95; black tick: median${target === null ? '' : '; dashed: target'}`,
      ),
    },
    height: { step: 44 },
    layer: layers,
  };
  return { name: 'compare-bookings', title, spec: themed(r.currency, spec) };
}
