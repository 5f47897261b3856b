/**
 * Expected ramped capacity of one quota seat, period by period, under the team dynamics of
 * docs/model.md ("Team"): each period the occupant's tenure grows by one, the occupant
 * leaves with probability `attrition`, a leaver's backfill joins `backfill.lag` periods
 * later (lag 0: the same period) at tenure 0, and joiners are not exposed to attrition in the
 * period they join. The seat's state is a probability vector over "occupied at tenure k"
 * and "backfill due in d periods", propagated exactly.
 */
import { ageTenure } from '../../sim/team.js';

/** What one seat is expected to hold, per period from the seat's first period. */
export interface SeatExpectation {
  /** Expected Σ ramp(tenure) of the seat's occupant in each period (0 when vacant). */
  readonly capacity: Float64Array;
  /** Probability that the seat is held in each period (after leavers and joiners). */
  readonly heads: Float64Array;
  /** Expected backfills joining the seat in each period. */
  readonly backfills: Float64Array;
  /** Expected leavers from the seat in each period. */
  readonly leavers: Float64Array;
}

/** The team dynamics of one role, as the chain needs them. */
export interface SeatDynamics {
  /** Productivity by tenure 0 … R − 1; tenure ≥ R works at 1. */
  readonly ramp: Float64Array;
  /** Periods from a leaver to the backfill's first period; -1 = no backfill. */
  readonly backfillLag: number;
}

/**
 * The expected capacity of a seat over `periods` periods from its start, for one attrition
 * rate. `start: 'ramped'` is a rep of the starting headcount (fully ramped, exposed to
 * attrition from the first period); `'new'` is a planned hire, who joins at tenure 0 in the
 * first period and is not exposed to attrition in it.
 * @example seatExpectation({ ramp: new Float64Array(), backfillLag: -1 }, 0.1, 3, 'ramped').capacity // [0.9, 0.81, 0.729]
 */
export function seatExpectation(
  dyn: SeatDynamics,
  attrition: number,
  periods: number,
  start: 'ramped' | 'new',
): SeatExpectation {
  const R = dyn.ramp.length;
  const L = dyn.backfillLag;
  const a = Math.min(1, Math.max(0, attrition));
  // occ[k]: probability that the seat is held at tenure bucket k (k = R: ramped).
  const occ = new Float64Array(R + 1);
  // due[d]: probability that a backfill joins d periods from now.
  const due = new Float64Array(Math.max(0, L) + 1);
  const capacity = new Float64Array(periods);
  const heads = new Float64Array(periods);
  const backfills = new Float64Array(periods);
  const leavers = new Float64Array(periods);
  if (start === 'ramped') occ[R] = 1;
  for (let t = 0; t < periods; t++) {
    ageTenure(occ, 0, R);
    let left = 0;
    for (let k = 0; k <= R; k++) {
      const x = occ[k]! * a;
      occ[k]! -= x;
      left += x;
    }
    leavers[t] = left;
    if (L >= 0) due[L]! += left;
    const joining = (start === 'new' && t === 0 ? 1 : 0) + (L >= 0 ? due[0]! : 0);
    if (L >= 0) {
      backfills[t] = due[0]!;
      for (let d = 0; d < L; d++) due[d] = due[d + 1]!;
      due[L] = 0;
    }
    occ[0]! += joining;
    let cap = 0;
    let held = 0;
    for (let k = 0; k <= R; k++) {
      cap += occ[k]! * (k < R ? dyn.ramp[k]! : 1);
      held += occ[k]!;
    }
    capacity[t] = cap;
    heads[t] = held;
  }
  return { capacity, heads, backfills, leavers };
}

/**
 * The average of {@link seatExpectation} over attrition rates `rates` (equal weights): the
 * expectation over an uncertain attrition when `rates` are its quantiles at (k + ½)/K.
 * @example averagedSeatExpectation(dyn, [0.01, 0.03], 12, 'new')
 */
export function averagedSeatExpectation(
  dyn: SeatDynamics,
  rates: readonly number[],
  periods: number,
  start: 'ramped' | 'new',
): SeatExpectation {
  const capacity = new Float64Array(periods);
  const heads = new Float64Array(periods);
  const backfills = new Float64Array(periods);
  const leavers = new Float64Array(periods);
  for (const a of rates) {
    const e = seatExpectation(dyn, a, periods, start);
    for (let t = 0; t < periods; t++) {
      capacity[t]! += e.capacity[t]! / rates.length;
      heads[t]! += e.heads[t]! / rates.length;
      backfills[t]! += e.backfills[t]! / rates.length;
      leavers[t]! += e.leavers[t]! / rates.length;
    }
  }
  return { capacity, heads, backfills, leavers };
}
