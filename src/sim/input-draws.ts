/**
 * The values the uncertain inputs take in each trial, drawn exactly as the kernel draws them
 * (same streams, design and clamping) but without simulating the funnel: what a given-data
 * sensitivity analysis pairs with the trials' outcomes. Drawing 10,000 trials' inputs costs a
 * few milliseconds.
 */
import type { Model } from '../model/types.js';
import { DesignPlan } from './design-plan.js';
import { ParamSampler } from './params.js';
import { StreamPlan, TrialStreams } from './streams.js';

/**
 * Per asked-for param index, its value in trials 0 … trials − 1 of `model` (its seed).
 * @example drawInputs(model, 1000, [3])[0] // Float64Array of 1000 draws of params[3]
 */
export function drawInputs(
  model: Model,
  trials: number,
  params: readonly number[],
): Float64Array[] {
  const plan = new StreamPlan(model);
  const rs = new TrialStreams(plan);
  const sampler = new ParamSampler(model, new DesignPlan(model), plan);
  const pv = new Float64Array(model.params.length);
  const out = params.map(() => new Float64Array(trials));
  const seed = model.simulation.seed;
  for (let i = 0; i < trials; i++) {
    rs.begin(seed, i);
    sampler.sample(i, rs, pv);
    for (let j = 0; j < params.length; j++) out[j]![i] = pv[params[j]!]!;
  }
  return out;
}
