/**
 * Scores of a probabilistic forecast against what happened, from the forecast's samples:
 * whether the outcome lies in the central 50% and 80% intervals (and, for the calibration
 * chart, in every central interval from 10% to 90%), the continuous ranked probability
 * score, and the error of the median.
 *
 * "Inside the central α interval" is judged on the mid-distribution PIT
 * u = (#{x < y} + #{x ≤ y}) / 2n, inside when (1 − α)/2 ≤ u ≤ (1 + α)/2: for continuous
 * outcomes that is the usual interval check, and for counts (where many samples tie with y)
 * it neither credits a whole tie to the interval nor withholds it, so a calibrated forecast of
 * small counts covers α on average rather than more.
 *
 * CRPS(F, y) = E|X − y| − ½ E|X − X′| (Gneiting & Raftery 2007, eq. 21), estimated from n
 * samples with the "fair" form whose second term divides by n(n − 1), computed in
 * O(n log n) from the sorted samples: Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σᵢ (2i − n + 1) x₍ᵢ₎ (0-based).
 */
import { quantileSorted } from '../analysis/quantile.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';

/** Nominal central-interval levels the calibration chart shows. */
export const LEVELS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;

/** The scores of one forecast (samples) against one outcome. */
export interface PointScore {
  readonly actual: number;
  readonly median: number;
  readonly crps: number;
  /** Mid-distribution PIT of the outcome. */
  readonly pit: number;
  /** Whether the outcome lies in each central interval of {@link LEVELS} (by the mid-PIT). */
  readonly inside: readonly boolean[];
}

/**
 * The fair sample CRPS of sorted samples against y.
 * @example crpsSorted([0, 1], 0) // ½·(0 + 1) − (−1·0 + 1·1)/(2·1) = 0
 */
export function crpsSorted(sorted: ArrayLike<number>, y: number): number {
  checkArgument('crpsSorted', 'sorted', sorted, ARG.sortedValues);
  checkArgument('crpsSorted', 'y', y, ARG.number);
  const n = sorted.length;
  let abs = 0;
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i]!;
    abs += Math.abs(x - y);
    pairs += (2 * i - n + 1) * x;
  }
  if (n === 1) return abs;
  return abs / n - pairs / (n * (n - 1));
}

/**
 * Scores samples (any order; sorted in place) against an outcome.
 * @example scoreSamples(Float64Array.of(3, 1, 2), 2).median // 2
 */
export function scoreSamples(samples: Float64Array, actual: number): PointScore {
  checkArgument('scoreSamples', 'samples', samples, ARG.values);
  checkArgument('scoreSamples', 'actual', actual, ARG.number);
  samples.sort();
  const n = samples.length;
  let below = 0;
  let atOrBelow = 0;
  for (const x of samples) {
    if (x < actual) below += 1;
    if (x <= actual) atOrBelow += 1;
  }
  const pit = (below + atOrBelow) / (2 * n);
  const inside = LEVELS.map((level) => pit >= (1 - level) / 2 && pit <= (1 + level) / 2);
  return {
    actual,
    median: quantileSorted(samples, 0.5),
    crps: crpsSorted(samples, actual),
    pit,
    inside,
  };
}
