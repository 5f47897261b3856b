/**
 * Attainment across trials: each seat's credited bookings / its quota, tallied in trial
 * order — each seat's mean attainment and chance of reaching quota, the share of seats that
 * reach it in each trial (a distribution over trials), and a histogram of every seat's
 * attainment in every trial.
 */
import { ColumnMoments } from '../../util/moments.js';
import { proportionError, standardError } from '../standard-error.js';
import { summaryOf } from '../summary-of.js';
import type { Summary } from '../types.js';

/** Attainment histogram: bins of this width from 0, the last one open-ended. */
export const ATTAINMENT_BIN = 0.1;
/** Bins of the attainment histogram; the last holds everything from (BINS − 1) · BIN up. */
export const ATTAINMENT_BINS = 31;
/** Relative slack on "reached": credited bookings that equal the quota up to rounding reach it. */
const REACH_SLACK = 1e-12;

/** What the tally found for one seat (null fields: the seat has no quota). */
export interface SeatAttainment {
  readonly mean: number | null;
  readonly se: number | null;
  readonly probability: number | null;
  readonly probabilitySe: number | null;
}

/** The tally's result. */
export interface AttainmentTallyResult {
  readonly seats: readonly SeatAttainment[];
  /** Share of seats with a quota that reach it, over trials. */
  readonly share: Summary;
  /** P(exactly k seats reach quota), k = 0 … seats with a quota. */
  readonly reaching: readonly number[];
  /** Seat-trials per attainment bin (see ATTAINMENT_BIN, ATTAINMENT_BINS). */
  readonly histogram: readonly number[];
  /** Mean Σ credited bookings of the roster / Σ quotas: the team's mean attainment. */
  readonly team: number;
}

/**
 * Tallies attainment trial by trial.
 * @example const tally = new AttainmentTally(quotas); tally.add(credit); tally.result().share.mean;
 */
export class AttainmentTally {
  private readonly moments: ColumnMoments;
  private readonly attainment: Float64Array;
  private readonly reached: Float64Array;
  private readonly counts: Float64Array;
  private readonly histogram: Float64Array;
  private readonly eligible: number;
  private shares = new Float64Array(1024);
  private n = 0;
  private credited = 0;

  constructor(private readonly quotas: Float64Array) {
    const S = quotas.length;
    this.moments = new ColumnMoments(S);
    this.attainment = new Float64Array(S);
    this.reached = new Float64Array(S);
    this.eligible = quotas.filter((q) => q > 0).length;
    this.counts = new Float64Array(this.eligible + 1);
    this.histogram = new Float64Array(ATTAINMENT_BINS);
  }

  /** Adds the next trial's credited bookings per seat. */
  add(credit: Float64Array): void {
    const { quotas, attainment } = this;
    let k = 0;
    for (let s = 0; s < quotas.length; s++) {
      const q = quotas[s]!;
      this.credited += credit[s]!;
      if (!(q > 0)) {
        attainment[s] = 0;
        continue;
      }
      const a = credit[s]! / q;
      attainment[s] = a;
      if (credit[s]! >= q * (1 - REACH_SLACK)) {
        k += 1;
        this.reached[s]! += 1;
      }
      this.histogram[Math.min(ATTAINMENT_BINS - 1, Math.floor(a / ATTAINMENT_BIN))]! += 1;
    }
    this.moments.push(attainment);
    this.counts[k]! += 1;
    if (this.n === this.shares.length) {
      const wider = new Float64Array(2 * this.n);
      wider.set(this.shares);
      this.shares = wider;
    }
    this.shares[this.n++] = this.eligible > 0 ? k / this.eligible : 0;
  }

  /** The result over every trial added. */
  result(): AttainmentTallyResult {
    const n = Math.max(1, this.n);
    const seats = Array.from(this.quotas, (q, s): SeatAttainment => {
      if (!(q > 0)) return { mean: null, se: null, probability: null, probabilitySe: null };
      const p = this.reached[s]! / n;
      return {
        mean: this.moments.meanOf(s),
        se: standardError(this.moments.sdOf(s), this.n),
        probability: p,
        probabilitySe: proportionError(p, this.n),
      };
    });
    const totalQuota = this.quotas.reduce((a, b) => a + b, 0);
    return {
      seats,
      share: summaryOf(this.shares.subarray(0, this.n)),
      reaching: Array.from(this.counts, (c) => c / n),
      histogram: Array.from(this.histogram),
      team: totalQuota > 0 ? this.credited / n / totalQuota : 0,
    };
  }
}
