/**
 * The quota roster: one seat per rep of the plan — the starting headcount, then each
 * planned hire in period order. A seat keeps its quota when its rep leaves: the backfill
 * takes the seat over (docs/quota.md, "Seats and backfills").
 */
import type { Model, RoleModel } from '../../model/types.js';
import { distQuantile } from '../../stats/dist-math.js';

/** One quota-carrying seat. */
export interface Seat {
  /** `<role>-01`, `<role>-02`, … in roster order. */
  readonly id: string;
  /** `starting`: in the starting headcount; `hire`: a planned hire. */
  readonly kind: 'starting' | 'hire';
  /** Index of the seat's first period (0 for the starting headcount). */
  readonly start: number;
}

/** The seats of the quota role. */
export interface Roster {
  readonly roleIndex: number;
  readonly role: RoleModel;
  readonly seats: readonly Seat[];
  /** Seats of the starting headcount (the first `starting` seats). */
  readonly starting: number;
  /** Index of the first seat of period t's planned hires. */
  readonly firstHire: Int32Array;
}

/**
 * The starting headcount the roster plans for: the role's headcount rounded as the engine
 * rounds it; for an uncertain headcount, its median, rounded.
 * @example plannedHeadcount(model, model.roles[0]!) // 7
 */
export function plannedHeadcount(model: Model, role: RoleModel): number {
  const dist = model.params[role.headcount]!.dist;
  const x = dist.kind === 'fixed' ? dist.value : distQuantile(dist, 0.5);
  return Math.max(0, Math.round(x));
}

/**
 * Builds the roster of role `roleIndex`: starting seats, then planned hires in period order.
 * @example buildRoster(model, 1).seats.map((s) => s.id) // ['ae-01', …, 'ae-10']
 */
export function buildRoster(model: Model, roleIndex: number): Roster {
  const role = model.roles[roleIndex]!;
  const starting = plannedHeadcount(model, role);
  const T = model.calendar.periods;
  const total = starting + role.hires.reduce((a, b) => a + b, 0);
  const width = Math.max(2, String(total).length);
  const seats: Seat[] = [];
  const add = (kind: Seat['kind'], start: number) =>
    seats.push({ id: `${role.id}-${String(seats.length + 1).padStart(width, '0')}`, kind, start });
  for (let k = 0; k < starting; k++) add('starting', 0);
  const firstHire = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    firstHire[t] = seats.length;
    for (let k = 0; k < role.hires[t]!; k++) add('hire', t);
  }
  return { roleIndex, role, seats, starting, firstHire };
}
