/**
 * The quota charts, in report order: where the target and quota sit on the forecast, how
 * attainment lands, and the per-rep quota plan over time.
 */
import type { QuotaResult } from '../analysis/quota/types.js';
import type { ForecastResult } from '../analysis/types.js';
import type { ChartSpec } from './common.js';
import { buildQuotaAttainmentChart } from './quota-attainment.js';
import { buildQuotaDistributionChart } from './quota-distribution.js';
import { buildQuotaRepsChart } from './quota-reps.js';

/**
 * Every quota chart of a quota result and the forecast it came from.
 * @example buildQuotaCharts(quota, forecast).map((c) => c.name) // ['quota-distribution', 'quota-attainment', 'quota-reps']
 */
export function buildQuotaCharts(q: QuotaResult, f: ForecastResult): ChartSpec[] {
  return [
    buildQuotaDistributionChart(q, f),
    buildQuotaAttainmentChart(q, f),
    buildQuotaRepsChart(q, f),
  ];
}
