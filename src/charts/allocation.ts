/**
 * The allocation charts, in report order: the split, the response curves, the budget curve
 * and the uplift's distribution. Builders are pure functions of the AllocationResult; one
 * returns null when its chart has nothing to show.
 */
import type { AllocationResult } from '../analysis/allocate/types.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { buildAllocationSplitChart } from './allocation-split.js';
import { buildBudgetCurveChart } from './budget-curve.js';
import type { ChartSpec } from './common.js';
import { buildResponseCurvesChart } from './response-curves.js';
import { buildUpliftChart } from './uplift.js';

/** An allocation chart builder. */
export type AllocationChartBuilder = (
  result: AllocationResult,
  labels?: ReadonlyMap<string, string>,
) => ChartSpec | null;

/** Allocation charts in report order; adding one is one entry here. */
export const ALLOCATION_CHARTS: readonly AllocationChartBuilder[] = [
  buildAllocationSplitChart,
  buildResponseCurvesChart,
  buildBudgetCurveChart,
  buildUpliftChart,
];

/**
 * Every allocation chart that has something to show, channels by their display labels
 * (`labels`: id → label, as `uniqueLabels(model.channels)` gives).
 * @example buildAllocationCharts(result).map((c) => c.name) // ['allocation', 'response-curves', 'budget-curve', 'uplift']
 */
export function buildAllocationCharts(
  result: AllocationResult,
  labels: ReadonlyMap<string, string> = new Map(),
): ChartSpec[] {
  checkArgument('buildAllocationCharts', 'result', result, ARG.allocation);
  return ALLOCATION_CHARTS.map((b) => b(result, labels)).filter((c): c is ChartSpec => c !== null);
}
