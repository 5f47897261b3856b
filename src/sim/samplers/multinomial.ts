/**
 * Multinomial variates.
 */
import type { Rng } from '../rng.js';
import { binomial } from './binomial.js';

/**
 * Splits n items across categories with probabilities `probs` (summing to 1) by conditional
 * binomials: out[i] ~ Binomial(n − Σ_{j<i} out[j], probs[i] / Σ_{j≥i} probs[j]); the last
 * category with positive probability takes the remainder, so the counts always sum to n.
 * Writes out[0 … probs.length); allocates nothing.
 * @example multinomial(rng, 100, new Float64Array([0.7, 0.3]), out)
 */
export function multinomial(rng: Rng, n: number, probs: Float64Array, out: Float64Array): void {
  const k = probs.length;
  let last = k - 1;
  while (last > 0 && !((probs[last] as number) > 0)) last--;
  let left = n;
  let mass = 1;
  for (let i = 0; i < k; i++) {
    const pi = probs[i] as number;
    if (i >= last || left <= 0) {
      out[i] = i === last ? left : 0;
      if (i === last) left = 0;
      continue;
    }
    const x = pi > 0 ? binomial(rng, left, pi >= mass ? 1 : pi / mass) : 0;
    out[i] = x;
    left -= x;
    mass -= pi;
  }
}
