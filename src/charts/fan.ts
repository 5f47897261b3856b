/**
 * Monthly bookings fan: P10–P90 and P25–P75 bands of bookings in each month, with the
 * median as a line. Monthly targets do not exist in the plan (targets are quarterly or
 * for the horizon), so this chart shows none; the quarterly chart and the cumulative
 * chart carry the targets at the grain they were set.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ForecastResult } from '../analysis/types.js';
import {
  BAND_MEANING,
  type ChartSpec,
  moneyTitle,
  monthX,
  periodRows,
  subtitle,
  withTheme,
} from './common.js';
import { moneyFanLayers } from './money-fan.js';

/**
 * Fan chart of monthly bookings (`metrics.bookings.periods`): bands from the per-period
 * P10/P25/P75/P90 across trials, line at the per-period median.
 * @example buildFanChart(result).name // 'fan'
 */
export function buildFanChart(result: ForecastResult): ChartSpec {
  const title = 'Monthly bookings forecast';
  const y = moneyTitle('Bookings per month', result.currency);
  const spec: TopLevelSpec = {
    title: { text: title, subtitle: subtitle(result, BAND_MEANING) },
    data: { values: periodRows(result, result.metrics.bookings.periods) },
    encoding: { x: monthX() },
    layer: moneyFanLayers(y),
  };
  return { name: 'fan', title, spec: withTheme(result, spec) };
}
