/**
 * Random permutations, for Latin hypercube strata and Iman–Conover score orders.
 */
import type { Rng } from '../rng.js';

/** Above this size, a second draw refines u to 2⁻⁶⁴ so floor(u·(i+1)) stays unbiased. */
const SINGLE_DRAW_MAX = 1 << 16;

/**
 * A uniformly random permutation of 0 … n−1 by the Fisher–Yates (Durstenfeld) shuffle:
 * for i = n−1 … 1 swap element i with element ⌊u·(i+1)⌋. For n > 65,536 each u combines two
 * draws, so the modulo bias of a 32-bit draw (up to (i+1)/2³²) disappears.
 * @example randomPermutation(streamRng(1, 'lhs', 0), 5) // e.g. Uint32Array [3, 0, 4, 1, 2]
 */
export function randomPermutation(rng: Rng, n: number): Uint32Array {
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const fine = n > SINGLE_DRAW_MAX;
  for (let i = n - 1; i > 0; i--) {
    const u = fine ? rng() + rng() * 2 ** -32 : rng();
    const j = Math.floor(u * (i + 1));
    const t = perm[i] as number;
    perm[i] = perm[j] as number;
    perm[j] = t;
  }
  return perm;
}
