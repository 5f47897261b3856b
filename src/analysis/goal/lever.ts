/**
 * The lever of a goal-seek: what one number moves, within which bounds, and which overrides
 * set it to a value.
 *
 *   channels.<id>.spend          a channel's spend per period, within its min_spend … max_spend
 *   allocation.budget            total spend per period of the allocated channels: re-split by the
 *                                allocation's expected-model split, or scaled pro rata without an
 *                                allocation block
 *   team.<role>.hires.<YYYY-MM>  a role's hires in one period (whole numbers)
 *   any other numeric dot path   with explicit bounds (bounds.min and .max; --min, --max); set
 *                                like `--set` does
 */
import { type ParamUnit, paramUnit } from '../../model/param-unit.js';
import type { Model } from '../../model/types.js';
import type { Override } from '../../scenario/overrides.js';
import { canonicalParamPath } from '../../scenario/params.js';
import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import { checkOptionNames, type OptionNames } from '../../util/option-names.js';
import { InputError } from '../../util/result.js';
import { ExpectedModel } from '../allocate/expected-model.js';
import { expectedSplit, expectedValue } from '../allocate/expected-split.js';
import { defineProblem } from '../allocate/problem.js';
import { msg } from './messages.js';

/** A lever resolved against a plan. */
export interface Lever {
  /** The dot path the user named. */
  readonly path: string;
  /** What kind of lever it is, for messages and the chart's axis. */
  readonly kind: 'spend' | 'budget' | 'hires' | 'path';
  /** The plan's own value (for spend and budget, per period), or null when it has none. */
  readonly current: number | null;
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (hires). */
  readonly integer: boolean;
  /**
   * What the value measures ({@link paramUnit}): `money` for spend and budget, `number` for
   * hires, a dot path's own unit otherwise (`team.ae.cost` money, `funnel.won.rate` percent).
   */
  readonly unit: ParamUnit;
  /** Whether the value is money (`unit` is `money`). */
  readonly money: boolean;
  /** The overrides that put the lever at `value`. */
  readonly overrides: (value: number) => Override[];
  /**
   * The overrides that give the plan itself at its own value (`current`), when
   * `overrides(current)` would not (a budget lever re-splits even the plan's own budget).
   */
  readonly plan?: readonly Override[];
}

/** Bounds a user may give for any lever (they narrow a lever's own bounds). */
export interface LeverBounds {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

/** The names bounds take: `{ minimum: 0 }` would otherwise leave the lever's own bound. */
export const LEVER_BOUNDS: OptionNames<LeverBounds> = { min: true, max: true };

/**
 * How a goal-seek's inputs are named in messages: `where` heads the diagnostic, `name` is
 * what a message tells the caller to give. The library names its options
 * (`goalSeek: options.bounds.min`, "give bounds.min"), the CLI its flags (`--min`).
 */
export interface GoalNames {
  readonly prefix: string;
  readonly lever: string;
  readonly min: string;
  readonly max: string;
  readonly metric: string;
  readonly target: string;
  readonly probability: string;
  readonly tolerance: string;
  readonly trials: string;
}

/** Names for library callers. */
export const GOAL_OPTIONS: GoalNames = {
  prefix: 'goalSeek: options.',
  lever: 'lever',
  min: 'bounds.min',
  max: 'bounds.max',
  metric: 'metric',
  target: 'target',
  probability: 'probability',
  tolerance: 'tolerance',
  trials: 'trials',
};

/** Names for `salesops goal` (the metric and its target are one flag). */
export const GOAL_FLAGS: GoalNames = {
  prefix: '',
  lever: '--lever',
  min: '--min',
  max: '--max',
  metric: '--target',
  target: '--target',
  probability: '--probability',
  tolerance: '--tolerance',
  trials: '--trials',
};

/** Largest number of hires a hires lever tries without an explicit bounds.max (--max). */
const DEFAULT_MAX_HIRES = 50;

/**
 * Resolves the lever at `path` of `model`. `bounds` narrow the lever's own (default: none
 * given, the lever's own). `fieldProblem`, when given, says why a dot-path lever names no
 * field of the scenario (checked before its bounds, so a misspelt lever is not reported as a
 * missing bound).
 * @throws InputError naming the lever, min or max (as `names` calls them) when the path is no
 * lever or the bounds are missing or empty; `lever: bounds.NAME` for a bound other than min
 * and max; and `lever: model` or `lever: path` for an argument that is missing or of the
 * wrong kind.
 * @example lever(model, 'channels.paid_search.spend')
 */
export function lever(
  model: Model,
  path: string,
  bounds: LeverBounds = {},
  names: GoalNames = GOAL_OPTIONS,
  fieldProblem?: (path: string) => string | null,
): Lever {
  checkArgument('lever', 'model', model, ARG.model);
  checkArgument('lever', 'path', path, ARG.leverPath);
  checkOptionNames('lever', bounds, LEVER_BOUNDS, '', 'bounds');
  const problem = (which: 'lever' | 'min' | 'max', message: string, at = ''): InputError =>
    new InputError([{ file: `${names.prefix}${names[which]}`, line: null, path: at, message }]);
  const spend = /^channels\.([^.]+)\.spend$/.exec(path);
  const hires = /^team\.([^.]+)\.hires\.(\d{4}-\d{2})$/.exec(path);
  const T = model.calendar.periods;
  const within = (lo: number, hi: number, integer: boolean): [number, number] => {
    const min = Math.max(lo, bounds.min ?? lo);
    const max = Math.min(hi, bounds.max ?? hi);
    if (!Number.isFinite(min) || !Number.isFinite(max)) {
      const which = Number.isFinite(min) ? 'max' : 'min';
      throw problem(
        which,
        `the lever ${path} has no ${which === 'max' ? 'upper' : 'lower'} bound of its own: give ${names[which]}`,
      );
    }
    if (!(min <= max) || (integer && Math.ceil(min) > Math.floor(max))) {
      throw problem('min', `the lever ${path} has nothing to try between ${min} and ${max}`);
    }
    return integer ? [Math.ceil(min), Math.floor(max)] : [min, max];
  };
  if (spend) {
    const id = spend[1]!;
    const ch = model.channels.find((c) => c.id === id);
    if (!ch) {
      throw problem(
        'lever',
        `no channel ${JSON.stringify(id)}; the scenario has ${model.channels.map((c) => c.id).join(', ')}`,
      );
    }
    const [min, max] = within(ch.minSpend, ch.maxSpend, false);
    const mean = ch.spend.reduce((a, b) => a + b, 0) / T;
    return {
      path,
      kind: 'spend',
      current: mean,
      min,
      max,
      integer: false,
      unit: 'money',
      money: true,
      overrides: (v) => [{ spend: id, value: v }],
    };
  }
  if (path === 'allocation.budget' && model.allocation !== null)
    return allocatedBudget(model, path, within);
  if (path === 'allocation.budget') {
    const ids = model.allocation
      ? model.allocation.channels.map((c) => model.channels[c]!.id)
      : model.channels.filter((c) => c.response.curve !== 'fixed').map((c) => c.id);
    const chosen = model.channels.filter((c) => ids.includes(c.id));
    const perPeriod = Array.from({ length: T }, (_, t) =>
      chosen.reduce((a, c) => a + c.spend[t]!, 0),
    );
    const mean = perPeriod.reduce((a, b) => a + b, 0) / T;
    if (!(mean > 0)) {
      throw problem('lever', 'allocation.budget: the allocated channels spend nothing to scale');
    }
    const [min, max] = within(0, Number.POSITIVE_INFINITY, false);
    return {
      path,
      kind: 'budget',
      // The plan's own spend of those channels (the scale pro rata is relative to).
      current: mean,
      min,
      max,
      integer: false,
      unit: 'money',
      money: true,
      // Pro rata: every allocated channel's spend, in every period, times budget / current.
      overrides: (v) =>
        chosen.map((c) => ({
          set: `channels.${c.id}.spend`,
          value: Array.from(c.spend, (s) => (s * v) / mean),
        })),
    };
  }
  if (hires) {
    const [, role, month] = hires;
    if (!model.roles.some((r) => r.id === role)) {
      throw problem(
        'lever',
        `no role ${JSON.stringify(role)}; the team has ${model.roles.map((r) => r.id).join(', ') || 'no roles'}`,
      );
    }
    const t = model.calendar.labels.indexOf(month!);
    if (t < 0) {
      throw problem(
        'lever',
        `no period ${month} in the horizon: it runs from ${model.calendar.labels[0]} to ${model.calendar.labels.at(-1)}`,
      );
    }
    const r = model.roles.findIndex((x) => x.id === role);
    const [min, max] = within(0, DEFAULT_MAX_HIRES, true);
    return {
      path,
      kind: 'hires',
      current: model.roles[r]!.hires[t]!,
      min,
      max,
      integer: true,
      unit: 'number',
      money: false,
      overrides: (v) => [{ set: path, value: v }],
    };
  }
  const missing = fieldProblem?.(path) ?? null;
  if (missing !== null) throw problem('lever', msg.leverNotANumber(path, missing), path);
  const [min, max] = within(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, false);
  // `funnel[4].rate` and `funnel.4.rate` name the input `funnel.won.rate`.
  const stageIds = model.stages.map((s) => s.id);
  const canonical = canonicalParamPath(path, stageIds) ?? path;
  const param = model.params.find((p) => p.path === canonical);
  // A field that is no input of the model has no domain; its path alone says whether it is money.
  const unit = paramUnit(canonical, param?.domain ?? 'real');
  return {
    path,
    kind: 'path',
    current: param?.dist.kind === 'fixed' ? param.dist.value : null,
    min,
    max,
    integer: false,
    unit,
    money: unit === 'money',
    overrides: (v) => [{ set: path, value: v }],
  };
}

/**
 * The budget lever of a scenario with an `allocation` block: at every budget the allocated
 * channels are re-split by the allocation's expected-model split (equal marginal returns on
 * the expected model, within min_spend, max_spend and max_share; docs/allocate.md), a
 * constant spend per period. Below the channels' total min_spend no split exists.
 */
function allocatedBudget(
  model: Model,
  path: string,
  within: (lo: number, hi: number, integer: boolean) => [number, number],
): Lever {
  const a = model.allocation!;
  const problem = defineProblem(model);
  const T = model.calendar.periods;
  const current = a.channels.map((c) => model.channels[c]!.spend.reduce((x, y) => x + y, 0) / T);
  const totalMax = problem.maxSpend.reduce((x, y) => x + y, 0);
  const [min, max] = within(
    problem.lo.reduce((x, y) => x + y, 0),
    Number.isFinite(totalMax) ? totalMax : Number.POSITIVE_INFINITY,
    false,
  );
  const expected = new ExpectedModel(model, problem.channels);
  const value = expectedValue(expected, a.objective === 'profit' ? 'profit' : 'bookings');
  return {
    path,
    kind: 'budget',
    current: current.reduce((x, y) => x + y, 0),
    min,
    max,
    integer: false,
    unit: 'money',
    money: true,
    overrides: (v) => {
      const p = defineProblem(model, { budget: v });
      const split = expectedSplit(p, value, current);
      return p.ids.map((id, i) => ({ spend: id, value: split[i]! }));
    },
    plan: [],
  };
}
