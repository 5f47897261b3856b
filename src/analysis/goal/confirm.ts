/**
 * Whether goal-seek's fresh trials bear its answer out: a one-sided 95% test that the answer's
 * true probability is below the wanted one, with the exact bound where the normal one has
 * nothing to go on (docs/goal.md, "Method", step 4).
 */
import { GOAL_CONFIRM_ALPHA, GOAL_CONFIRM_SE } from '../../defaults.js';
import { MIN_TRIALS_FOR_ERROR, proportionError } from '../standard-error.js';

/**
 * What the fresh trials say: `confirmed`; `short`, below the wanted probability by more than
 * GOAL_CONFIRM_SE standard errors; or `too-few`, fewer trials than can confirm it (one trial,
 * which has no standard error, or fewer than {@link fewestToConfirm}).
 */
export type Confirmation = 'confirmed' | 'short' | 'too-few';

/**
 * Fewest fresh trials that can confirm the probability `wanted`: the smallest n with
 * 0.05^(1/n) ≥ wanted — the exact (Clopper–Pearson) one-sided 95% lower bound when all n reach
 * the target, i.e. wanted^n ≤ 0.05, about 3/(1 − wanted) — and at least two; never (Infinity)
 * for wanted ≥ 1.
 * @example fewestToConfirm(0.9) // 29 (0.9^28 = 0.052, 0.9^29 = 0.047)
 * @example fewestToConfirm(0.5) // 5 (0.5^4 = 0.0625, 0.5^5 = 0.031)
 */
export function fewestToConfirm(wanted: number): number {
  // No number of trials confirms a certainty (and the search below would never end).
  if (!(wanted < 1)) return Number.POSITIVE_INFINITY;
  const enough = (n: number) => GOAL_CONFIRM_ALPHA ** (1 / n) >= wanted;
  let n = Math.max(
    MIN_TRIALS_FOR_ERROR,
    Math.ceil(Math.log(GOAL_CONFIRM_ALPHA) / Math.log(wanted)),
  );
  // The logarithms may round either way at the edge; the bound itself decides.
  while (!enough(n)) n++;
  while (n > MIN_TRIALS_FOR_ERROR && enough(n - 1)) n--;
  return n;
}

/**
 * The verdict of a probability `p` on `n` fresh trials against `wanted`, in (0, 1). From
 * {@link fewestToConfirm} trials on: confirmed unless wanted − p > 1.645·√(p(1 − p)/n) (so at
 * p = 1 confirmed, the exact bound clearing the goal; at p = 0 short). Below that, too few:
 * even every trial reaching the target would be no evidence — √(p(1 − p)/n) reads 0 there and
 * would "confirm" on two trials — and a count short of all of them is weaker evidence still.
 * @example confirmation(1, 2, 0.9) // 'too-few'
 * @example confirmation(1, 500, 0.9) // 'confirmed'
 * @example confirmation(0.469, 1000, 0.5) // 'short'
 */
export function confirmation(p: number, n: number, wanted: number): Confirmation {
  const se = proportionError(p, n);
  if (se === null || n < fewestToConfirm(wanted)) return 'too-few';
  return wanted - p <= GOAL_CONFIRM_SE * se ? 'confirmed' : 'short';
}
