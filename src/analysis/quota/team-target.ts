/**
 * The team target: the horizon bookings the team reaches with probability `confidence`,
 * i.e. the (1 − confidence) quantile of horizon bookings over all trials (an exact order
 * statistic, type 7 like every quantile of the project), with its Monte Carlo error as a
 * distribution-free interval between two order statistics.
 */
import { QUOTA_INTERVAL_LEVEL } from '../../defaults.js';
import { betaCdf } from '../../stats/beta.js';
import { normalQuantile } from '../../stats/normal.js';
import { quantileSorted } from '../quantile.js';

/** A quantile of the trials with its Monte Carlo error. */
export interface QuantileEstimate {
  /** Type-7 quantile of the sorted trials. */
  readonly value: number;
  /**
   * Distribution-free interval [X_(l), X_(u)] that covers the true quantile with probability
   * ≥ level; null when the trials are too few for any pair of order statistics to reach it.
   */
  readonly lo: number | null;
  readonly hi: number | null;
  readonly level: number;
  /** Standard error read off the interval: (hi − lo) / (2 z), z the level's normal quantile; null with it. */
  readonly se: number | null;
}

/**
 * P(K ≤ k) for K ~ Binomial(n, p), via the regularized incomplete beta:
 * P(K ≤ k) = I_(1−p)(n − k, k + 1) for 0 ≤ k < n.
 */
function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return betaCdf(1 - p, n - k, k + 1);
}

/** Smallest k in [lo, hi] with f(k) true (f monotone false → true), or hi + 1 if none. */
function firstTrue(lo: number, hi: number, f: (k: number) => boolean): number {
  let a = lo;
  let b = hi + 1;
  while (a < b) {
    const m = Math.floor((a + b) / 2);
    if (f(m)) b = m;
    else a = m + 1;
  }
  return a;
}

/**
 * The p-quantile of sorted trials with a distribution-free interval (Conover, "Practical
 * Nonparametric Statistics", 3rd ed., §3.2): K, the number of trials below the true
 * quantile, is Binomial(n, p), so [X_(l), X_(u)] (1-based order statistics) covers it with
 * probability P(l ≤ K ≤ u − 1). l is the largest rank with P(K ≤ l − 1) ≤ α/2 and u the
 * smallest with P(K ≤ u − 1) ≥ 1 − α/2. When those ranks fall outside 1 … n the run is too
 * small for even the whole sample's range to cover the quantile with that probability (one
 * trial cannot bound anything), and the interval and error are null rather than a range
 * that claims more than it covers.
 * @example quantileWithInterval(sorted, 0.4).value // the 40th percentile of horizon bookings
 */
export function quantileWithInterval(
  sorted: Float64Array,
  p: number,
  level: number = QUOTA_INTERVAL_LEVEL,
): QuantileEstimate {
  const n = sorted.length;
  const value = quantileSorted(sorted, p);
  const half = (1 - level) / 2;
  // l − 1 = the last k with P(K ≤ k) ≤ α/2.
  const l = firstTrue(0, n, (k) => binomialCdf(k, n, p) > half);
  const u = firstTrue(0, n, (k) => binomialCdf(k, n, p) >= 1 - half) + 1;
  if (l < 1 || u > n) return { value, lo: null, hi: null, level, se: null };
  const lo = sorted[l - 1]!;
  const hi = sorted[u - 1]!;
  const z = normalQuantile(1 - half);
  return { value, lo, hi, level, se: (hi - lo) / (2 * z) };
}
