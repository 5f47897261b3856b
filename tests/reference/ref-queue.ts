/**
 * A role's capacity shared across cohorts (docs/model.md "3. Stages": "shared across
 * cohorts in proportion to what waits"; docs/model.md: ⌊take·wₕ/W⌋ each, and the odd items to
 * distinct cohorts drawn with probability equal to their fractional parts, so each cohort's
 * expected share is exactly take·wₕ/W).
 *
 * Written independently of src/sim/share-capacity.ts: the odd items are placed by an
 * ordered draw without replacement whose inclusion probabilities are the fractional parts
 * (Madow's systematic sampling over a random cyclic start), computed here with exact
 * rational arithmetic on BigInt numerators.
 */
import type { Rng } from '../../src/sim/rng.js';

/**
 * How many items each cohort gets when `take` items are taken from queues `waiting`.
 * @example shareCapacity([3, 1], 2, () => 0.9) // [1, 1] or [2, 0]: shares 1.5 and 0.5
 */
export function shareCapacity(waiting: readonly number[], take: number, rng: Rng): number[] {
  const total = waiting.reduce((a, b) => a + b, 0);
  if (total === 0) return waiting.map(() => 0);
  const W = BigInt(total);
  const num = waiting.map((w) => BigInt(take) * BigInt(w)); // exact share = num / W
  const taken = num.map((n) => Number(n / W));
  const frac = num.map((n) => n % W); // fractional part = frac / W
  const odd = take - taken.reduce((a, b) => a + b, 0);
  if (odd === 0) return taken;
  // Points (u + j)·W for j = 0 … odd−1 on the running sum of frac; u drawn on a grid of 2³².
  const grid = 2n ** 32n;
  const uNum = BigInt(Math.floor(rng() * 2 ** 32)); // u = uNum / grid
  // Points at or below x (in units of 1/W): the j ≥ 0 with (u + j)·W ≤ x.
  const pointsUpTo = (x: bigint) => {
    const d = x * grid - uNum * W;
    return d >= 0n ? d / (W * grid) + 1n : 0n;
  };
  let sum = 0n; // running Σ frac, in units of 1/W
  for (let h = 0; h < waiting.length; h++) {
    const before = sum;
    sum += frac[h]!;
    // Cohort h gets an odd item when a point lies in its stretch (before, sum].
    if (pointsUpTo(sum) > pointsUpTo(before)) taken[h]! += 1;
  }
  return taken;
}
