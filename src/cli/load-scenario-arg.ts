/**
 * Reading the scenario a command names: its `file` argument with `--variant`, `--set`,
 * `--trials` and `--seed`. Apart from scenario-arg.ts because it loads the scenario layer
 * (zod, yaml), which a command loads only when it runs.
 */
import type { Model } from '../model/types.js';
import { loadScenario, type ScenarioBundle } from '../scenario/index.js';
import { applyOverrides } from '../scenario/overrides.js';
import { InputError } from '../util/result.js';
import type { CliContext, CommonArgs } from './context.js';
import { outputName, scenarioArg } from './scenario-arg.js';
import { parseSets } from './set-arg.js';

/**
 * Loads the scenario of a command's `file` argument with its `--variant`, `--set`, `--trials`
 * and `--seed`: the plan (variant and edits applied), the bundle it came from, the text it
 * was compiled from, and names for messages and outputs.
 */
export async function loadScenarioArg(
  args: Record<string, unknown> & CommonArgs,
  ctx: CliContext,
): Promise<{
  model: Model;
  /** The base plan and every variant, from the one parse. */
  bundle: ScenarioBundle;
  /** The `--set` edits, as [dot path, value] pairs (already applied to `model`). */
  edits: [string, unknown][];
  text: string;
  /** Where the scenario was read from (a path, or STDIN). */
  file: string;
  /** The scenario as the user named it (`stdin` for standard input). */
  shown: string;
  /**
   * Its file name without extension, for default output names; for standard input, the
   * scenario's own name made file-safe (`Acme FY2027 plan` → `acme-fy2027-plan`).
   */
  name: string;
  variant: string | undefined;
}> {
  const { path: file, shown } = scenarioArg(args.file, ctx);
  const variant = typeof args.variant === 'string' ? args.variant : undefined;
  const sets = parseSets(args.set);
  const {
    model: plan,
    text,
    bundle,
  } = await loadScenario(file, {
    displayName: shown,
    ...(variant === undefined ? {} : { variant }),
    ...(args.trials === undefined ? {} : { trials: args.trials }),
    ...(args.seed === undefined ? {} : { seed: args.seed }),
  });
  let model = plan;
  if (sets.length > 0) {
    const r = applyOverrides({ model: plan, bundle, variant: variant ?? null }, sets, '--set');
    if (!r.ok) throw new InputError(r.errors);
    model = r.value;
  }
  const edits = sets.flatMap((o): [string, unknown][] => ('set' in o ? [[o.set, o.value]] : []));
  const name = outputName(file, model.name);
  return { model, bundle, edits, text, file, shown, name, variant };
}
