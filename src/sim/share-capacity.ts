/**
 * A role's capacity shared across cohorts in proportion to what waits: each cohort gets
 * ⌊take · waiting_h / waiting⌋ items and the odd items left over go to the cohorts with the
 * largest remainders (lowest cohort first on ties), where take = min(capacity, waiting).
 */

/**
 * Adds `arrivals` to the queue `queue[at … at+H)`, takes on up to `capacity` items into
 * `takenOn[0 … H)` and removes them from the queue; returns the number taken on. `rem`
 * (length ≥ H) is scratch space; pass one to avoid an allocation per call.
 * @example shareCapacity(queue, 0, 2, Float64Array.of(30, 10), 20, takenOn) // 20; takenOn = [15, 5]
 */
export function shareCapacity(
  queue: Float64Array,
  at: number,
  H: number,
  arrivals: Float64Array,
  capacity: number,
  takenOn: Float64Array,
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
  // rem[h] = the fractional part of cohort h's exact share (≥ 0 and < 1); the odd items go to
  // the largest ones, each at most once (Σ rem = take − given < H).
  let given = 0;
  for (let h = 0; h < H; h++) {
    const exact = (take * queue[at + h]!) / waiting;
    const share = Math.floor(exact);
    takenOn[h] = share;
    rem[h] = exact - share;
    given += share;
  }
  for (; given < take; given++) {
    let best = -1;
    let bestRem = -1;
    for (let h = 0; h < H; h++) {
      if (rem[h]! > bestRem && queue[at + h]! > takenOn[h]!) {
        best = h;
        bestRem = rem[h]!;
      }
    }
    takenOn[best]! += 1;
    rem[best] = -1;
  }
  for (let h = 0; h < H; h++) queue[at + h]! -= takenOn[h]!;
  return take;
}
