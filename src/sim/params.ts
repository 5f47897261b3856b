/**
 * Draws the parameter vector of one trial: fixed params copied, uncertain ones sampled
 * once per trial from their own stream — directly, or by inversion inside the trial's
 * stratum when the design stratifies them — then multiplied by the param's scale and
 * clamped into their domain (rate [0, 1], positive [0, ∞)). An input reseeded to another
 * seed (a pick-freeze design) takes that seed's stream and, when stratified, that seed's
 * stratum too: exactly the value it has in a run of that seed.
 */
import type { Model } from '../model/types.js';
import { distQuantile } from '../stats/dist-math.js';
import { DesignPlan } from './design-plan.js';
import { sampleDist } from './samplers/sample-dist.js';
import type { StreamPlan, TrialStreams } from './streams.js';

/** Half the resolution of a stream draw (2⁻³²). */
const HALF_STEP = 2 ** -33;

/** Clamps a sampled value into its domain. */
export function clampToDomain(x: number, domain: 'rate' | 'real' | 'positive'): number {
  if (domain === 'rate') return x < 0 ? 0 : Math.min(x, 1);
  if (domain === 'positive') return Math.max(x, 0);
  return x;
}

export class ParamSampler {
  /** Designs of the other seeds that reseeded inputs draw under, built when first needed. */
  private readonly others = new Map<number, DesignPlan>();

  constructor(
    private readonly model: Model,
    private readonly design: DesignPlan,
    private readonly plan: StreamPlan,
  ) {}

  /**
   * Writes the parameter values of `trial` into `out`; uncertain input p draws from its
   * stream `plan.param[p]` of `rs` (begun for this trial), so fixing or moving one input
   * leaves every other input's draw as it was.
   */
  sample(trial: number, rs: TrialStreams, out: Float64Array): void {
    const { params } = this.model;
    const n = this.model.simulation.trials;
    const b = Math.floor(trial / n);
    const block = this.design.isEmpty ? null : this.design.block(b);
    const i = trial % n;
    for (let p = 0; p < params.length; p++) {
      const { dist, domain, scale, seed } = params[p]!;
      if (dist.kind === 'fixed') {
        out[p] = clampToDomain(dist.value * scale, domain);
        continue;
      }
      if (seed === null) rs.use(this.plan.param[p]!);
      else rs.useSeeded(this.plan.param[p]!, seed);
      let strata = block?.strata[p] ?? null;
      if (seed !== null && strata !== null) strata = this.designOf(seed).block(b).strata[p]!;
      // Half a step of the stream's 2⁻³² grid keeps u off 0, where a normal quantile is −∞.
      const x =
        strata === null
          ? sampleDist(rs.next, dist)
          : distQuantile(dist, (strata[i]! + rs.next() + HALF_STEP) / block!.n);
      out[p] = clampToDomain(x * scale, domain);
    }
  }

  /** The design the plan would have under `seed` (same trials and basis). */
  private designOf(seed: number): DesignPlan {
    let d = this.others.get(seed);
    if (d === undefined) {
      d = new DesignPlan({ ...this.model, simulation: { ...this.model.simulation, seed } });
      this.others.set(seed, d);
    }
    return d;
  }
}
