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
import { moneyFanLayers } from './money-fan.js';
import { COLORS } from './theme.js';

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
        layer: moneyFanLayers(moneyTitle('Cumulative bookings', result.currency)),
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
