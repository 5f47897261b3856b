/**
 * From the total quota to per-seat quotas. Each period carries the share of the total quota
 * that the forecast books in it (mean bookings of the period / mean horizon bookings), and
 * that share is split over the seats in proportion to their expected ramped capacity in the
 * period:
 *
 *   quota(s, t) = total quota · π_t · c(s, t) / Σ_s' c(s', t),   π_t = E[bookings_t] / Σ_u E[bookings_u]
 *
 * summed over the periods where the roster has capacity (a period where it has none cannot
 * be carried by anyone, so π is normalised over the others). A seat's quota is Σ_t quota(s, t)
 * and its quarters follow; seat quotas add up to the total quota, and each period's to its
 * share of it.
 */

/** Per-seat quotas and their split over periods. */
export interface QuotaSplit {
  /** [s·T + t]: quota of seat s in period t. */
  readonly monthly: Float64Array;
  /** Quota of each seat over the horizon. */
  readonly quota: Float64Array;
  /** Each seat's share of the total quota (= its bookings-weighted share of expected capacity). */
  readonly share: Float64Array;
  /** π_t: each period's share of the total quota. */
  readonly profile: Float64Array;
}

/**
 * Splits `total` over seats and periods.
 * @param capacity [s·T + t] expected ramped capacity of seat s in period t
 * @param meanBookings mean bookings of each period (the forecast's profile)
 * @example splitQuota(60, Float64Array.of(1, 1, 0, 1), Float64Array.of(1, 2), 2).quota // [40, 20]
 */
export function splitQuota(
  total: number,
  capacity: Float64Array,
  meanBookings: ArrayLike<number>,
  periods: number,
): QuotaSplit {
  const T = periods;
  const S = T === 0 ? 0 : capacity.length / T;
  const teamCapacity = new Float64Array(T);
  for (let s = 0; s < S; s++) for (let t = 0; t < T; t++) teamCapacity[t]! += capacity[s * T + t]!;
  const carried = (t: number) => teamCapacity[t]! > 0;
  let weight = 0;
  let carriedPeriods = 0;
  for (let t = 0; t < T; t++) {
    if (!carried(t)) continue;
    weight += Math.max(0, meanBookings[t]!);
    carriedPeriods += 1;
  }
  // No bookings expected at all: spread the quota (which is then 0 anyway) evenly.
  const profile = Float64Array.from({ length: T }, (_, t) =>
    !carried(t) ? 0 : weight > 0 ? Math.max(0, meanBookings[t]!) / weight : 1 / carriedPeriods,
  );
  const monthly = new Float64Array(S * T);
  const quota = new Float64Array(S);
  const share = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    for (let t = 0; t < T; t++) {
      if (!carried(t)) continue;
      const part = (profile[t]! * capacity[s * T + t]!) / teamCapacity[t]!;
      share[s]! += part;
      monthly[s * T + t] = total * part;
    }
    quota[s] = total * share[s]!;
  }
  return { monthly, quota, share, profile };
}
