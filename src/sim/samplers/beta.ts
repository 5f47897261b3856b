/**
 * Beta variates.
 */
import type { Rng } from '../rng.js';
import { gamma } from './gamma.js';

/**
 * One Beta(a, b) draw as X/(X + Y) with X ~ Gamma(a, 1), Y ~ Gamma(b, 1) (Marsaglia–Tsang).
 * When both shapes are so small that both gammas underflow to 0, the draw is 1 with
 * probability a/(a + b) and 0 otherwise (the limit of the law as a, b → 0).
 * @example beta(rng, 2, 5) // mean 2/7
 */
export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a, 1);
  const y = gamma(rng, b, 1);
  const s = x + y;
  if (s > 0) return x / s;
  return rng() * (a + b) < a ? 1 : 0;
}
