/**
 * Expected ramped capacity of every seat of the roster, per period: the seat chain
 * (seat-chain.ts) for a starting rep and for a new hire, averaged over the role's attrition
 * when it is uncertain, and shifted to each hire's first period.
 */
import type { Model } from '../../model/types.js';
import { distQuantile } from '../../stats/dist-math.js';
import type { Roster } from './roster.js';
import { averagedSeatExpectation } from './seat-chain.js';

/** A sampled rate clamped into [0, 1], as the engine clamps it (docs/model.md, step 1). */
const clampRate = (x: number): number => (x < 0 ? 0 : Math.min(x, 1));

/** Quadrature nodes for an uncertain attrition: its quantiles at (k + ½)/K. */
const ATTRITION_NODES = 256;

/** Expected capacity of each seat per period, and expected backfills and leavers. */
export interface ExpectedCapacity {
  /** [s·T + t]: expected Σ ramp(tenure) in seat s at period t. */
  readonly capacity: Float64Array;
  /** [s·T + t]: probability that seat s is held at period t. */
  readonly heads: Float64Array;
  /** [s·T + t]: expected leavers from seat s at period t. */
  readonly leaversByPeriod: Float64Array;
  /** Expected backfills joining seat s over the horizon. */
  readonly backfills: Float64Array;
  /** Expected leavers from seat s over the horizon. */
  readonly leavers: Float64Array;
}

/**
 * The attrition rates to average the seat chain over: the fixed rate, or the quantiles of
 * an uncertain one at (k + ½)/256 (midpoint rule in probability), clamped to [0, 1] as the
 * engine clamps a sampled rate.
 * @example attritionNodes(model, role) // [0.02]
 */
export function attritionNodes(model: Model, attritionParam: number): number[] {
  const { dist } = model.params[attritionParam]!;
  if (dist.kind === 'fixed') return [clampRate(dist.value)];
  return Array.from({ length: ATTRITION_NODES }, (_, k) =>
    clampRate(distQuantile(dist, (k + 0.5) / ATTRITION_NODES)),
  );
}

/**
 * Expected capacity of every seat of `roster`, period by period.
 * @example expectedCapacity(model, buildRoster(model, 1)).capacity
 */
export function expectedCapacity(model: Model, roster: Roster): ExpectedCapacity {
  const T = model.calendar.periods;
  const { role, seats } = roster;
  const rates = attritionNodes(model, role.attrition);
  const dyn = { ramp: role.ramp, backfillLag: role.backfillLag };
  const ramped = averagedSeatExpectation(dyn, rates, T, 'ramped');
  const fresh = averagedSeatExpectation(dyn, rates, T, 'new');
  const capacity = new Float64Array(seats.length * T);
  const heads = new Float64Array(seats.length * T);
  const leaversByPeriod = new Float64Array(seats.length * T);
  const backfills = new Float64Array(seats.length);
  const leavers = new Float64Array(seats.length);
  seats.forEach((seat, s) => {
    const chain = seat.kind === 'starting' ? ramped : fresh;
    for (let t = seat.start; t < T; t++) {
      capacity[s * T + t] = chain.capacity[t - seat.start]!;
      heads[s * T + t] = chain.heads[t - seat.start]!;
      leaversByPeriod[s * T + t] = chain.leavers[t - seat.start]!;
      backfills[s]! += chain.backfills[t - seat.start]!;
      leavers[s]! += chain.leavers[t - seat.start]!;
    }
  });
  return { capacity, heads, leaversByPeriod, backfills, leavers };
}
