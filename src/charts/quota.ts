/**
 * The quota charts, in report order: where the target and quota sit on the forecast, how
 * attainment lands, and the per-rep quota plan over time.
 */
import type { QuotaResult } from '../analysis/quota/types.js';
import type { ForecastResult } from '../analysis/types.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import type { ChartSpec } from './common.js';
import { buildQuotaAttainmentChart } from './quota-attainment.js';
import { buildQuotaDistributionChart } from './quota-distribution.js';
import { buildQuotaRepsChart } from './quota-reps.js';

/**
 * Every quota chart of a quota result and the forecast it came from.
 * @example buildQuotaCharts(quota, forecast).map((c) => c.name) // ['quota-distribution', 'quota-attainment', 'quota-reps']
 */
export function buildQuotaCharts(quota: QuotaResult, forecast: ForecastResult): ChartSpec[] {
  checkArgument('buildQuotaCharts', 'quota', quota, ARG.quota);
  checkArgument('buildQuotaCharts', 'forecast', forecast, ARG.forecast);
  return [
    buildQuotaDistributionChart(quota, forecast),
    buildQuotaAttainmentChart(quota, forecast),
    buildQuotaRepsChart(quota, forecast),
  ];
}
