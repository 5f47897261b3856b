/**
 * Bootstrap standard errors: recompute estimates on resamples of the trials (each resample
 * draws n trials with replacement, as counts per trial) and take the sample sd of each
 * estimate across resamples (Efron & Tibshirani 1993, ch. 6). Seeded: the same seed gives
 * the same errors. Trials of a Latin hypercube or correlated design are not independent; the
 * stratification lowers the true error, so the bootstrap's is then on the safe side.
 */
import type { Rng } from '../../sim/rng.js';

/**
 * The bootstrap sd of each component of `estimate` over `resamples` resamples of n trials.
 * @example bootstrapSe(1000, 200, streamRng(1, 'bootstrap'), (w) => [weightedMean(y, w)])
 */
export function bootstrapSe(
  n: number,
  resamples: number,
  rng: Rng,
  estimate: (weight: Uint32Array) => readonly number[],
): number[] {
  const weight = new Uint32Array(n);
  let sum: number[] = [];
  let sq: number[] = [];
  for (let r = 0; r < resamples; r++) {
    weight.fill(0);
    for (let i = 0; i < n; i++) weight[Math.floor(rng() * n)]! += 1;
    const e = estimate(weight);
    if (r === 0) {
      sum = e.map(() => 0);
      sq = e.map(() => 0);
    }
    e.forEach((v, k) => {
      sum[k]! += v;
      sq[k]! += v * v;
    });
  }
  if (resamples < 2) return sum.map(() => 0);
  return sum.map((s, k) => {
    const mean = s / resamples;
    return Math.sqrt(Math.max(0, (sq[k]! - resamples * mean * mean) / (resamples - 1)));
  });
}
