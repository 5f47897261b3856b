/**
 * Rank correlations the run achieved between correlated inputs, measured on the sampled
 * parameter values of the first min(trials, CORRELATION_CHECK_TRIALS) trials.
 */
import { CORRELATION_CHECK_TRIALS } from '../defaults.js';
import type { Model } from '../model/types.js';
import { spearman } from '../sim/design/spearman.js';
import { DesignPlan } from '../sim/design-plan.js';
import { ParamSampler } from '../sim/params.js';
import { trialRng } from '../sim/rng.js';

export interface AchievedCorrelation {
  readonly between: readonly [string, string];
  readonly target: number;
  readonly achieved: number;
}

/** Target vs achieved rank correlation for each `correlations` entry of the model. */
export function measureCorrelations(model: Model): AchievedCorrelation[] {
  if (model.correlations.length === 0) return [];
  const n = Math.min(model.simulation.trials, CORRELATION_CHECK_TRIALS);
  const sampler = new ParamSampler(model, new DesignPlan(model));
  const pv = new Float64Array(model.params.length);
  const used = [...new Set(model.correlations.flatMap((c) => [c.a, c.b]))];
  const values = new Map(used.map((p) => [p, new Float64Array(n)]));
  for (let i = 0; i < n; i++) {
    sampler.sample(i, trialRng(model.simulation.seed, i), pv);
    for (const p of used) values.get(p)![i] = pv[p]!;
  }
  return model.correlations.map((c) => ({
    between: [model.params[c.a]!.path, model.params[c.b]!.path] as const,
    target: c.rank,
    achieved: spearman(values.get(c.a)!, values.get(c.b)!),
  }));
}
