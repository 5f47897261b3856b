/**
 * A role's capacity shared across cohorts (PRODUCT.md "Model semantics" 2.3: "shared across
 * cohorts in proportion to what waits"; docs/model.md: ⌊take·wₕ/W⌋ each, the odd items to
 * the largest remainders, lowest cohort index on ties).
 */

/**
 * How many items each cohort gets when `take` items are taken from queues `waiting`.
 * @example shareCapacity([3, 1], 2) // [2, 0]: shares 1.5 and 0.5, the odd item to cohort 0 (tie)
 */
export function shareCapacity(waiting: readonly number[], take: number): number[] {
  const total = waiting.reduce((a, b) => a + b, 0);
  if (total === 0) return waiting.map(() => 0);
  const taken = waiting.map((w) => Math.floor((take * w) / total));
  let left = take - taken.reduce((a, b) => a + b, 0);
  const order = waiting
    .map((w, h) => ({ h, rem: (take * w) / total - taken[h]! }))
    .sort((a, b) => b.rem - a.rem || a.h - b.h);
  for (const { h } of order) {
    if (left <= 0) break;
    taken[h]!++;
    left--;
  }
  return taken;
}
