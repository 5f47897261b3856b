/**
 * Normal variates.
 */
import type { Rng } from '../rng.js';
import { standardNormal } from './standard-normal.js';

/**
 * One N(mean, sd²) draw: mean + sd·Z with Z from {@link standardNormal} (inversion, AS 241).
 * @example normal(rng, 100, 15)
 */
export function normal(rng: Rng, mean: number, sd: number): number {
  return mean + sd * standardNormal(rng);
}
