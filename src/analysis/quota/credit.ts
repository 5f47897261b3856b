/**
 * Who booked what, within one trial: the reps of the quota role are rebuilt from the trial's
 * row (headcount and leavers per period) and the plan (hires, backfill lag, ramp), and each
 * period's bookings are credited to the reps present in proportion to ramp(tenure) × their
 * performance multiplier (docs/quota.md, "Attainment").
 *
 * The row records how many reps left, not which. Every rep leaves with the same probability,
 * so given the count the leavers are a uniform random subset of the reps present (joiners of
 * the period excluded); they are drawn from the stream `(seed, 'quota-leavers', trial)`, and
 * the multipliers from `(seed, 'quota-performance', trial)`, so any trial can be recomputed
 * alone and the multipliers do not move when the leavers do.
 */
import type { Model } from '../../model/types.js';
import type { Layout } from '../../sim/layout.js';
import { type Rng, streamRng } from '../../sim/rng.js';
import { normalQuantile } from '../../stats/normal.js';
import type { Roster } from './roster.js';

/** What one trial credits to the seats. */
export interface TrialCredit {
  /** Bookings credited to each roster seat over the horizon. */
  readonly credit: Float64Array;
  /** Σ_t ramp(tenure) of each seat's occupants (ramped rep-periods actually worked). */
  readonly months: Float64Array;
  /** Horizon bookings of the trial. */
  bookings: number;
  /** Bookings credited to reps outside the roster (starting headcount above the plan's). */
  unrostered: number;
  /** Bookings of periods in which no rep of the role had capacity (credited to nobody). */
  uncredited: number;
}

/** Half a step of the 2⁻³² grid: keeps a uniform strictly inside (0, 1) for the inverse CDF. */
const HALF_STEP = 2 ** -33;

/**
 * The row disagrees with the team dynamics the reconstruction assumes (an engine change).
 * @example if (e instanceof RosterMismatchError) throw e; // never a silent wrong number
 */
export class RosterMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RosterMismatchError';
  }
}

/**
 * Rebuilds the reps of one role trial by trial and credits bookings to their seats.
 * @example
 * const credit = new SeatCredit(model, buildLayout(model), buildRoster(model, 1), 0.3);
 * credit.credit(trial, rows, i * layout.width).credit; // bookings credited to each seat
 */
export class SeatCredit {
  private readonly T: number;
  private readonly rampOf: Float64Array;
  private readonly mu: number;
  private readonly sigma: number;
  private readonly offsets: { headcount: number; leavers: number; bookings: number };
  // Reps, grown as needed: seat (-1 outside the roster), tenure bucket, multiplier.
  private seat = new Int32Array(64);
  private tenure = new Int32Array(64);
  private perf = new Float64Array(64);
  private present = new Int32Array(64);
  // Backfills waiting to join: due period and seat, in order of due period.
  private dueAt = new Int32Array(64);
  private dueSeat = new Int32Array(64);
  /** The last trial's credit (reused: copy what you keep). */
  readonly out: TrialCredit;

  constructor(
    private readonly model: Model,
    layout: Layout,
    private readonly roster: Roster,
    performanceCv: number,
  ) {
    this.T = model.calendar.periods;
    const ramp = roster.role.ramp;
    this.rampOf = Float64Array.from({ length: ramp.length + 1 }, (_, k) =>
      k < ramp.length ? ramp[k]! : 1,
    );
    // Lognormal with mean 1 and coefficient of variation cv: σ² = ln(1 + cv²), μ = −σ²/2.
    this.sigma = Math.sqrt(Math.log1p(performanceCv * performanceCv));
    this.mu = (-this.sigma * this.sigma) / 2;
    const r = layout.role[roster.roleIndex]!;
    this.offsets = {
      headcount: r.headcount * this.T,
      leavers: r.leavers * this.T,
      bookings: layout.metric.bookings * this.T,
    };
    const S = roster.seats.length;
    this.out = {
      credit: new Float64Array(S),
      months: new Float64Array(S),
      bookings: 0,
      unrostered: 0,
      uncredited: 0,
    };
  }

  private grow(n: number): void {
    if (n <= this.seat.length) return;
    const size = Math.max(n, 2 * this.seat.length);
    const widen = <A extends Int32Array | Float64Array>(a: A, make: (n: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.seat = widen(this.seat, (k) => new Int32Array(k));
    this.tenure = widen(this.tenure, (k) => new Int32Array(k));
    this.perf = widen(this.perf, (k) => new Float64Array(k));
    this.present = widen(this.present, (k) => new Int32Array(k));
    this.dueAt = widen(this.dueAt, (k) => new Int32Array(k));
    this.dueSeat = widen(this.dueSeat, (k) => new Int32Array(k));
  }

  private multiplier(rng: Rng): number {
    if (this.sigma === 0) return 1;
    return Math.exp(this.mu + this.sigma * normalQuantile(rng() + HALF_STEP));
  }

  /**
   * Credits trial `trial`, whose row starts at `rows[offset]`, into {@link out}.
   * Throws {@link RosterMismatchError} if the row's headcount cannot come from its leavers and the plan.
   */
  credit(trial: number, rows: Float64Array, offset: number): TrialCredit {
    const { T, rampOf, roster, offsets, out } = this;
    const { role, firstHire } = roster;
    const R = role.ramp.length;
    const L = role.backfillLag;
    const seed = this.model.simulation.seed;
    const head = (t: number) => rows[offset + offsets.headcount + t]!;
    const left = (t: number) => rows[offset + offsets.leavers + t]!;
    out.credit.fill(0);
    out.months.fill(0);
    out.bookings = 0;
    out.unrostered = 0;
    out.uncredited = 0;
    // headcount_0 = start − leavers_0 + hires_0 + (backfills of period-0 leavers when lag is 0).
    const start = head(0) + left(0) - role.hires[0]! - (L === 0 ? left(0) : 0);
    let total = start;
    for (let t = 0; t < T; t++) total += role.hires[t]! + left(t);
    if (!(Number.isInteger(start) && start >= 0))
      this.mismatch(trial, 0, `a starting headcount of ${start}`);
    this.grow(total);
    const leaverRng = streamRng(seed, 'quota-leavers', trial);
    const perfRng = streamRng(seed, 'quota-performance', trial);
    const { seat, tenure, perf, present, dueAt, dueSeat } = this;
    let reps = 0;
    let m = 0;
    let dueHead = 0;
    let dueTail = 0;
    const join = (s: number, k: number) => {
      seat[reps] = s;
      tenure[reps] = k;
      perf[reps] = this.multiplier(perfRng);
      present[m++] = reps++;
    };
    for (let k = 0; k < start; k++) join(k < roster.starting ? k : -1, R);
    for (let t = 0; t < T; t++) {
      for (let j = 0; j < m; j++) {
        const p = present[j]!;
        if (tenure[p]! < R) tenure[p]! += 1;
      }
      const leaving = left(t);
      if (leaving > m) this.mismatch(trial, t, `${leaving} leavers out of ${m} reps`);
      for (let k = 0; k < leaving; k++) {
        const j = Math.floor(leaverRng() * m);
        const p = present[j]!;
        present[j] = present[--m]!;
        if (L >= 0 && t + L < T) {
          dueAt[dueTail] = t + L;
          dueSeat[dueTail++] = seat[p]!;
        }
      }
      for (let k = 0; k < role.hires[t]!; k++) join(firstHire[t]! + k, 0);
      while (dueHead < dueTail && dueAt[dueHead] === t) join(dueSeat[dueHead++]!, 0);
      if (m !== head(t))
        this.mismatch(
          trial,
          t,
          `a headcount of ${head(t)} where its leavers, hires and backfills give ${m}`,
        );
      const booked = rows[offset + offsets.bookings + t]!;
      out.bookings += booked;
      let weight = 0;
      for (let j = 0; j < m; j++) {
        const p = present[j]!;
        weight += rampOf[tenure[p]!]! * perf[p]!;
      }
      if (!(weight > 0)) {
        out.uncredited += booked;
        continue;
      }
      for (let j = 0; j < m; j++) {
        const p = present[j]!;
        const s = seat[p]!;
        const w = rampOf[tenure[p]!]!;
        const part = (booked * w * perf[p]!) / weight;
        if (s < 0) out.unrostered += part;
        else {
          out.credit[s]! += part;
          out.months[s]! += w;
        }
      }
    }
    return out;
  }

  private mismatch(trial: number, t: number, what: string): never {
    const label = this.model.calendar.labels[t] ?? String(t);
    throw new RosterMismatchError(
      `quota: trial ${trial}, role ${this.roster.role.id}, ${label}: the row gives ${what}; the engine's team dynamics and docs/model.md "Team" disagree`,
    );
  }
}
