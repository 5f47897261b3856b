/**
 * The quota result, in the JSON form `salesops quota --json` prints. Its stable core is
 * `{ role, confidence, team_target, reps: [{id, quota, expected_attainment}],
 * share_reaching_quota }`; every other field is documented in docs/quota.md.
 */
import type { Summary } from '../types.js';

/** One seat of the quota role: its quota, its split over time, and its attainment. */
export interface QuotaRep {
  /** `<role>-01`, … in roster order: the starting headcount, then planned hires by period. */
  readonly id: string;
  readonly quota: number;
  /** Mean of credited bookings / quota over trials (null when the quota is 0). */
  readonly expected_attainment: number | null;
  /** Monte Carlo standard error of `expected_attainment` (null with it, or for one trial). */
  readonly expected_attainment_se: number | null;
  /** P(credited bookings ≥ quota) over trials (null when the quota is 0). */
  readonly probability_reaching: number | null;
  /** √(p(1 − p)/n) (null with it, or for one trial). */
  readonly probability_reaching_se: number | null;
  /** `starting` (the starting headcount) or `hire` (a planned hire). */
  readonly kind: 'starting' | 'hire';
  /** First period of the seat, `YYYY-MM`. */
  readonly start: string;
  /** Its index (0 = calendar.start). */
  readonly start_period: number;
  /** quota / total quota: the seat's expected ramped capacity share, each period weighted by its share of bookings. */
  readonly capacity_share: number;
  /** Expected Σ over periods of ramp(tenure) of whoever holds the seat (1 = one fully ramped rep-period). */
  readonly ramped_months: number;
  /** The same, averaged over the simulated trials (a check on the expectation). */
  readonly simulated_ramped_months: number;
  /** Its Monte Carlo standard error (null for one trial). */
  readonly simulated_ramped_months_se: number | null;
  /** Expected backfills joining the seat within the horizon. */
  readonly expected_backfills: number;
  /** Quota per quarter, in `quarters` order. */
  readonly quarterly: readonly number[];
  /** Quota per period, in `periods` order. */
  readonly monthly: readonly number[];
}

/** The quota analysis of one scenario. */
export interface QuotaResult {
  /** The quota role's id. */
  readonly role: string;
  /** The quota role's display label (its `label`, or a readable default from the id). */
  readonly role_label: string;
  /** Probability with which the team reaches `team_target`. */
  readonly confidence: number;
  /** The (1 − confidence) quantile of horizon bookings (type 7, all trials). */
  readonly team_target: number;
  readonly reps: readonly QuotaRep[];
  /** Share of seats with a quota that reach it, as a distribution over trials. */
  readonly share_reaching_quota: Summary;
  /** Monte Carlo error of the team target: ≈ 1 standard error, from the interval below; null with it. */
  readonly team_target_se: number | null;
  /**
   * Distribution-free interval between two order statistics that covers the true quantile
   * with probability ≥ level; null when the trials are too few for any pair to reach it.
   */
  readonly team_target_interval: {
    readonly level: number;
    readonly lo: number;
    readonly hi: number;
  } | null;
  readonly over_assignment: number;
  /** team_target × over_assignment = Σ rep quotas. */
  readonly total_quota: number;
  /** Coefficient of variation of each rep's performance multiplier. */
  readonly performance_cv: number;
  readonly scenario: string;
  readonly currency: string;
  readonly trials: number;
  readonly seed: number;
  readonly sampling: 'random' | 'lhs';
  readonly variant: string | null;
  readonly periods: readonly string[];
  readonly quarters: readonly string[];
  /** Horizon bookings of the team (all bookings of the scenario). */
  readonly bookings: Summary;
  /** P(horizon bookings ≥ team target) and P(≥ total quota), with standard errors (null for one trial). */
  readonly probability_team_target: { readonly probability: number; readonly se: number | null };
  readonly probability_total_quota: { readonly probability: number; readonly se: number | null };
  /** Team quota per quarter (Σ of the reps' quarterly quotas). */
  readonly quarterly_quota: readonly number[];
  /** Each period's share of the total quota (the forecast's mean bookings profile). */
  readonly profile: readonly number[];
  /** P(exactly k seats reach quota), k = 0 … number of seats with a quota. */
  readonly reps_reaching: readonly number[];
  /** Every seat's attainment in every trial: bins of `bin_width` from 0; the last bin is open-ended. */
  readonly attainment_histogram: {
    readonly bin_width: number;
    readonly counts: readonly number[];
  };
  /** Mean of (bookings credited to the roster / total quota). */
  readonly team_attainment: number;
  /** Expected backfills joining the role within the horizon (all seats). */
  readonly expected_backfills: number;
  /** Mean share of bookings credited to reps above the planned starting headcount, and to nobody (no capacity). */
  readonly outside_roster: { readonly unrostered: number; readonly uncredited: number };
  /** Plain sentences: fewer than half of the reps expected to reach quota, a quota of 0, … */
  readonly warnings: readonly string[];
}
