/**
 * Draws the parameter vector of one trial: fixed params copied, uncertain ones sampled
 * once per trial — directly, or by inversion inside the trial's stratum when the design
 * stratifies them — then clamped into their domain (rate [0, 1], positive [0, ∞)).
 */
import type { Model } from '../model/types.js';
import { distQuantile } from '../stats/dist-math.js';
import type { DesignPlan } from './design-plan.js';
import type { Rng } from './rng.js';
import { sampleDist } from './samplers/sample-dist.js';

/** Half the resolution of a stream draw (2⁻³²). */
const HALF_STEP = 2 ** -33;

/** Clamps a sampled value into its domain. */
export function clampToDomain(x: number, domain: 'rate' | 'real' | 'positive'): number {
  if (domain === 'rate') return x < 0 ? 0 : Math.min(x, 1);
  if (domain === 'positive') return Math.max(x, 0);
  return x;
}

export class ParamSampler {
  constructor(
    private readonly model: Model,
    private readonly design: DesignPlan,
  ) {}

  /** Writes the parameter values of `trial` into `out`, drawing from the trial's stream `rng`. */
  sample(trial: number, rng: Rng, out: Float64Array): void {
    const { params } = this.model;
    const n = this.model.simulation.trials;
    const block = this.design.isEmpty ? null : this.design.block(Math.floor(trial / n));
    const i = trial % n;
    for (let p = 0; p < params.length; p++) {
      const { dist, domain } = params[p]!;
      if (dist.kind === 'fixed') {
        out[p] = dist.value;
        continue;
      }
      const strata = block?.strata[p] ?? null;
      // Half a step of the stream's 2⁻³² grid keeps u off 0, where a normal quantile is −∞.
      const x =
        strata === null
          ? sampleDist(rng, dist)
          : distQuantile(dist, (strata[i]! + rng() + HALF_STEP) / block!.n);
      out[p] = clampToDomain(x, domain);
    }
  }
}
