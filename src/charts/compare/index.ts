/**
 * The comparison charts (compare: base, variants and what-ifs on the same trials), in
 * report order; a builder returns null when its chart has nothing to show.
 */
import type { CompareResult } from '../../analysis/compare/types.js';
import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import type { ChartSpec } from '../common.js';
import { buildCompareBookingsChart } from './bookings.js';
import { buildCompareCumulativeChart } from './cumulative.js';
import { buildCompareDifferenceChart } from './difference.js';
import { buildCompareTargetChart } from './target.js';

export {
  buildCompareBookingsChart,
  buildCompareCumulativeChart,
  buildCompareDifferenceChart,
  buildCompareTargetChart,
};

/** Comparison charts in report order. */
export const COMPARE_CHARTS: readonly ((r: CompareResult) => ChartSpec | null)[] = [
  buildCompareDifferenceChart,
  buildCompareTargetChart,
  buildCompareBookingsChart,
  buildCompareCumulativeChart,
];

/**
 * Every comparison chart with something to show.
 * @example buildCompareCharts(result).map((c) => c.name) // ['compare-difference', …]
 */
export function buildCompareCharts(comparison: CompareResult): ChartSpec[] {
  checkArgument('buildCompareCharts', 'comparison', comparison, ARG.comparison);
  return COMPARE_CHARTS.map((b) => b(comparison)).filter((c): c is ChartSpec => c !== null);
}
