/**
 * Whether an allocation's budget can be split at all: the channels' minimums must fit in it,
 * and `max_share` must leave room to spend it. One check for the scenario's own block (at
 * compile time) and for a budget given later (`--budget`, a point of the budget curve).
 * A budget above what every channel can take at its maximum is not a problem: the
 * optimiser then spends every channel at its maximum and says so.
 */
import { msg } from './messages.js';

/** What the check needs: the budget, each allocated channel's id, bounds, and the share cap. */
export interface BudgetBounds {
  readonly budget: number;
  readonly ids: readonly string[];
  readonly minSpend: readonly number[];
  readonly maxSpend: readonly number[];
  /** Largest share of the budget one channel may take (0–1], or null for no cap. */
  readonly maxShare: number | null;
}

/** One problem: the allocation field it is about and a sentence saying why. */
export interface BudgetProblem {
  readonly field: 'budget' | 'max_share';
  readonly message: string;
}

/**
 * The problems that make `b.budget` impossible to split (empty when it can be split).
 * @example budgetProblems({ budget: 10, ids: ['a'], minSpend: [20], maxSpend: [30], maxShare: null })
 *   // [{ field: 'budget', message: "the budget 10 is below the channels' total min_spend 20" }]
 */
export function budgetProblems(b: BudgetBounds): BudgetProblem[] {
  const mins = b.minSpend.reduce((s, x) => s + x, 0);
  if (mins > b.budget) return [{ field: 'budget', message: msg.budgetBelowMins(b.budget, mins) }];
  if (b.maxShare === null) return [];
  const cap = b.maxShare * b.budget;
  const problems: BudgetProblem[] = [];
  b.ids.forEach((id, i) => {
    if (b.minSpend[i]! > cap) {
      problems.push({
        field: 'max_share',
        message: msg.maxShareBelowMin(b.maxShare!, b.budget, id, b.minSpend[i]!),
      });
    }
  });
  if (problems.length > 0) return problems;
  const maxTotal = b.maxSpend.reduce((s, x) => s + x, 0);
  const cappedTotal = b.maxSpend.reduce((s, x) => s + Math.min(x, cap), 0);
  // Above the sum of the maximums the budget cannot be spent anyway (not an error); below
  // it, the share cap alone must not leave part of the budget without a channel.
  if (maxTotal >= b.budget && cappedTotal < b.budget) {
    const need = minimumShare(b);
    problems.push({
      field: 'max_share',
      message: msg.maxShareTooLow(b.maxShare, b.ids.length, cappedTotal, b.budget, need),
    });
  }
  return problems;
}

/** The smallest share cap under which the channels can take the whole budget. */
function minimumShare(b: BudgetBounds): number {
  // Σ min(max_i, s·B) is increasing in s: bisect for the point where it reaches B.
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 60; k++) {
    const s = (lo + hi) / 2;
    const total = b.maxSpend.reduce((sum, x) => sum + Math.min(x, s * b.budget), 0);
    if (total >= b.budget) hi = s;
    else lo = s;
  }
  return hi;
}
