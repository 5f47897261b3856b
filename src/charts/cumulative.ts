/**
 * Cumulative bookings against the horizon target: the running sum of bookings in each
 * trial, summarised per month (so the bands are of the running total, not sums of
 * monthly quantiles), with the target as a rule and the probability of reaching it
 * written on the chart.
 */
import type { ForecastResult } from '../analysis/types.js';
import type { Model } from '../model/types.js';
import {
  BAND_MEANING,
  type ChartSpec,
  finishChart,
  type Layer,
  moneyTitle,
  monthX,
  periodRows,
} from './common.js';
import { formatMoney, formatPercent } from './format.js';
import { moneyFanLayers } from './money-fan.js';
import { COLORS } from './theme.js';

/**
 * Fan of `cumulative_bookings` with the horizon bookings target (when set) as a rule,
 * labelled "Target $10M · P(reach) 41%" (the Monte Carlo error stays in the report's tables).
 * @example buildCumulativeChart(result, model).name // 'cumulative'
 */
export function buildCumulativeChart(result: ForecastResult, model?: Model): ChartSpec {
  const target = result.targets.bookings;
  const title = target ? 'Cumulative bookings vs target' : 'Cumulative bookings';
  const rows = periodRows(result, result.cumulative_bookings);
  // The label sits over the rule at the left, where the running total is still far below it.
  const first = rows[0];
  const layers: Layer[] = [
    {
      data: { values: rows },
      encoding: { x: monthX(result.periods) },
      layer: moneyFanLayers(moneyTitle('Cumulative bookings', result.currency)),
    },
  ];
  if (target && first) {
    layers.push({
      data: {
        values: [
          {
            value: target.value,
            date: first.date,
            label: `Target ${formatMoney(target.value, result.currency)} · P(reach) ${formatPercent(target.probability)}`,
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
    });
  }
  return finishChart(result, model, {
    name: 'cumulative',
    title,
    meaning: BAND_MEANING,
    body: { layer: layers },
  });
}
