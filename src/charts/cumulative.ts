/**
 * Cumulative bookings against the horizon target: the running sum of bookings in each
 * trial, summarised per month (so the bands are of the running total, not sums of
 * monthly quantiles), with the target as a rule and the probability of reaching it
 * written on the chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ForecastResult } from '../analysis/types.js';
import {
  BAND_MEANING,
  type ChartSpec,
  type Layer,
  moneyTitle,
  monthX,
  periodRows,
  subtitle,
  withTheme,
} from './common.js';
import { formatMoney, formatProbability } from './format.js';
import {
  BAND_OPACITY,
  COLORS,
  MONEY_AXIS_FORMAT,
  MONEY_LABEL_EXPR,
  MONEY_TOOLTIP_FORMAT,
} from './theme.js';

/**
 * Fan of `cumulative_bookings` with the horizon bookings target (when set) as a rule,
 * labelled "Target $9M · P(reach) 63% ± 1.1 pp".
 * @example buildCumulativeChart(result).name // 'cumulative'
 */
export function buildCumulativeChart(result: ForecastResult): ChartSpec {
  const target = result.targets.bookings;
  const title = target ? 'Cumulative bookings vs target' : 'Cumulative bookings';
  const rows = periodRows(result, result.cumulative_bookings);
  // The label sits over the rule at the left, where the running total is still far below it.
  const first = rows[0];
  const spec: TopLevelSpec = {
    title: { text: title, subtitle: subtitle(result, BAND_MEANING) },
    layer: [
      {
        data: { values: rows },
        encoding: { x: monthX() },
        layer: [
          {
            mark: { type: 'area', color: COLORS.forecast, opacity: BAND_OPACITY.outer },
            encoding: {
              y: {
                field: 'p10',
                type: 'quantitative',
                title: moneyTitle('Cumulative bookings', result.currency),
                axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR },
              },
              y2: { field: 'p90' },
            },
          },
          {
            mark: { type: 'area', color: COLORS.forecast, opacity: BAND_OPACITY.inner },
            encoding: { y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' } },
          },
          {
            mark: { type: 'line', color: COLORS.forecast, point: { size: 40 } },
            encoding: {
              y: { field: 'p50', type: 'quantitative' },
              tooltip: [
                { field: 'period', type: 'nominal', title: 'Month' },
                { field: 'p10', type: 'quantitative', title: 'P10', format: MONEY_TOOLTIP_FORMAT },
                {
                  field: 'p50',
                  type: 'quantitative',
                  title: 'Median',
                  format: MONEY_TOOLTIP_FORMAT,
                },
                { field: 'p90', type: 'quantitative', title: 'P90', format: MONEY_TOOLTIP_FORMAT },
              ],
            },
          },
        ],
      },
      ...(target && first
        ? [
            {
              data: {
                values: [
                  {
                    value: target.value,
                    date: first.date,
                    label: `Target ${formatMoney(target.value, result.currency)} · P(reach) ${formatProbability(target.probability, target.se)}`,
                  },
                ],
              },
              layer: [
                {
                  mark: { type: 'rule', color: COLORS.target, strokeDash: [6, 4] },
                  encoding: {
                    y: { field: 'value', type: 'quantitative' },
                    tooltip: [{ field: 'label', type: 'nominal', title: 'Target' }],
                  },
                },
                {
                  mark: {
                    type: 'text',
                    align: 'left',
                    baseline: 'bottom',
                    dy: -6,
                    dx: 4,
                    color: COLORS.target,
                    fontWeight: 'bold',
                  },
                  encoding: {
                    x: { field: 'date', type: 'temporal', timeUnit: 'utcyearmonth' },
                    y: { field: 'value', type: 'quantitative' },
                    text: { field: 'label' },
                  },
                },
              ],
            } satisfies Layer,
          ]
        : []),
    ],
  };
  return { name: 'cumulative', title, spec: withTheme(result, spec) };
}
