/**
 * Lognormal variates.
 */
import type { Rng } from '../rng.js';
import { zigguratNormal } from './ziggurat.js';

/**
 * One draw of exp(N(mu, sigma²)) (median e^mu, mean e^(mu + sigma²/2)): exp(mu + sigma·Z) with
 * Z from {@link zigguratNormal} (ziggurat: deal sizes are drawn in the kernel's hot loop, and
 * no caller needs Z as a quantile of a given uniform; stratified designs invert with
 * `distQuantile` instead).
 * @example lognormal(rng, Math.log(8000), 0.7)
 */
export function lognormal(rng: Rng, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * zigguratNormal(rng));
}
