/**
 * Poisson variates, exact for any mean up to ~1e15.
 */
import { logPoissonPmf } from '../../stats/log-pmf.js';
import type { Rng } from '../rng.js';
import { RECIPROCALS } from './reciprocals.js';

/** Below this mean, inversion (expected λ + 1 steps) beats rejection. */
const INVERSION_MAX = 10;

/** Sequential-search inversion: smallest k with F(k) ≥ u (Devroye 1986, §X.3.2). */
function poissonInversion(rng: Rng, lambda: number): number {
  const p0 = Math.exp(-lambda);
  for (;;) {
    const u = rng();
    let p = p0;
    let cdf = p;
    let k = 0;
    while (u > cdf) {
      k++;
      p *= lambda * RECIPROCALS[k]!;
      cdf += p;
      // Rounding can leave cdf a hair below 1; such u are redrawn rather than mapped far out.
      if (k > 1000) break;
    }
    if (k <= 1000) return k;
  }
}

/**
 * Hörmann's PTRS, transformed rejection with squeeze (W. Hörmann, "The transformed rejection
 * method for generating Poisson random variables", Insurance: Mathematics and Economics 12,
 * 1993), for λ ≥ 10; about 1.15 uniform pairs per draw, independent of λ. The acceptance test
 * uses Loader's accurate log-pmf, so it stays exact for λ ~ 1e9 and beyond.
 */
function poissonPtrs(rng: Rng, lambda: number): number {
  const slam = Math.sqrt(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const vr = 0.9277 - 3.6224 / (b - 2);
  let logInvAlpha = Number.NaN; // set up on the first draw outside the squeeze
  for (;;) {
    const u = rng() - 0.5;
    const v = 1 - rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Number.isNaN(logInvAlpha)) logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
    if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= logPoissonPmf(k, lambda)) {
      return k;
    }
  }
}

/**
 * One Poisson(lambda) draw: inversion by sequential search for λ < 10, Hörmann's PTRS above.
 * Returns 0 for λ ≤ 0 (and for NaN).
 * @example poisson(rng, 3.5)
 */
export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  return lambda < INVERSION_MAX ? poissonInversion(rng, lambda) : poissonPtrs(rng, lambda);
}
