/**
 * A role's capacity shared across cohorts in proportion to what waits. With take =
 * min(capacity, waiting), cohort h's exact share is take · waiting_h / waiting: it gets the
 * whole part ⌊share⌋, and the m = take − Σ⌊share⌋ odd items go to m different cohorts drawn
 * with probability equal to their fractional parts (systematic sampling: one uniform u, and
 * cohort h gets one when the running sum of fractional parts passes a point u + j). So every
 * cohort gets its exact proportional share on average and never differs from it by a whole
 * item, whatever its position in the scenario file; a fixed rule for the odd items (say,
 * largest remainder, lowest cohort first) would favour some cohorts systematically.
 */
import type { Rng } from './rng.js';

/**
 * Adds `arrivals` to the queue `queue[at … at+H)`, takes on up to `capacity` items into
 * `takenOn[0 … H)` and removes them from the queue; returns the number taken on. Draws one
 * uniform from `rng` when capacity is short and the shares are not all whole. `rem`
 * (length ≥ H) is scratch space; pass one to avoid an allocation per call.
 * @example shareCapacity(queue, 0, 2, Float64Array.of(30, 10), 20, takenOn, rng) // 20; takenOn = [15, 5]
 */
export function shareCapacity(
  queue: Float64Array,
  at: number,
  H: number,
  arrivals: Float64Array,
  capacity: number,
  takenOn: Float64Array,
  rng: Rng,
  rem: Float64Array = new Float64Array(H),
): number {
  let waiting = 0;
  for (let h = 0; h < H; h++) {
    queue[at + h]! += arrivals[h]!;
    waiting += queue[at + h]!;
  }
  const take = Math.min(capacity, waiting);
  if (take === waiting) {
    for (let h = 0; h < H; h++) {
      takenOn[h] = queue[at + h]!;
      queue[at + h] = 0;
    }
    return take;
  }
  // rem[h] = the fractional part of cohort h's exact share, in [0, 1); Σ rem = take − given.
  let given = 0;
  for (let h = 0; h < H; h++) {
    const exact = (take * queue[at + h]!) / waiting;
    const share = Math.floor(exact);
    takenOn[h] = share;
    rem[h] = exact - share;
    given += share;
  }
  if (given < take) {
    // Systematic sampling of the odd items: points u, u + 1, u + 2, … on the running sum of
    // the fractional parts; a cohort whose stretch holds a point gets one more item.
    const u = rng();
    let sum = 0;
    for (let h = 0; h < H && given < take; h++) {
      const r = rem[h]!;
      if (r <= 0) continue;
      const before = Math.floor(sum - u);
      sum += r;
      if (Math.floor(sum - u) > before && queue[at + h]! > takenOn[h]!) {
        takenOn[h]! += 1;
        rem[h] = -1;
        given += 1;
      }
    }
    // Rounding in the running sum can leave one point unplaced: it goes to the largest
    // fractional part not yet served.
    for (; given < take; given++) {
      let best = -1;
      for (let h = 0; h < H; h++) {
        if (queue[at + h]! > takenOn[h]! && (best < 0 || rem[h]! > rem[best]!)) best = h;
      }
      takenOn[best]! += 1;
      rem[best] = -1;
    }
  }
  for (let h = 0; h < H; h++) queue[at + h]! -= takenOn[h]!;
  return take;
}
