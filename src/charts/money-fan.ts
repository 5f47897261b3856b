/**
 * The layers of a money fan shared by the monthly and the cumulative bookings charts:
 * P10–P90 band, P25–P75 band and the median line with its points, over `periodRows`.
 */
import type { Layer } from './common.js';
import {
  BAND_OPACITY,
  COLORS,
  MONEY_AXIS_FORMAT,
  MONEY_LABEL_EXPR,
  MONEY_TOOLTIP_FORMAT,
} from './theme.js';

/**
 * Band, band and median layers for rows with p10 … p90 and mean fields; `yTitle` labels
 * the money axis.
 * @example { data, encoding: { x: monthX(result.periods) }, layer: moneyFanLayers('Bookings (USD)') }
 */
export function moneyFanLayers(yTitle: string): Layer[] {
  const money = (field: string, title: string) => ({
    field,
    type: 'quantitative' as const,
    title,
    format: MONEY_TOOLTIP_FORMAT,
  });
  return [
    {
      mark: { type: 'area', color: COLORS.forecast, opacity: BAND_OPACITY.outer },
      encoding: {
        y: {
          field: 'p10',
          type: 'quantitative',
          title: yTitle,
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
          money('p10', 'P10'),
          money('p25', 'P25'),
          money('p50', 'Median'),
          money('p75', 'P75'),
          money('p90', 'P90'),
          money('mean', 'Mean'),
        ],
      },
    },
  ];
}
