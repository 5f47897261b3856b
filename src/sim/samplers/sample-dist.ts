/**
 * Direct sampling of any {@link Dist}.
 */
import type { Dist } from '../../model/dist.js';
import type { Rng } from '../rng.js';
import { beta } from './beta.js';
import { lognormal } from './lognormal.js';
import { normal } from './normal.js';
import { triangular } from './triangular.js';

/**
 * One draw from `dist` with its own sampler (no clamping: domains are the caller's business):
 * normal and lognormal from a ziggurat normal, beta by the gamma ratio, uniform min + u(max − min),
 * triangular by inversion, PERT as min + (max − min)·Beta(alpha, beta), fixed → its value
 * without consuming a uniform.
 * @example sampleDist(rng, { kind: 'beta', alpha: 43, beta: 146 })
 */
export function sampleDist(rng: Rng, dist: Dist): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.value;
    case 'normal':
      return normal(rng, dist.mean, dist.sd);
    case 'lognormal':
      return lognormal(rng, dist.mu, dist.sigma);
    case 'beta':
      return beta(rng, dist.alpha, dist.beta);
    case 'uniform':
      return dist.min + rng() * (dist.max - dist.min);
    case 'triangular':
      return triangular(rng, dist.min, dist.mode, dist.max);
    case 'pert':
      return dist.min + (dist.max - dist.min) * beta(rng, dist.alpha, dist.beta);
  }
}
