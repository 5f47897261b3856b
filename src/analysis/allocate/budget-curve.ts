/**
 * The budget curve: the best objective found for total budgets from half to twice the
 * budget (BUDGET_CURVE_SHARES), with the allocation at each. Each point other than the budget
 * itself starts from its neighbour's split (the point next to it, nearer the budget),
 * resized one step at a time where the expected model — calibrated so that its marginal
 * returns at the recommendation are the simulation's (a linear correction per channel, for
 * the objectives the expected model can state: revenue and profit) — gains most; the
 * expected model's own best split replaces it only when better on the simulation by more
 * than one paired standard error. The start is refined by transfers that the calibrated
 * model ranks and the simulation accepts (a paired gain above one standard error;
 * {@link guidedSearch}). Every point is then evaluated on the same fresh
 * trials, so the curve's steps are paired differences. A budget below the channels' minimums
 * (or one that max_share cannot place) is marked infeasible; one above their maximums spends
 * every channel at its maximum.
 */
import { BUDGET_CURVE_SHARES } from '../../defaults.js';
import type { Model } from '../../model/types.js';
import type { Candidates, TrialSet } from './candidates.js';
import { expectedSplit, greedyResize, moveSizes, type SplitValue } from './expected-split.js';
import { type Objective, paired } from './objective.js';
import { type AllocationProblem, atBudget } from './problem.js';
import { guidedSearch } from './search.js';
import { estimate } from './uplift.js';

/** One point of the curve. */
export interface CurvePoint {
  /** Budget as a share of the allocation's budget. */
  readonly share: number;
  readonly budget: number;
  /** False when no allocation can spend this budget within the bounds (then nothing else is set). */
  readonly feasible: boolean;
  /** What is spent (below the budget only when every channel is at its maximum). */
  readonly spent: number;
  readonly allocation: Readonly<Record<string, number>>;
  /** The objective on the curve's trials, with its standard error (null when infeasible). */
  readonly value: number | null;
  readonly se: number | null;
  /** Paired difference to the point at the budget itself (null when infeasible). */
  readonly difference: { readonly mean: number; readonly se: number } | null;
}

export interface BudgetCurve {
  readonly seed: number;
  readonly trials: number;
  readonly points: readonly CurvePoint[];
  /**
   * What the next 10% of budget is worth: the objective's paired gain from the budget to 110%
   * of it, and that gain per extra unit of budget per period.
   */
  readonly next_10_percent: {
    readonly budget: number;
    readonly gain: number;
    readonly se: number;
    readonly per_unit: number;
  } | null;
}

/** What the curve needs from the allocation run. */
export interface CurveContext {
  readonly model: Model;
  readonly problem: AllocationProblem;
  readonly cands: Candidates;
  readonly objective: Objective;
  /** The (calibrated) expected model's value of a split: starts and the ranking of transfers. */
  readonly predict: SplitValue;
  readonly current: readonly number[];
  readonly recommended: readonly number[];
  /** Trials the short searches run on, and the fresh trials every point is evaluated on. */
  readonly searchSet: TrialSet;
  readonly valueSet: TrialSet;
}

/**
 * The budget curve around the recommendation.
 * @example (await budgetCurve(ctx)).points.map((p) => [p.budget, p.value])
 */
export async function budgetCurve(ctx: CurveContext): Promise<BudgetCurve> {
  const { problem: p, cands, objective: o } = ctx;
  const atOne = await cands.values(ctx.recommended, ctx.valueSet);
  const found = new Map<number, readonly number[]>([[1, ctx.recommended]]);
  // Outward from the budget, so each point can start from its neighbour's allocation.
  const order = [...BUDGET_CURVE_SHARES].sort((a, b) => Math.abs(a - 1) - Math.abs(b - 1) || a - b);
  const points = new Map<number, CurvePoint>();
  for (const share of order) {
    // 1.1 × 100000 is 110000.00000000001 in binary: 12 significant digits are plenty.
    const budget = Number((share * p.budget).toPrecision(12));
    const q = share === 1 ? p : atBudget(ctx.model, p, budget);
    if (q === null) {
      points.set(share, infeasible(share, budget));
      continue;
    }
    let x = found.get(share);
    if (x === undefined) {
      const neighbour = nearestFound(found, share);
      const starts = [
        { name: 'current' as const, x: greedyResize(q, ctx.predict, neighbour) },
        { name: 'expected' as const, x: expectedSplit(q, ctx.predict, ctx.current) },
      ];
      const deltas = moveSizes(q.step, q.total);
      const r = await guidedSearch(q, cands, o, starts, ctx.searchSet, ctx.predict, deltas, 2);
      x = r.x;
      found.set(share, x);
    }
    const v = await cands.values(x, ctx.valueSet);
    const e = estimate(o, v);
    const d = paired(o, atOne, v);
    points.set(share, {
      share,
      budget,
      feasible: true,
      spent: q.total,
      allocation: Object.fromEntries(q.ids.map((id, k) => [id, x![k]!])),
      value: e.value,
      se: e.se,
      difference: { mean: d.mean, se: d.se },
    });
  }
  const sorted = [...BUDGET_CURVE_SHARES].map((s) => points.get(s)!);
  const next = points.get(1.1);
  return {
    seed: ctx.valueSet.seed,
    trials: ctx.valueSet.trials,
    points: sorted,
    next_10_percent:
      next?.difference && p.budget > 0
        ? {
            budget: next.budget - p.budget,
            gain: next.difference.mean,
            se: next.difference.se,
            per_unit: next.difference.mean / (next.budget - p.budget),
          }
        : null,
  };
}

function infeasible(share: number, budget: number): CurvePoint {
  return {
    share,
    budget,
    feasible: false,
    spent: 0,
    allocation: {},
    value: null,
    se: null,
    difference: null,
  };
}

/** The allocation found at the share nearest to `share`. */
function nearestFound(found: Map<number, readonly number[]>, share: number): readonly number[] {
  let best: readonly number[] = found.get(1)!;
  let dist = Number.POSITIVE_INFINITY;
  for (const [s, x] of found) {
    if (Math.abs(s - share) < dist) {
      dist = Math.abs(s - share);
      best = x;
    }
  }
  return best;
}
