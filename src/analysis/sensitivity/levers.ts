/**
 * The tornado's levers: every uncertain input, moved from its P10 to its P90, and every fixed
 * input the user names with `--vary PATH=±x%` (a channel's spend included), moved by that
 * fraction either way — each as the two overrides that set it low and high on top of the
 * plan with every uncertain input at its median.
 *
 *   uncertain p:        {quantile: p, 0.1}      {quantile: p, 0.9}
 *   fixed p, ±x:        {fix: p, v·(1 − x)}      {fix: p, v·(1 + x)}
 *   whole-number p, ±x: {fix: p, v − round(v·x)} {fix: p, v + round(v·x)}  (headcount, accounts)
 *   channels.c.spend:   {spend: c, s·(1 − x)}    {spend: c, s·(1 + x)}   (every period)
 */
import type { Domain } from '../../model/dist.js';
import type { Model, Param } from '../../model/types.js';
import { applyOverrides, type Override } from '../../scenario/overrides.js';
import { canonicalParamPath } from '../../scenario/params.js';
import { splitDotPath } from '../../scenario/path.js';
import { clampToDomain } from '../../sim/params.js';
import { distQuantile } from '../../stats/dist-math.js';
import { type Diagnostic, InputError } from '../../util/result.js';
import { closest } from '../../util/suggest.js';
import { whatIfMsg } from '../messages.js';

/** A fixed input to move by ±`by` (0.2 for ±20%). */
export interface Vary {
  readonly path: string;
  readonly by: number;
}

/** One tornado bar's input: its values and the overrides that set it low and high. */
export interface Lever {
  readonly path: string;
  readonly kind: 'uncertain' | 'varied';
  readonly domain: Domain;
  readonly low: number;
  readonly high: number;
  readonly lowOverride: Override;
  readonly highOverride: Override;
  /** The param index of an uncertain input (its median override is replaced), else −1. */
  readonly param: number;
  readonly by: number | null;
}

/**
 * Whether the kernel rounds `param` to a whole number in every trial (a role's headcount, the
 * installed accounts; docs/scenario-format.md).
 * @example wholeNumber(model, model.roles[0].headcount) // true
 */
export function wholeNumber(model: Model, param: number): boolean {
  return param === model.customers.accounts || model.roles.some((r) => r.headcount === param);
}

/**
 * The value of `param` at quantile q of its distribution, as a trial would use it (rounded
 * when `whole`, as the kernel rounds a headcount).
 * @example valueAt(model.params[3], 0.9) // its P90, scaled and clamped like a draw
 */
export function valueAt(param: Param, q: number, whole = false): number {
  const v = clampToDomain(distQuantile(param.dist, q) * param.scale, param.domain);
  return whole ? Math.round(v) : v;
}

/**
 * Every uncertain input fixed at its median: the tornado's centre.
 * @example medianOverrides(model) // [{ quantile: 'funnel.won.rate', value: 0.5 }, …]
 */
export function medianOverrides(model: Model): Override[] {
  return model.params.flatMap((p) =>
    p.dist.kind === 'fixed' ? [] : [{ quantile: p.path, value: 0.5 }],
  );
}

/**
 * The levers of `model`: its uncertain inputs in model order, then the varied ones.
 * @throws InputError (label `--vary`) naming a path that is no fixed input or spend, an
 *   uncertain input, a repeated path, or a move out of the input's domain or spend bounds.
 * @example levers(model, [{ path: 'funnel.sql.rate', by: 0.2 }])
 */
export function levers(model: Model, vary: readonly Vary[], label = '--vary'): Lever[] {
  const out: Lever[] = [];
  model.params.forEach((p, i) => {
    if (p.dist.kind === 'fixed') return;
    out.push({
      path: p.path,
      kind: 'uncertain',
      domain: p.domain,
      low: valueAt(p, 0.1, wholeNumber(model, i)),
      high: valueAt(p, 0.9, wholeNumber(model, i)),
      lowOverride: { quantile: p.path, value: 0.1 },
      highOverride: { quantile: p.path, value: 0.9 },
      param: i,
      by: null,
    });
  });
  const errors: Diagnostic[] = [];
  const problem = (path: string, message: string) =>
    errors.push({ file: label, line: null, path, message });
  const seen = new Set<string>();
  for (const v of vary) {
    const lever = varied(model, v, (m) => problem(v.path, m));
    if (lever === null) continue;
    if (seen.has(lever.path)) {
      problem(v.path, whatIfMsg.varyTwice(lever.path));
      continue;
    }
    seen.add(lever.path);
    // The input's own checks (a rate stays within 0 … 1, a spend within its bounds).
    for (const o of [lever.lowOverride, lever.highOverride]) {
      const r = applyOverrides({ model, bundle: null }, [o], label);
      if (!r.ok) errors.push(...r.errors);
    }
    out.push(lever);
  }
  if (errors.length > 0) throw new InputError(dedupe(errors));
  return out;
}

function varied(model: Model, v: Vary, problem: (message: string) => void): Lever | null {
  if (!(Number.isFinite(v.by) && v.by > 0 && v.by < 1)) {
    problem(whatIfMsg.varyAmount(v.path, v.by));
    return null;
  }
  const segs = splitDotPath(v.path);
  if (segs?.length === 3 && segs[0] === 'channels' && segs[2] === 'spend') {
    const id = String(segs[1]);
    const ch = model.channels.find((c) => c.id === id);
    if (ch === undefined) {
      problem(whatIfMsg.varyNoInput(v.path, closest(v.path, knownPaths(model))));
      return null;
    }
    const scaled = (f: number) => Array.from(ch.spend, (s) => s * f);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (const f of [1 - v.by, 1 + v.by]) {
      const bad = scaled(f).findIndex((s) => s < ch.minSpend || s > ch.maxSpend);
      if (bad >= 0) {
        problem(
          whatIfMsg.varySpendBounds(
            id,
            f,
            model.calendar.labels[bad]!,
            scaled(f)[bad]!,
            ch.minSpend,
            ch.maxSpend,
          ),
        );
        return null;
      }
    }
    if (ch.spend.every((s) => s === 0)) {
      problem(whatIfMsg.varyZero(v.path));
      return null;
    }
    return {
      path: `channels.${id}.spend`,
      kind: 'varied',
      domain: 'positive',
      low: mean(scaled(1 - v.by)),
      high: mean(scaled(1 + v.by)),
      lowOverride: { spend: id, value: scaled(1 - v.by) },
      highOverride: { spend: id, value: scaled(1 + v.by) },
      param: -1,
      by: v.by,
    };
  }
  const canonical = canonicalParamPath(
    v.path,
    model.stages.map((s) => s.id),
  );
  const param = canonical === null ? undefined : model.params.find((p) => p.path === canonical);
  if (param === undefined) {
    problem(whatIfMsg.varyNoInput(v.path, closest(v.path, knownPaths(model))));
    return null;
  }
  if (param.dist.kind !== 'fixed') {
    problem(whatIfMsg.varyUncertain(param.path));
    return null;
  }
  // The fixed value before the param's scale, which the kernel applies on top of a fix.
  const raw = param.dist.value;
  if (raw * param.scale === 0) {
    problem(whatIfMsg.varyZero(param.path));
    return null;
  }
  if (wholeNumber(model, model.params.indexOf(param))) {
    // The kernel rounds it in every trial: move it by whole units, the same number either
    // way (the move rounded, halves up), and report and simulate the values used.
    const centre = Math.round(clampToDomain(raw * param.scale, param.domain));
    const move = Math.round(centre * v.by);
    if (centre === 0) {
      problem(whatIfMsg.varyZero(param.path));
      return null;
    }
    if (move === 0) {
      problem(whatIfMsg.varyWhole(param.path, centre, v.by));
      return null;
    }
    const low = Math.max(0, centre - move);
    const high = centre + move;
    return {
      path: param.path,
      kind: 'varied',
      domain: param.domain,
      low,
      high,
      lowOverride: { fix: param.path, value: low / param.scale },
      highOverride: { fix: param.path, value: high / param.scale },
      param: -1,
      by: v.by,
    };
  }
  const at = (f: number) => clampToDomain(raw * f * param.scale, param.domain);
  return {
    path: param.path,
    kind: 'varied',
    domain: param.domain,
    low: at(1 - v.by),
    high: at(1 + v.by),
    lowOverride: { fix: param.path, value: raw * (1 - v.by) },
    highOverride: { fix: param.path, value: raw * (1 + v.by) },
    param: -1,
    by: v.by,
  };
}

/** Paths `--vary` accepts: fixed inputs and every channel's spend. */
function knownPaths(model: Model): string[] {
  return [
    ...model.params.filter((p) => p.dist.kind === 'fixed').map((p) => p.path),
    ...model.channels.map((c) => `channels.${c.id}.spend`),
  ];
}

/** The low and high overrides of one input often fail alike: say it once. */
function dedupe(errors: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return errors.filter((d) => {
    const key = `${d.path}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
