/**
 * Quarterly bookings against the quarterly targets. Targets are set per quarter, so the
 * forecast is shown at that grain: one interval bar per quarter (P10–P90 light, P25–P75
 * dark) with the median as a tick and the target as a vermillion tick, labelled with the
 * probability of reaching it. Four quarters read better as intervals than as a fan.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ForecastResult } from '../analysis/types.js';
import { CHART_WIDTH } from '../defaults.js';
import { type ChartSpec, moneyTitle, subtitle, summaryRow, withTheme } from './common.js';
import { formatMoney, formatPercent } from './format.js';
import {
  BAND_OPACITY,
  COLORS,
  MONEY_AXIS_FORMAT,
  MONEY_LABEL_EXPR,
  MONEY_TOOLTIP_FORMAT,
} from './theme.js';

/**
 * Interval chart of quarterly bookings (`quarterly.bookings`) with quarterly targets
 * (`targets.quarterly_detail`) where the plan gives them. Returns null without quarters.
 * @example buildQuarterlyChart(result)?.name // 'quarterly'
 */
export function buildQuarterlyChart(result: ForecastResult): ChartSpec | null {
  const summaries = result.quarterly.bookings ?? [];
  if (summaries.length === 0) return null;
  const detail = result.targets.quarterly_detail ?? [];
  const rows = summaries.map((s, q) => {
    const t = detail[q];
    return {
      quarter: result.quarters[q] ?? `Q${q + 1}`,
      ...summaryRow(s),
      target: t === undefined ? null : t.value,
      note:
        t === undefined
          ? ''
          : `target ${formatMoney(t.value, result.currency)}\nP(hit) ${formatPercent(t.probability)}`,
      top: t === undefined ? s.p90 : Math.max(s.p90, t.value),
    };
  });
  const title = detail.length > 0 ? 'Quarterly bookings vs target' : 'Quarterly bookings forecast';
  const meaning =
    detail.length > 0
      ? 'bars: P10–P90 (light), P25–P75 (dark); black tick: median; orange tick: target'
      : 'bars: P10–P90 (light), P25–P75 (dark); black tick: median';
  const band = { band: 0.55 };
  const spec: TopLevelSpec = {
    title: { text: title, subtitle: subtitle(result, meaning) },
    data: { values: rows },
    width: CHART_WIDTH,
    encoding: {
      x: { field: 'quarter', type: 'ordinal', title: 'Quarter', axis: { labelAngle: 0 } },
    },
    layer: [
      {
        mark: {
          type: 'bar',
          color: COLORS.forecast,
          opacity: BAND_OPACITY.outer + 0.1,
          width: band,
        },
        encoding: {
          y: {
            field: 'p10',
            type: 'quantitative',
            title: moneyTitle('Bookings per quarter', result.currency),
            scale: { zero: true },
            axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR },
          },
          y2: { field: 'p90' },
          tooltip: [
            { field: 'quarter', type: 'nominal', title: 'Quarter' },
            { field: 'p10', type: 'quantitative', title: 'P10', format: MONEY_TOOLTIP_FORMAT },
            { field: 'p50', type: 'quantitative', title: 'Median', format: MONEY_TOOLTIP_FORMAT },
            { field: 'p90', type: 'quantitative', title: 'P90', format: MONEY_TOOLTIP_FORMAT },
            {
              field: 'target',
              type: 'quantitative',
              title: 'Target',
              format: MONEY_TOOLTIP_FORMAT,
            },
          ],
        },
      },
      {
        mark: {
          type: 'bar',
          color: COLORS.forecast,
          opacity: BAND_OPACITY.inner + 0.2,
          width: band,
        },
        encoding: { y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' } },
      },
      {
        mark: { type: 'tick', color: COLORS.text, thickness: 3, width: band },
        encoding: { y: { field: 'p50', type: 'quantitative' } },
      },
      {
        transform: [{ filter: 'isValid(datum.target)' }],
        mark: { type: 'tick', color: COLORS.target, thickness: 4, width: { band: 0.8 } },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
      {
        transform: [{ filter: 'isValid(datum.target)' }],
        mark: {
          type: 'text',
          dy: -14,
          baseline: 'bottom',
          lineBreak: '\n',
          color: COLORS.target,
          fontWeight: 'bold',
        },
        encoding: { y: { field: 'top', type: 'quantitative' }, text: { field: 'note' } },
      },
    ],
  };
  return { name: 'quarterly', title, spec: withTheme(result, spec) };
}
