/**
 * The decision: a constant spend per period for each allocated channel, each within its
 * `min_spend` … `max_spend` (and `max_share` of the budget), summing to the budget — or, when
 * the budget exceeds what the channels can take, every channel at its maximum. Points of the
 * search sit on the `step` grid: starts are rounded to multiples of `step`, and moves shift
 * whole steps between channels, never past a bound.
 */
import type { AllocationObjective, Model } from '../../model/types.js';
import { budgetProblems } from '../../scenario/allocation-check.js';
import { describeValue } from '../../util/describe-value.js';
import { type Diagnostic, InputError } from '../../util/result.js';

/** One allocation problem: which channels, their bounds at this budget, and the grid. */
export interface AllocationProblem {
  /** Channel indices in the model, in the allocation's order. */
  readonly channels: readonly number[];
  readonly ids: readonly string[];
  /** Lower bound per allocated channel (its min_spend). */
  readonly lo: readonly number[];
  /** Upper bound per allocated channel: min(max_spend, max_share · budget). */
  readonly hi: readonly number[];
  /** Each allocated channel's max_spend (Infinity when not given). */
  readonly maxSpend: readonly number[];
  /** The budget asked for. */
  readonly budget: number;
  /** What is spent: the budget, or Σ hi when the channels cannot take the whole budget. */
  readonly total: number;
  /** Budget left unspent because every channel is at its upper bound (0 normally). */
  readonly unspent: number;
  readonly step: number;
  readonly maxShare: number | null;
  readonly objective: AllocationObjective;
}

/** Options that override the scenario's allocation block. */
export interface ProblemOptions {
  readonly budget?: number;
  readonly objective?: AllocationObjective;
}

/** The objectives an allocation can maximise. */
export const OBJECTIVES: readonly AllocationObjective[] = ['revenue', 'profit', 'p10', 'target'];

/**
 * What is wrong with an objective or budget a caller gives (`--objective`, `--budget`, or the
 * library's options), or null: one wording for both.
 * @example allocationOptionProblem.objective('nope') // 'expected revenue, profit, p10 or target, got "nope"'
 */
export const allocationOptionProblem = {
  objective: (v: unknown): string | null =>
    (OBJECTIVES as readonly unknown[]).includes(v)
      ? null
      : `expected ${OBJECTIVES.slice(0, -1).join(', ')} or ${OBJECTIVES.at(-1)}, got ${typeof v === 'string' ? JSON.stringify(v) : describeValue(v)}`,
  budget: (v: unknown): string | null =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0
      ? null
      : `expected a total spend per period ≥ 0, got ${typeof v === 'number' ? String(v) : describeValue(v)}`,
} as const;

/** Relative tolerance when comparing sums of spend (floating point). */
const SUM_TOLERANCE = 1e-9;

/**
 * The allocation problem of `model` (its `allocation` block, with `budget` and `objective`
 * overridden when given).
 * @throws InputError naming the field when the model has no allocation block, the budget is
 *   no number ≥ 0 or cannot be split (below the minimums, or `max_share` leaves part of it
 *   without a channel), or the objective is none of {@link OBJECTIVES} or needs a target the
 *   scenario lacks.
 * @example defineProblem(model, { budget: 120000 }).hi // upper bounds at that budget
 */
export function defineProblem(
  model: Model,
  opts: ProblemOptions = {},
  where: { file: string; budgetField?: string } = { file: model.name },
): AllocationProblem {
  const a = model.allocation;
  const problem = (path: string, message: string): InputError =>
    new InputError([{ file: where.file, line: null, path, message } satisfies Diagnostic]);
  if (a === null) {
    throw problem(
      'allocation',
      'the scenario has no allocation block: add allocation: {budget, channels, objective, step} to say what to split',
    );
  }
  const budget = opts.budget ?? a.budget;
  const badBudget = allocationOptionProblem.budget(budget);
  if (badBudget !== null) throw problem(where.budgetField ?? 'allocation.budget', badBudget);
  const objective = opts.objective ?? a.objective;
  const badObjective = allocationOptionProblem.objective(objective);
  if (badObjective !== null) throw problem('allocation.objective', badObjective);
  if (objective === 'target' && model.targets.bookings === null) {
    throw problem('allocation.objective', 'objective target needs targets.bookings');
  }
  const ids = a.channels.map((c) => model.channels[c]!.id);
  const lo = a.channels.map((c) => model.channels[c]!.minSpend);
  const maxSpend = a.channels.map((c) => model.channels[c]!.maxSpend);
  const found = budgetProblems({ budget, ids, minSpend: lo, maxSpend, maxShare: a.maxShare });
  if (found.length > 0) {
    throw new InputError(
      found.map((p) => ({
        file: where.file,
        line: null,
        path:
          p.field === 'budget'
            ? (where.budgetField ?? 'allocation.budget')
            : 'allocation.max_share',
        message: p.message,
      })),
    );
  }
  const cap = a.maxShare === null ? Number.POSITIVE_INFINITY : a.maxShare * budget;
  const hi = maxSpend.map((m) => Math.min(m, cap));
  const room = hi.reduce((s, x) => s + x, 0);
  const total = Math.min(budget, room);
  return {
    channels: a.channels,
    ids,
    lo,
    hi,
    maxSpend,
    budget,
    total,
    unspent: budget - total,
    step: a.step,
    maxShare: a.maxShare,
    objective,
  };
}

/**
 * The same problem at another budget (bounds that depend on it recomputed), or the reasons it has none.
 * @example atBudget(model, problem, 1.5 * problem.budget)?.total
 */
export function atBudget(
  model: Model,
  p: AllocationProblem,
  budget: number,
): AllocationProblem | null {
  try {
    return defineProblem(model, { budget, objective: p.objective });
  } catch (e) {
    if (e instanceof InputError) return null;
    throw e;
  }
}

/**
 * Whether x is a feasible point of `p` (bounds, and the total spent).
 * @example isFeasible(problem, project(problem, [1, 1])) // true
 */
export function isFeasible(p: AllocationProblem, x: readonly number[]): boolean {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const tol = SUM_TOLERANCE * Math.max(1, p.hi[i]! === Infinity ? x[i]! : p.hi[i]!);
    if (!(x[i]! >= p.lo[i]! - tol && x[i]! <= p.hi[i]! + tol)) return false;
    sum += x[i]!;
  }
  return Math.abs(sum - p.total) <= SUM_TOLERANCE * Math.max(1, p.total);
}

/**
 * A feasible point on the step grid near the direction `y` (any non-negative split): y is
 * scaled so that, clamped into the bounds, it spends the total; each channel is then rounded
 * to a multiple of `step` (largest remainders first, so the total is kept), and whatever is
 * below one step goes to the channel with the most room.
 * @example project(p, [1, 1, 1]) // an equal split, as equal as the bounds allow
 */
export function project(p: AllocationProblem, y: readonly number[]): number[] {
  const n = p.lo.length;
  const dir = y.some((v) => v > 0) ? y.map((v) => Math.max(0, v)) : y.map(() => 1);
  const at = (alpha: number) => dir.map((d, i) => clamp(alpha * d, p.lo[i]!, p.hi[i]!));
  const spent = (alpha: number) => at(alpha).reduce((s, v) => s + v, 0);
  // Σ clamp(α·y) is non-decreasing in α: bisect for the α that spends the total. A channel
  // with y = 0 stays at its minimum unless the others cannot take the rest.
  let hiA = 1;
  while (spent(hiA) < p.total && hiA < 1e300) hiA *= 2;
  let loA = 0;
  for (let k = 0; k < 200; k++) {
    const mid = (loA + hiA) / 2;
    if (spent(mid) < p.total) loA = mid;
    else hiA = mid;
  }
  let x = at(hiA);
  if (spent(hiA) > p.total * (1 + SUM_TOLERANCE) || spent(hiA) < p.total * (1 - SUM_TOLERANCE)) {
    // Channels with y = 0 must take part of the total: fill them additively.
    x = fillUp(p, x);
  }
  return roundToGrid(p, x, n);
}

/** Adds spend to channels with room, in order, until the total is reached. */
function fillUp(p: AllocationProblem, x: number[]): number[] {
  const out = [...x];
  let missing = p.total - out.reduce((s, v) => s + v, 0);
  for (let i = 0; i < out.length && missing > 0; i++) {
    const add = Math.min(missing, p.hi[i]! - out[i]!);
    out[i]! += add;
    missing -= add;
  }
  for (let i = 0; i < out.length && missing < 0; i++) {
    const cut = Math.min(-missing, out[i]! - p.lo[i]!);
    out[i]! -= cut;
    missing += cut;
  }
  return out;
}

function roundToGrid(p: AllocationProblem, x: readonly number[], n: number): number[] {
  const s = p.step;
  const out = x.map((v, i) => {
    // A minimum off the grid is a point of its own: the channel may sit there.
    return Math.max(p.lo[i]!, Math.floor(v / s + 1e-9) * s);
  });
  let missing = p.total - out.reduce((a, v) => a + v, 0);
  const order = [...Array(n).keys()].sort((a, b) => x[b]! - out[b]! - (x[a]! - out[a]!) || a - b);
  for (const i of order) {
    if (missing < s * (1 - 1e-9)) break;
    if (out[i]! + s <= p.hi[i]! * (1 + SUM_TOLERANCE)) {
      out[i] = Math.min(out[i]! + s, p.hi[i]!);
      missing = p.total - out.reduce((a, v) => a + v, 0);
    }
  }
  // Whole steps that fit nowhere in the order above, then what is below one step.
  for (let pass = 0; pass < 2 && missing > 0; pass++) {
    const byRoom = [...Array(n).keys()].sort((a, b) => p.hi[b]! - out[b]! - (p.hi[a]! - out[a]!));
    for (const i of byRoom) {
      if (missing <= 0) break;
      const add = Math.min(
        missing,
        p.hi[i]! - out[i]!,
        pass === 0 ? Math.floor(missing / s) * s : missing,
      );
      if (add <= 0) continue;
      out[i]! += add;
      missing -= add;
    }
  }
  return out.map((v) => clean(v, s));
}

/** Removes floating-point dust from a sum of steps (e.g. 0.1 + 0.2). */
function clean(v: number, step: number): number {
  const k = Math.round(v / step);
  return Math.abs(v - k * step) < 1e-9 * Math.max(1, step) ? k * step : v;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * How far spend can move from channel i to channel j in one move of up to `delta`: limited by
 * i's room above its minimum and j's room below its maximum (0 when none).
 * @example transferRoom(problem, [60000, 15000], 0, 1, 5000) // 5000 unless a bound is nearer
 */
export function transferRoom(
  p: AllocationProblem,
  x: readonly number[],
  i: number,
  j: number,
  delta: number,
): number {
  return Math.max(0, Math.min(delta, x[i]! - p.lo[i]!, p.hi[j]! - x[j]!));
}

/**
 * x with `amount` moved from channel i to channel j (grid dust removed).
 * @example moved(problem, [60000, 15000], 0, 1, 5000) // [55000, 20000]
 */
export function moved(
  p: AllocationProblem,
  x: readonly number[],
  i: number,
  j: number,
  amount: number,
): number[] {
  const out = [...x];
  out[i] = clean(out[i]! - amount, p.step);
  out[j] = clean(out[j]! + amount, p.step);
  return out;
}

/**
 * Which bound a channel sits at in x: `min`, `max` (max_spend or the share cap), or null.
 * @example boundAt(problem, x, 0) // 'min' | 'max' | null
 */
export function boundAt(
  p: AllocationProblem,
  x: readonly number[],
  i: number,
): 'min' | 'max' | null {
  const tol = 1e-9 * Math.max(1, p.step);
  if (x[i]! <= p.lo[i]! + tol) return 'min';
  if (x[i]! >= p.hi[i]! - tol) return 'max';
  return null;
}
