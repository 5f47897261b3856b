/**
 * Normal variates.
 */
import type { Rng } from '../rng.js';
import { zigguratNormal } from './ziggurat.js';

/**
 * One N(mean, sd²) draw: mean + sd·Z with Z from {@link zigguratNormal} (ziggurat: sums of
 * many deal sizes draw it in the kernel's hot loop; stratified designs invert with
 * `distQuantile` instead).
 * @example normal(rng, 100, 15)
 */
export function normal(rng: Rng, mean: number, sd: number): number {
  return mean + sd * zigguratNormal(rng);
}
