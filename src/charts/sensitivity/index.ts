/**
 * The sensitivity charts (what drives the plan), in report order; a builder returns null
 * when its chart has nothing to show.
 */
import type { SensitivityResult } from '../../analysis/sensitivity/types.js';
import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import type { ChartSpec } from '../common.js';
import { buildSharesChart } from './shares.js';
import { buildSpiderChart } from './spider.js';
import { buildTornadoChart } from './tornado.js';

export { buildSharesChart, buildSpiderChart, buildTornadoChart };

/** Sensitivity charts in report order. */
export const SENSITIVITY_CHARTS: readonly ((r: SensitivityResult) => ChartSpec | null)[] = [
  buildTornadoChart,
  buildSharesChart,
  buildSpiderChart,
];

/**
 * Every sensitivity chart with something to show.
 * @example buildSensitivityCharts(result).map((c) => c.name) // ['tornado', 'variance-shares', 'spider']
 */
export function buildSensitivityCharts(result: SensitivityResult): ChartSpec[] {
  checkArgument('buildSensitivityCharts', 'result', result, ARG.sensitivity);
  return SENSITIVITY_CHARTS.map((b) => b(result)).filter((c): c is ChartSpec => c !== null);
}
