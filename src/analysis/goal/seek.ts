/**
 * Goal-seek: the smallest value of one lever, within its bounds, at which the metric reaches
 * the target with at least the wanted probability ("what does 9M with 80% probability take?").
 *
 *   1. the bounds: P at the lower bound (enough already?) and at the upper bound (reachable?)
 *   2. bisection on the same trials (common random numbers: P only moves where the lever
 *      does, so it is monotone in a monotone lever) until the bracket is within tolerance
 *   3. a curve of P over the bounds for the chart
 *   4. the answer confirmed on fresh trials (another seed), so the search's luck is not the result
 */
import { DEFAULT_GOAL_STEPS } from '../../defaults.js';
import { msg as scenarioMsg } from '../../scenario/messages.js';
import type { Override } from '../../scenario/overrides.js';
import { resolvePath } from '../../scenario/variants.js';
import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import { InputError } from '../../util/result.js';
import type { Evaluator } from '../evaluator.js';
import { metricReader } from '../metric-reader.js';
import { checkOptionNames, checkRunOption, type OptionNames } from '../run-options.js';
import { proportionError } from '../standard-error.js';
import { type Confirmation, confirmation, fewestToConfirm } from './confirm.js';
import {
  GOAL_OPTIONS,
  type GoalNames,
  LEVER_BOUNDS,
  type Lever,
  type LeverBounds,
  lever,
} from './lever.js';
import { msg } from './messages.js';

export interface GoalOptions {
  /** The lever's dot path (see lever.ts). */
  readonly lever: string;
  readonly bounds?: LeverBounds;
  /** The metric (see metric-reader.ts: `bookings`, `profit`, `wins`, `bookings@Q3`, …). */
  readonly metric: string;
  /** The value the metric must reach (≥). */
  readonly target: number;
  /** The wanted probability of reaching it, in (0, 1). */
  readonly probability: number;
  /** Trials per evaluation, a whole number from 1 to 10,000,000; default the plan's. */
  readonly trials?: number;
  /**
   * Bisection stops when the bracket is at most this wide, a number above 0; default
   * (max − min)/1000 (whole numbers: 1).
   */
  readonly tolerance?: number;
  /** Points of the probability curve drawn for the chart; default 9. */
  readonly curvePoints?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** How messages name the options (default: `goalSeek: options.…`; the CLI passes its flags). */
  readonly names?: GoalNames;
}

const GOAL_SEEK_OPTIONS: OptionNames<GoalOptions> = {
  lever: true,
  bounds: true,
  metric: true,
  target: true,
  probability: true,
  trials: true,
  tolerance: true,
  curvePoints: true,
  onProgress: true,
  names: true,
};

/** One evaluated lever value. */
export interface GoalPoint {
  readonly value: number;
  /** P(metric ≥ target) on the search's trials. */
  readonly probability: number;
}

/** The goal core (docs/json-output.md) and what supports it. */
export interface GoalResult {
  readonly lever: string;
  /** The metric and the value it must reach. */
  readonly target: { readonly metric: string; readonly value: number };
  /** The wanted probability. */
  readonly probability: number;
  /** The smallest lever value that reaches the goal, or null when none within bounds does. */
  readonly value: number | null;
  /** P(metric ≥ target) at `value` on fresh trials (another seed), or the best reached. */
  readonly achieved_probability: number;
  /** Its Monte Carlo standard error, √(p(1 − p)/n); null for one trial, which cannot estimate it. */
  readonly achieved_se: number | null;
  /** The probability at `value` on the search's own trials. */
  readonly search_probability: number | null;
  /**
   * Whether the fresh trials bear the answer out (confirm.ts): false when `achieved_probability`
   * falls short of `probability` by more than GOAL_CONFIRM_SE (1.645) standard errors, and false
   * when they are too few to confirm it — one trial (`achieved_se` null), or fewer than it takes
   * for all of them reaching the target to be evidence (wanted^n ≤ 0.05); null without an answer.
   */
  readonly confirmed: boolean | null;
  readonly bounds: { readonly min: number; readonly max: number };
  /** The plan's own lever value (per period for spend and budget), or null. */
  readonly current: number | null;
  /** The probability at the plan's own value, or null. */
  readonly current_probability: number | null;
  /** Bisection stopped when the bracket was at most this wide. */
  readonly tolerance: number;
  readonly trials: number;
  readonly seed: number;
  readonly confirm_seed: number;
  /** Every evaluated value, sorted (the chart's curve and the bisection's steps). */
  readonly points: readonly GoalPoint[];
  readonly lever_kind: Lever['kind'];
  /** What the lever's value measures (`money`, `percent` or `number`): its unit on the chart. */
  readonly unit: Lever['unit'];
  /** Whether the lever's value is money (`unit` is `money`). */
  readonly money: boolean;
  /** One plain sentence: the answer, or why there is none. */
  readonly sentence: string;
}

/** The seed of the confirming run: another stream of trials than the search's. */
export function confirmSeed(seed: number): number {
  return seed === Number.MAX_SAFE_INTEGER ? seed - 1 : seed + 1;
}

/**
 * Goal-seek on a prepared evaluator's plan. Every input is checked before any trial runs.
 * @throws InputError naming the option (`goalSeek: options.tolerance: ✖ expected a number
 * above 0, got 0`; the CLI's flags with `names: GOAL_FLAGS`) for a probability outside (0, 1),
 * a target, bound or tolerance that is no finite number (tolerance: above 0), bad trials, a
 * metric the plan lacks, or a lever that names no field or cannot take its bounds.
 * @example await goalSeek(ev, { lever: 'channels.paid_search.spend', metric: 'bookings', target: 9e6, probability: 0.8 })
 */
export async function goalSeek(ev: Evaluator, opts: GoalOptions): Promise<GoalResult> {
  checkArgument('goalSeek', 'ev', ev, ARG.evaluator);
  checkArgument('goalSeek', 'options', opts, ARG.goalOptions);
  checkOptionNames(
    'goalSeek',
    opts,
    GOAL_SEEK_OPTIONS,
    "min and max go in bounds: { min, max }; the seed is the plan's, and the workers the evaluator's (prepare)",
  );
  if (opts.bounds !== null)
    checkOptionNames('goalSeek', opts.bounds, LEVER_BOUNDS, '', 'options.bounds');
  // The CLI always gives the lever and the metric: a missing one is a library caller's.
  checkArgument('goalSeek', 'options.lever', opts.lever, ARG.leverPath);
  checkArgument('goalSeek', 'options.metric', opts.metric, ARG.metric);
  const names = opts.names ?? GOAL_OPTIONS;
  checkInputs(ev, opts, names);
  const l = lever(ev.model, opts.lever, opts.bounds ?? {}, names, (path) => fieldProblem(ev, path));
  if (l.kind === 'path') checkMoves(ev, l, names);
  const trials = opts.trials ?? ev.model.simulation.trials;
  const seed = ev.model.simulation.seed;
  const tolerance = opts.tolerance ?? (l.integer ? 1 : Math.max((l.max - l.min) / 1000, 1e-12));
  const curve = opts.curvePoints ?? DEFAULT_GOAL_STEPS;
  const maxSteps = 2 + Math.ceil(Math.log2(Math.max(2, (l.max - l.min) / tolerance))) + curve + 2;
  let steps = 0;
  const seen = new Map<number, number>();
  const pAt = async (value: number, s = seed): Promise<{ p: number; n: number }> => {
    if (s === seed && seen.has(value)) return { p: seen.get(value)!, n: trials };
    const e = await ev.evaluate(l.overrides(value), { trials, seed: s, metrics: [opts.metric] });
    const v = e.values[opts.metric]!;
    let hit = 0;
    for (let i = 0; i < v.length; i++) if (v[i]! >= opts.target) hit++;
    steps += 1;
    opts.onProgress?.(steps, maxSteps);
    const p = hit / v.length;
    if (s === seed) seen.set(value, p);
    return { p, n: v.length };
  };
  const wanted = opts.probability;
  const round = (v: number) => (l.integer ? Math.round(v) : v);

  let answer: number | null = null;
  const low = (await pAt(l.min)).p;
  if (low >= wanted) answer = l.min;
  else if ((await pAt(l.max)).p >= wanted) {
    let lo = l.min;
    let hi = l.max;
    while (hi - lo > tolerance) {
      const mid = round((lo + hi) / 2);
      if (mid === lo || mid === hi) break;
      if ((await pAt(mid)).p >= wanted) hi = mid;
      else lo = mid;
    }
    answer = hi;
  }
  // The curve for the chart, over the bounds.
  for (let i = 1; i < curve - 1; i++) await pAt(round(l.min + ((l.max - l.min) * i) / (curve - 1)));
  const current =
    l.current !== null && l.current >= l.min && l.current <= l.max ? round(l.current) : null;
  const currentP =
    current === null
      ? null
      : l.plan === undefined
        ? (await pAt(current)).p
        : await planProbability(ev, l.plan, opts, trials, seed);

  const fresh = confirmSeed(seed);
  const best = [...seen.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  const confirmAt = answer ?? best[0];
  const confirmed = await pAt(confirmAt, fresh);
  const se = proportionError(confirmed.p, confirmed.n);
  const verdict = confirmation(confirmed.p, confirmed.n, wanted);
  opts.onProgress?.(maxSteps, maxSteps);
  const points = [...seen.entries()]
    .map(([value, probability]) => ({ value, probability }))
    .sort((a, b) => a.value - b.value);
  return {
    lever: opts.lever,
    target: { metric: opts.metric, value: opts.target },
    probability: wanted,
    value: answer,
    achieved_probability: confirmed.p,
    achieved_se: se,
    search_probability: answer === null ? null : (seen.get(answer) ?? null),
    confirmed: answer === null ? null : verdict === 'confirmed',
    bounds: { min: l.min, max: l.max },
    current: l.current,
    current_probability: currentP,
    tolerance,
    trials,
    seed,
    confirm_seed: fresh,
    points,
    lever_kind: l.kind,
    unit: l.unit,
    money: l.money,
    sentence: sentence(opts, l, answer, { p: confirmed.p, n: confirmed.n, se, verdict }, best),
  };
}

/** Why the lever names no field of the evaluator's scenario, or null when it names one. */
function fieldProblem(ev: Evaluator, path: string): string | null {
  if (ev.bundle === null) return scenarioMsg.overrideNeedsDocument;
  const r = resolvePath(ev.bundle.doc, path);
  return typeof r === 'string' ? r : null;
}

/** The numbers of `opts`, and its metric, checked before any lever is resolved. */
function checkInputs(ev: Evaluator, opts: GoalOptions, names: GoalNames): void {
  const fail = (which: keyof GoalNames, message: string) =>
    new InputError([{ file: `${names.prefix}${names[which]}`, line: null, path: '', message }]);
  const p = opts.probability;
  if (!(typeof p === 'number' && p > 0 && p < 1)) throw fail('probability', msg.probability(p));
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (!finite(opts.target)) throw fail('target', msg.target(opts.target));
  for (const which of ['min', 'max'] as const) {
    const v = opts.bounds?.[which];
    if (v !== undefined && !finite(v)) throw fail(which, msg.bound(v));
  }
  const tol = opts.tolerance;
  if (tol !== undefined && !(finite(tol) && tol > 0)) throw fail('tolerance', msg.tolerance(tol));
  checkRunOption(`${names.prefix}${names.trials}`, 'trials', opts.trials);
  const reader = metricReader(ev.layout, ev.model.calendar, opts.metric);
  if (typeof reader === 'string') throw fail('metric', reader);
}

/**
 * Throws an InputError naming the lever when a dot-path lever is no number the plan can take
 * (`scenario`, a name), or the bound (min, max) that is a value the field refuses, before any
 * trial runs: the plan's own check would name the overrides (`--set`), which the user never
 * gave.
 */
function checkMoves(ev: Evaluator, l: Lever, names: GoalNames): void {
  const refusal = (value: number): string | null => {
    try {
      ev.plan(l.overrides(value));
      return null;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const m = e.diagnostics[0]?.message ?? e.message;
      return m.startsWith(`${ev.label}: `) ? m.slice(ev.label.length + 2) : m;
    }
  };
  const mid = (l.min + l.max) / 2;
  const inside = refusal(mid);
  const fail = (which: 'lever' | 'min' | 'max', message: string) =>
    new InputError([{ file: `${names.prefix}${names[which]}`, line: null, path: l.path, message }]);
  if (inside !== null) throw fail('lever', msg.leverNotANumber(l.path, inside));
  for (const [which, value] of [
    ['min', l.min],
    ['max', l.max],
  ] as const) {
    const r = refusal(value);
    if (r !== null) throw fail(which, msg.leverCannotBe(l.path, value, r));
  }
}

/** P(metric ≥ target) of the plan itself (with `overrides`), on the search's trials. */
async function planProbability(
  ev: Evaluator,
  overrides: readonly Override[],
  opts: GoalOptions,
  trials: number,
  seed: number,
): Promise<number> {
  const e = await ev.evaluate(overrides, { trials, seed, metrics: [opts.metric] });
  const v = e.values[opts.metric]!;
  let hit = 0;
  for (let i = 0; i < v.length; i++) if (v[i]! >= opts.target) hit++;
  return hit / v.length;
}

/**
 * A lever value in the sentence, as the plain number `--set` takes: up to 2 decimals, or as
 * many as 3 significant digits need (a growth of 0.00583 read "0.01").
 */
function setValue(x: number): string {
  const decimals = x === 0 ? 0 : Math.min(20, Math.max(2, 2 - Math.floor(Math.log10(Math.abs(x)))));
  return x.toLocaleString('en-US', { maximumFractionDigits: decimals });
}

function sentence(
  opts: GoalOptions,
  l: Lever,
  answer: number | null,
  achieved: { p: number; n: number; se: number | null; verdict: Confirmation },
  best: readonly [number, number],
): string {
  const pct = (p: number) => `${(100 * p).toFixed(1)}%`;
  const goal = `${opts.metric} ≥ ${opts.target.toLocaleString('en-US')} with probability ${pct(opts.probability)}`;
  if (answer === null) {
    return `No value of ${opts.lever} from ${setValue(l.min)} to ${setValue(l.max)} reaches ${goal}: the best is ${pct(best[1])}, at ${setValue(best[0])}.`;
  }
  const value = l.integer ? answer.toLocaleString('en-US') : setValue(answer);
  if (achieved.se === null) {
    return `${opts.lever} = ${value} is the smallest value that reaches ${goal} on the search trial; on 1 fresh trial ${pct(achieved.p)} ± n/a: one trial cannot estimate the Monte Carlo error, so the answer is not confirmed; run more trials (hundreds for a useful answer).`;
  }
  if (achieved.verdict === 'too-few') {
    const fewest = fewestToConfirm(opts.probability).toLocaleString('en-US');
    return `${opts.lever} = ${value} is the smallest value that reaches ${goal} on the search trials; on ${achieved.n.toLocaleString('en-US')} fresh trials ${pct(achieved.p)}: fewer than ${fewest} fresh trials cannot confirm a probability of ${pct(opts.probability)} (even all of them reaching the target is more than 5% likely at a probability below it), so the answer is not confirmed; run more trials (hundreds for a useful answer).`;
  }
  if (achieved.verdict === 'short') {
    return `${opts.lever} = ${value} is the smallest value that reaches ${goal} on the search trials; on fresh trials ${pct(achieved.p)} ± ${pct(achieved.se)}, short of ${pct(opts.probability)} by more than its Monte Carlo error: the answer may be too low, more trials will tell.`;
  }
  return `${opts.lever} = ${value} is the smallest value that reaches ${goal} (${pct(achieved.p)} on fresh trials).`;
}
