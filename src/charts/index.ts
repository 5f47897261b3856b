/**
 * The chart registry: every forecast chart, in report order. Builders are pure functions
 * from the forecast (and the model, for ordering and ids) to Vega-Lite specs; a builder
 * returns null when its chart has nothing to show (no roles, no repeat business, …).
 */
import type { ForecastResult } from '../analysis/types.js';
import type { Model } from '../model/types.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { buildChannelsChart } from './channels.js';
import type { ChartSpec } from './common.js';
import { buildCumulativeChart } from './cumulative.js';
import { buildDistributionChart } from './distribution.js';
import { buildFanChart } from './fan.js';
import { buildFunnelChart } from './funnel.js';
import { buildHeadcountChart } from './headcount.js';
import { buildNewRepeatChart } from './new-repeat.js';
import { buildQuarterlyChart } from './quarterly.js';
import { buildTeamChart } from './team.js';

export type { ChartSpec } from './common.js';
export {
  currencyAffix,
  formatCompact,
  formatMoney,
  formatPercent,
  formatProbability,
} from './format.js';
export { houseConfig, PALETTE } from './theme.js';
export { validateSpec } from './validate.js';

/** A chart builder: forecast and model in, a chart or null out. */
export type ForecastChartBuilder = (result: ForecastResult, model: Model) => ChartSpec | null;

/** Forecast charts in report order; adding a chart is one entry here. */
export const FORECAST_CHARTS: readonly ForecastChartBuilder[] = [
  buildFanChart,
  buildQuarterlyChart,
  buildCumulativeChart,
  buildDistributionChart,
  buildFunnelChart,
  buildChannelsChart,
  buildNewRepeatChart,
  buildTeamChart,
  buildHeadcountChart,
];

/**
 * Every forecast chart that has something to show, in report order.
 * @example buildForecastCharts(result, model).map((c) => c.name) // ['fan', 'quarterly', …]
 */
export function buildForecastCharts(result: ForecastResult, model: Model): ChartSpec[] {
  checkArgument('buildForecastCharts', 'result', result, ARG.forecast);
  checkArgument('buildForecastCharts', 'model', model, ARG.model);
  return FORECAST_CHARTS.map((build) => build(result, model)).filter(
    (c): c is ChartSpec => c !== null,
  );
}
