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
import {
  BAND_OPACITY,
  COLORS,
  MONEY_AXIS_FORMAT,
  MONEY_LABEL_EXPR,
  MONEY_TOOLTIP_FORMAT,
} from './theme.js';

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
    layer: [
      {
        mark: { type: 'area', color: COLORS.forecast, opacity: BAND_OPACITY.outer },
        encoding: {
          y: {
            field: 'p10',
            type: 'quantitative',
            title: y,
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
            { field: 'p25', type: 'quantitative', title: 'P25', format: MONEY_TOOLTIP_FORMAT },
            { field: 'p50', type: 'quantitative', title: 'Median', format: MONEY_TOOLTIP_FORMAT },
            { field: 'p75', type: 'quantitative', title: 'P75', format: MONEY_TOOLTIP_FORMAT },
            { field: 'p90', type: 'quantitative', title: 'P90', format: MONEY_TOOLTIP_FORMAT },
            { field: 'mean', type: 'quantitative', title: 'Mean', format: MONEY_TOOLTIP_FORMAT },
          ],
        },
      },
    ],
  };
  return { name: 'fan', title, spec: withTheme(result, spec) };
}
