/**
 * Monthly bookings fan: P10–P90 and P25–P75 bands of bookings in each month, with the
 * median as a line. Monthly targets do not exist in the plan (targets are quarterly or
 * for the horizon), so this chart shows none; the quarterly chart and the cumulative
 * chart carry the targets at the grain they were set.
 */
import type { ForecastResult } from '../analysis/types.js';
import type { Model } from '../model/types.js';
import {
  BAND_MEANING,
  type ChartSpec,
  finishChart,
  moneyTitle,
  monthX,
  periodRows,
} from './common.js';
import { moneyFanLayers } from './money-fan.js';

/**
 * Fan chart of monthly bookings (`metrics.bookings.periods`): bands from the per-period
 * P10/P25/P75/P90 across trials, line at the per-period median.
 * @example buildFanChart(result, model).name // 'fan'
 */
export function buildFanChart(result: ForecastResult, model?: Model): ChartSpec {
  return finishChart(result, model, {
    name: 'fan',
    title: 'Monthly bookings forecast',
    meaning: BAND_MEANING,
    body: {
      data: { values: periodRows(result, result.metrics.bookings.periods) },
      encoding: { x: monthX(result.periods) },
      layer: moneyFanLayers(moneyTitle('Bookings per month', result.currency)),
    },
  });
}
