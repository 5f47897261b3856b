/**
 * Rank correlations the run achieved between correlated inputs. Correlated inputs are
 * stratified (docs/model.md): in the first design block, trial i of input p lies in stratum
 * strata[p][i], and each input's value increases with its stratum, so the inputs' ranks
 * over the block's trials are their strata. The achieved rank correlation is therefore
 * Spearman's ρ of the strata — exactly what the sampled values of those trials show.
 */
import type { Model } from '../model/types.js';
import { spearman } from '../sim/design/spearman.js';
import { DesignPlan } from '../sim/design-plan.js';

export interface AchievedCorrelation {
  readonly between: readonly [string, string];
  readonly target: number;
  /** Null when the block has a single trial: one trial has no rank correlation. */
  readonly achieved: number | null;
}

/**
 * Target vs achieved rank correlation for each `correlations` entry of the model, over the
 * first design block (the first `simulation.trials` trials).
 */
export function measureCorrelations(model: Model): AchievedCorrelation[] {
  if (model.correlations.length === 0) return [];
  const block = new DesignPlan(model).block(0);
  return model.correlations.map((c) => ({
    between: [model.params[c.a]!.path, model.params[c.b]!.path] as const,
    target: c.rank,
    // One trial has no rank correlation (spearman gives NaN for n < 2).
    achieved: block.n < 2 ? null : spearman(block.strata[c.a]!, block.strata[c.b]!),
  }));
}
