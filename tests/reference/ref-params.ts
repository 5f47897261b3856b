/**
 * The reference's parameter vector of one trial (docs/model.md "Trials, streams and parameters";
 * docs/model.md "Trials, streams and parameters"). Latin hypercube stratification is left
 * out on purpose: it changes no expectation.
 */
import type { Model } from '../../src/model/types.js';
import type { Rng } from '../../src/sim/rng.js';
import { sampleDist } from '../../src/sim/samplers/sample-dist.js';
import { buildCopula, type Copula, drawCorrelated } from './ref-copula.js';

/**
 * Draws the parameter vector: each input sampled once (correlated ones jointly, by a
 * Gaussian copula), clamped into its domain; headcount and accounts are rounded by the caller.
 * @example const P = drawParams(model, mulberry32(1, 0));
 */
export function drawParams(
  model: Model,
  rng: Rng,
  copula: Copula | null = buildCopula(model),
): number[] {
  const values = model.params.map((p) => sampleDist(rng, p.dist));
  if (copula !== null) drawCorrelated(model, copula, rng, values);
  return values.map((x, i) => {
    const domain = model.params[i]!.domain;
    if (domain === 'rate') return Math.min(1, Math.max(0, x));
    if (domain === 'positive') return Math.max(0, x);
    return x;
  });
}
