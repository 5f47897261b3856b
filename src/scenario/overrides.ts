/**
 * Overrides: what an analysis or a one-off what-if changes in a plan, checked with the same
 * messages as a variant. Edits of the scenario document (`set`, like a variant's `set` and
 * `--set`) recompile the document; the model-level overrides an analysis asks for many times
 * (a channel's spend, an uncertain input fixed at a value or quantile, or its draws scaled)
 * change the compiled plan directly, without recompiling.
 *
 *   overrides ─► set edits ─► compileEdited (validate + compile, like a variant) ─┐
 *             └► spend / fix / quantile / scale ─► a copy of the plan ◄──────────┘
 */
import type { ChannelModel, Model, Param } from '../model/types.js';
import { distQuantile } from '../stats/dist-math.js';
import { ARG } from '../util/argument-kinds.js';
import { argumentProblem } from '../util/arguments.js';
import { type OptionNames, optionNamesProblem } from '../util/option-names.js';
import { type Diagnostic, fail, ok, type Result } from '../util/result.js';
import { closest } from '../util/suggest.js';
import { compileEdited, type ScenarioBundle, variantEntries, withBaseDesign } from './load.js';
import { msg } from './messages.js';
import { canonicalParamPath } from './params.js';
import { splitDotPath } from './path.js';

/**
 * One change to a plan.
 * - `set`: a dot path of the scenario and a value as the file would hold it (a number, a
 *   `"LOW to HIGH"` string, a distribution, a per-period map): exactly a variant's `set` entry.
 * - `spend`: a channel id and its spend per period (one number, or one per period), which
 *   must lie within the channel's `min_spend` and `max_spend` (the allocation's decision).
 * - `fix`: an input's dot path and the value it takes in every trial.
 * - `quantile`: an input's dot path and the quantile (0–1) of its distribution it is fixed at.
 * - `scale`: an input's dot path and a multiplier on its draw in every trial (its median moves
 *   by that factor; the same draws, so the two runs pair).
 * - `reseed`: an input's dot path and a seed whose draws of that input it takes (pick-freeze
 *   designs: a run of seed B whose input i is run A's).
 */
export type Override =
  | { readonly set: string; readonly value: unknown }
  | { readonly spend: string; readonly value: number | readonly number[] }
  | { readonly fix: string; readonly value: number }
  | { readonly quantile: string; readonly value: number }
  | { readonly scale: string; readonly value: number }
  | { readonly reseed: string; readonly value: number };

/**
 * What overrides apply to: a compiled plan, with its scenario bundle for `set` edits and the
 * name of the bundle's variant the plan is (its own edits come before the `set` ones; default
 * `model.variant`).
 */
export interface OverrideTarget {
  readonly model: Model;
  readonly bundle: ScenarioBundle | null;
  readonly variant?: string | null;
}

// `{ model, bundle, varient }` would otherwise start the `set` edits from the model's own variant.
const OVERRIDE_TARGET: OptionNames<OverrideTarget> = { model: true, bundle: true, variant: true };

/**
 * The plan with `overrides` applied, in order (`set` edits first, as one what-if), or every
 * problem found. `label` names the overrides in messages (`--set` on the command line); an
 * object that is no override (one kind key naming a path or channel, and `value`) is a
 * diagnostic too, as is a name `target` does not take.
 * @example applyOverrides({ model, bundle }, [{ spend: 'paid_search', value: 60000 }])
 */
export function applyOverrides(
  target: OverrideTarget,
  overrides: readonly Override[],
  label = 'override',
): Result<Model> {
  const bad =
    argumentProblem('applyOverrides', 'target', target, ARG.overrideTarget) ??
    optionNamesProblem('applyOverrides', target, OVERRIDE_TARGET, '', 'target') ??
    argumentProblem('applyOverrides', 'target.model', target.model, ARG.model) ??
    argumentProblem('applyOverrides', 'target.bundle', target.bundle, ARG.bundleOrNull) ??
    argumentProblem('applyOverrides', 'overrides', overrides, ARG.overrides);
  if (bad !== null) return fail([bad]);
  // A JavaScript caller may leave the bundle out: that is no bundle.
  const bundle = target.bundle ?? null;
  const file = bundle?.file ?? target.model.name;
  // A caller's object of another shape would otherwise fail deep inside with a TypeError.
  const malformed = overrides.flatMap((o, i) =>
    overrideKind(o) === null
      ? [{ file, line: null, path: '', message: `${label}: ${msg.overrideShape(i, o)}` }]
      : [],
  );
  if (malformed.length > 0) return fail(malformed);
  const sets = overrides.flatMap((o) => ('set' in o ? [[o.set, o.value] as const] : []));
  let model = target.model;
  if (sets.length > 0) {
    if (bundle === null) {
      return fail([{ file, line: null, path: '', message: msg.overrideNeedsDocument }]);
    }
    const variant = target.variant === undefined ? target.model.variant : target.variant;
    const own = variant ? variantEntries(bundle.doc, variant) : [];
    const edited = compileEdited(
      bundle.doc,
      bundle.source,
      bundle.file,
      [...own, ...sets],
      {
        at: (key) => splitDotPath(key) ?? [key],
        describe: (m) => `${label}: ${m}`,
        lineOf: () => null,
      },
      bundle.options,
    );
    if (!edited.ok) return edited;
    model = withBaseDesign(bundle.base, { ...edited.value, variant: variant ?? null });
  }
  const errors: Diagnostic[] = [];
  const at = (path: string, message: string) =>
    errors.push({ file, line: null, path, message: `${label}: ${message}` });
  let channels: ChannelModel[] | null = null;
  let params: Param[] | null = null;
  const stageIds = model.stages.map((s) => s.id);
  for (const o of overrides) {
    if ('set' in o) continue;
    if ('spend' in o) {
      const c = model.channels.findIndex((x) => x.id === o.spend);
      const path = `channels.${o.spend}.spend`;
      if (c < 0) {
        const ids = model.channels.map((x) => x.id);
        at(path, msg.overrideNoChannel(o.spend, closest(o.spend, ids)));
        continue;
      }
      const spend = spendArray(model, c, o.value, (m) => at(path, m));
      if (spend === null) continue;
      channels ??= [...model.channels];
      channels[c] = { ...channels[c]!, spend };
      continue;
    }
    const [kind, path, value] =
      'fix' in o
        ? (['fix', o.fix, o.value] as const)
        : 'quantile' in o
          ? (['quantile', o.quantile, o.value] as const)
          : 'scale' in o
            ? (['scale', o.scale, o.value] as const)
            : (['reseed', o.reseed, o.value] as const);
    const canonical = canonicalParamPath(path, stageIds);
    const p = canonical === null ? -1 : model.params.findIndex((x) => x.path === canonical);
    if (p < 0) {
      const paths = model.params.map((x) => x.path);
      at(path, msg.overrideNoInput(path, closest(path, paths)));
      continue;
    }
    params ??= [...model.params];
    const param = params[p]!;
    const changed = paramOverride(param, kind, value, (m) => at(canonical!, m));
    if (changed !== null) params[p] = changed;
  }
  if (errors.length > 0) return fail(errors);
  if (channels === null && params === null) return ok(model);
  return ok({ ...model, channels: channels ?? model.channels, params: params ?? model.params });
}

/** The kinds of {@link Override}, by their key. */
const OVERRIDE_KINDS = ['set', 'spend', 'fix', 'quantile', 'scale', 'reseed'] as const;

/** The kind of `o` when it is an override: one kind key naming a path (or channel), and `value`. */
function overrideKind(o: unknown): (typeof OVERRIDE_KINDS)[number] | null {
  if (o === null || typeof o !== 'object' || Array.isArray(o) || !('value' in o)) return null;
  const kinds = OVERRIDE_KINDS.filter((k) => Object.hasOwn(o, k));
  if (kinds.length !== 1) return null;
  return typeof (o as Record<string, unknown>)[kinds[0]!] === 'string' ? kinds[0]! : null;
}

/** Channel c's spend per period from an override's value, or null after reporting why not. */
function spendArray(
  model: Model,
  c: number,
  value: number | readonly number[],
  problem: (message: string) => void,
): Float64Array | null {
  const ch = model.channels[c]!;
  const T = model.calendar.periods;
  const values = typeof value === 'number' ? new Array<number>(T).fill(value) : value;
  if (!Array.isArray(values) && !(typeof value === 'number')) {
    problem(msg.overrideSpend(ch.id, ch.minSpend, ch.maxSpend, value));
    return null;
  }
  if (values.length !== T) {
    problem(msg.overrideSpendLength(T, values.length));
    return null;
  }
  for (const v of values) {
    if (!(typeof v === 'number' && v >= ch.minSpend && v <= ch.maxSpend)) {
      problem(msg.overrideSpend(ch.id, ch.minSpend, ch.maxSpend, v));
      return null;
    }
  }
  return Float64Array.from(values);
}

/** `param` fixed, fixed at a quantile, or scaled; null after reporting a bad value. */
function paramOverride(
  param: Param,
  kind: 'fix' | 'quantile' | 'scale' | 'reseed',
  value: unknown,
  problem: (message: string) => void,
): Param | null {
  const { path, domain } = param;
  if (kind === 'reseed') {
    if (
      !(
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= 0 &&
        value <= Number.MAX_SAFE_INTEGER
      )
    ) {
      problem(msg.overrideSeed(path, value));
      return null;
    }
    return { ...param, seed: value };
  }
  if (kind === 'scale') {
    if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
      problem(msg.overrideScale(path, value));
      return null;
    }
    return { ...param, scale: param.scale * value };
  }
  if (kind === 'quantile') {
    if (!(typeof value === 'number' && value > 0 && value < 1)) {
      problem(msg.overrideQuantile(path, value));
      return null;
    }
    return { ...param, dist: { kind: 'fixed', value: distQuantile(param.dist, value) } };
  }
  const inDomain =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (domain === 'rate' ? value >= 0 && value <= 1 : domain === 'positive' ? value >= 0 : true);
  if (!inDomain) {
    const what =
      domain === 'rate'
        ? 'a rate from 0 to 1'
        : domain === 'positive'
          ? 'a number ≥ 0'
          : 'a number';
    problem(msg.overrideFix(path, what, value));
    return null;
  }
  return { ...param, dist: { kind: 'fixed', value: value as number } };
}
