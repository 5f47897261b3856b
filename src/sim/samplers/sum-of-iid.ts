/**
 * Sums of many independent deal sizes.
 */
import type { Dist } from '../../model/dist.js';
import type { Rng } from '../rng.js';
import { lognormal } from './lognormal.js';
import { normal } from './normal.js';
import { sampleDist } from './sample-dist.js';

/** Up to this many terms the sum is drawn term by term (exact). */
export const SUM_EXACT_MAX = 6;

/**
 * The sum of n iid draws from `dist`, whose mean and variance the caller passes (precomputed
 * with distMean/distVariance). For n ≤ SUM_EXACT_MAX (6): n separate draws (exact). Above: exact in law for
 * fixed (n·value) and normal (N(n·mean, n·variance)) sizes; otherwise a moment-matched
 * approximation that keeps the mean n·mean and the sd √n·sd exact — a lognormal with
 * σ² = ln(1 + n·variance/(n·mean)²), μ = ln(n·mean) − σ²/2 when the size cannot be negative
 * (lognormal, beta, or min ≥ 0) and n·mean > 0, so the sum is never negative; a normal otherwise.
 * Returns 0 for n ≤ 0. See docs/samplers.md.
 * @example sumOfIid(rng, 120, dealSize, distMean(dealSize), distVariance(dealSize))
 */
export function sumOfIid(rng: Rng, n: number, dist: Dist, mean: number, variance: number): number {
  if (!(n > 0)) return 0;
  if (dist.kind === 'fixed') return n * dist.value;
  if (n <= SUM_EXACT_MAX) {
    let s = 0;
    for (let i = 0; i < n; i++) s += sampleDist(rng, dist);
    return s;
  }
  const m = n * mean;
  const v = n * variance;
  if (!(v > 0)) return m;
  if (dist.kind !== 'normal' && m > 0 && isNonNegative(dist)) {
    const s2 = Math.log1p(v / (m * m));
    return lognormal(rng, Math.log(m) - 0.5 * s2, Math.sqrt(s2));
  }
  return normal(rng, m, Math.sqrt(v));
}

/** Whether every value of `dist` is ≥ 0. */
function isNonNegative(dist: Dist): boolean {
  switch (dist.kind) {
    case 'lognormal':
    case 'beta':
      return true;
    case 'fixed':
      return dist.value >= 0;
    case 'normal':
      return false;
    default:
      return dist.min >= 0;
  }
}
