/**
 * Rank correlations the run achieved between correlated inputs. Correlated inputs are
 * stratified (docs/model.md): in the first design block, trial i of input p lies in stratum
 * strata[p][i], and each input's value increases with its stratum, so the inputs' ranks
 * over the block's trials are their strata. The achieved rank correlation is therefore
 * Spearman's ρ of the strata — exactly what the sampled values of those trials show.
 */
import type { Model } from '../model/types.js';
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
    achieved: permutationSpearman(block.strata[c.a]!, block.strata[c.b]!),
  }));
}

/**
 * Spearman's ρ of two permutations of 0 … n−1 (no ties): 1 − 6·Σd² / (n(n² − 1)); null
 * for n < 2.
 * @example permutationSpearman(Uint32Array.of(0, 1, 2), Uint32Array.of(2, 1, 0)) // -1
 */
function permutationSpearman(a: Uint32Array, b: Uint32Array): number | null {
  const n = a.length;
  if (n < 2) return null;
  let d2 = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    d2 += d * d;
  }
  return 1 - (6 * d2) / (n * (n * n - 1));
}
