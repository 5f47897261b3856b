/**
 * Result shapes of the analyses, in the JSON form the CLI prints (snake_case keys are the
 * product's stable core; see docs/json-output.md). Chart builders and the report
 * read these types and nothing else.
 */

/**
 * Distribution summary of one quantity across trials. `sd` is the sample sd (n − 1) and `se`
 * the Monte Carlo standard error of the mean, sd/√n; both are null for a run of one trial,
 * which cannot estimate them.
 */
export interface Summary {
  readonly mean: number;
  readonly sd: number | null;
  readonly se: number | null;
  readonly p5: number;
  readonly p10: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p95: number;
}

/** A quantity per period and over the horizon (sum for flows, end value for levels, mean for ratios). */
export interface SeriesSummary {
  readonly periods: readonly Summary[];
  readonly total: Summary;
}

export { METRICS, type MetricName } from '../model/metrics.js';

import type { MetricName } from '../model/metrics.js';

/** Breakdown of one channel or one market. Horizon summaries plus per-period means. */
export interface BreakdownResult {
  readonly leads: Summary;
  readonly wins: Summary;
  readonly bookings: Summary;
  /** Mean per period (for contribution charts). */
  readonly periods: {
    readonly leads: readonly number[];
    readonly wins: readonly number[];
    readonly bookings: readonly number[];
  };
  /** Monte Carlo standard error of each per-period mean (null for a run of one trial). */
  readonly periods_se: {
    readonly leads: readonly (number | null)[];
    readonly wins: readonly (number | null)[];
    readonly bookings: readonly (number | null)[];
  };
}

export interface RoleResult {
  /** Reps at the end of each period (after leavers and joiners). */
  readonly headcount: SeriesSummary;
  /** Items the role could take on (whole items). */
  readonly capacity: SeriesSummary;
  /** Items taken on. */
  readonly taken: SeriesSummary;
  /** taken / capacity per period (0 when capacity is 0); total = horizon taken / horizon capacity. */
  readonly utilisation: SeriesSummary;
  /** Items still waiting at the end of the period, after queue loss. */
  readonly queue: SeriesSummary;
  /** Items lost from the queue. */
  readonly lost: SeriesSummary;
  /** Reps who left (attrition) in the period; joiners of the period are not exposed. */
  readonly leavers: SeriesSummary;
}

export interface TargetResult {
  readonly value: number;
  /** P(horizon quantity ≥ value). */
  readonly probability: number;
  /** Monte Carlo standard error of that probability, √(p(1−p)/n); null for one trial. */
  readonly se: number | null;
}

/** Histogram of a horizon quantity for distribution charts (equal-width bins). */
export interface Histogram {
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

export interface ForecastResult {
  readonly scenario: string;
  readonly currency: string;
  readonly trials: number;
  readonly seed: number;
  readonly sampling: 'random' | 'lhs';
  readonly variant: string | null;
  /** `YYYY-MM` per period. */
  readonly periods: readonly string[];
  readonly quarters: readonly string[];
  readonly metrics: Readonly<Record<MetricName, SeriesSummary>>;
  /** Arrivals per stage. */
  readonly stages: Readonly<Record<string, SeriesSummary>>;
  readonly channels: Readonly<Record<string, BreakdownResult>>;
  readonly markets: Readonly<Record<string, BreakdownResult>>;
  readonly roles: Readonly<Record<string, RoleResult>>;
  /** Quarterly roll-ups of flows: bookings, new/repeat bookings, wins, leads, spend, profit. */
  readonly quarterly: Readonly<Record<string, readonly Summary[]>>;
  /** Cumulative bookings per period (summary of the running sum in each trial). */
  readonly cumulative_bookings: readonly Summary[];
  readonly targets: {
    readonly bookings?: TargetResult;
    /** Probability of reaching each quarterly target, in order. */
    readonly quarterly?: readonly number[];
    readonly quarterly_detail?: readonly TargetResult[];
    readonly profit?: TargetResult;
  };
  readonly histograms: { readonly bookings: Histogram; readonly profit: Histogram };
  /** Trials actually run and the relative SE reached, when `simulation.precision` was set. */
  readonly precision: {
    readonly target: number;
    readonly achieved: number;
    readonly trials: number;
  } | null;
  /**
   * Target and achieved rank correlations, when `correlations` were given; `achieved` is
   * null for a run of one trial, which has no rank correlation.
   */
  readonly correlations: readonly {
    readonly between: readonly [string, string];
    readonly target: number;
    readonly achieved: number | null;
  }[];
}
