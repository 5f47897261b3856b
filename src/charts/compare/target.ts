/**
 * The chance of reaching the bookings target, plan by plan: a bar per plan (the base in grey),
 * labelled with the probability alone: a slide carries no ± (docs/charts.md); the standard
 * error is in the tooltip and the report's table.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareResult } from '../../analysis/compare/types.js';
import type { ChartSpec } from '../common.js';
import { formatMoney, formatPercent, formatProbability } from '../format.js';
import { COLORS } from '../theme.js';
import { compareSubtitle, plansOf, themed } from './common.js';

/**
 * Bars of `target_probability` per plan; null when the scenario sets no bookings target.
 * @example buildCompareTargetChart(result)?.name // 'compare-target'
 */
export function buildCompareTargetChart(r: CompareResult): ChartSpec | null {
  const target = r.targets.bookings;
  if (target === null) return null;
  const rows = plansOf(r).map(({ label, order, outcome: o }) => ({
    plan: label,
    order,
    kind: order === 0 ? 'base' : 'variant',
    probability: o.target_probability ?? 0,
    label: formatPercent(o.target_probability ?? 0),
    with_error: formatProbability(o.target_probability ?? 0, o.target_se),
  }));
  const title = 'Chance of reaching the bookings target by plan';
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: compareSubtitle(
        r,
        `bars: share of trials with horizon bookings ≥ ${formatMoney(target, r.currency)}`,
      ),
    },
    data: { values: rows },
    height: { step: 40 },
    encoding: {
      y: {
        field: 'plan',
        type: 'nominal',
        title: null,
        sort: { field: 'order', op: 'min', order: 'ascending' },
        axis: { labelFontSize: 13, labelLimit: 260 },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.65 } },
        encoding: {
          x: {
            field: 'probability',
            type: 'quantitative',
            title: 'Chance of reaching the target',
            scale: { domain: [0, 1] },
            axis: { format: '.0%', tickCount: 5 },
          },
          color: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: ['base', 'variant'], range: [COLORS.muted, COLORS.forecast] },
            legend: null,
          },
          tooltip: [
            { field: 'plan', type: 'nominal', title: 'Plan' },
            { field: 'with_error', type: 'nominal', title: 'P(reach target) ± s.e.' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, color: COLORS.text },
        encoding: { x: { field: 'probability', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
  return { name: 'compare-target', title, spec: themed(r.currency, spec) };
}
