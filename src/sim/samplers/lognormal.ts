/**
 * Lognormal variates.
 */
import type { Rng } from '../rng.js';
import { standardNormal } from './standard-normal.js';

/**
 * One draw of exp(N(mu, sigma²)) (median e^mu, mean e^(mu + sigma²/2)), by inversion of Z.
 * @example lognormal(rng, Math.log(8000), 0.7)
 */
export function lognormal(rng: Rng, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * standardNormal(rng));
}
