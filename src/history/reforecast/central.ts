/**
 * One value per input of a plan — each uncertain input at its median or its mean, fixed
 * ones at their value — scaled and clamped into its domain as the kernel does: what the
 * reforecast's expected-value bookkeeping (queues, exposures, lead levels) runs on.
 */
import type { Model } from '../../model/types.js';
import { clampToDomain } from '../../sim/params.js';
import { distMean, distQuantile } from '../../stats/dist-math.js';

/**
 * Every input of `model` at its median (`'median'`) or mean (`'mean'`).
 * @example centralValues(model, 'mean')[model.stages[1].rate] // 0.35 for `rate: "30% to 40%"`
 */
export function centralValues(model: Model, at: 'median' | 'mean'): Float64Array {
  return Float64Array.from(model.params, (p) =>
    clampToDomain(
      (at === 'median' ? distQuantile(p.dist, 0.5) : distMean(p.dist)) * p.scale,
      p.domain,
    ),
  );
}
