/**
 * The plan a trials file records: its scenario text, variant, `--set` edits, seed and trial
 * count, compiled again so that merging shards summarises exactly what they simulated.
 */
import type { TrialsFileMeta } from '../io/trials-arrow.js';
import type { Model } from '../model/types.js';
import { ARG } from '../util/argument-kinds.js';
import { argumentProblem } from '../util/arguments.js';
import { fail, type Result } from '../util/result.js';
import { compileAll, pickPlan } from './load.js';
import { applyOverrides } from './overrides.js';

/**
 * Compiles the plan recorded in a trials file's metadata.
 * @example recordedPlan((await readShards(paths)).meta)
 */
export function recordedPlan(meta: TrialsFileMeta): Result<Model> {
  const bad = argumentProblem('recordedPlan', 'meta', meta, ARG.trialsMeta);
  if (bad !== null) return fail([bad]);
  const bundle = compileAll(meta.scenario, meta.file, { trials: meta.trials, seed: meta.seed });
  if (!bundle.ok) return bundle;
  const plan = pickPlan(bundle.value, meta.variant ?? undefined);
  if (!plan.ok || meta.edits.length === 0) return plan;
  return applyOverrides(
    { model: plan.value, bundle: bundle.value, variant: meta.variant },
    meta.edits.map(([set, value]) => ({ set, value })),
    '--set',
  );
}
