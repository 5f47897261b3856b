/**
 * What `compare` returns, in the JSON form the CLI prints. The stable core (docs/what-ifs.md):
 * `{ base: {bookings, profit, target_probability}, variants: {<name>: {bookings, profit,
 * target_probability, difference: {mean, lo, hi}, probability_better}} }`; the rest is extra.
 */
import type { Summary } from '../types.js';
import type { Difference, TrialDifference } from './paired.js';

/** One plan's outcome over the same trials as every other plan of the comparison. */
export interface PlanOutcome {
  /** `base`, a variant's name, or the one-off what-if's name (its `--set` edits). */
  readonly name: string;
  /** What charts and the report call it: `Base plan`, the variant's label, or the what-if's name. */
  readonly label: string;
  readonly description: string;
  /** What the plan changes against the base: dot path → value as the file would hold it. */
  readonly set: Readonly<Record<string, unknown>>;
  /** Horizon bookings. */
  readonly bookings: Summary;
  /** Horizon gross profit after costs. */
  readonly profit: Summary;
  /** P(horizon bookings ≥ the bookings target); null when the scenario sets none. */
  readonly target_probability: number | null;
  /** Its Monte Carlo standard error, √(p(1 − p)/n); null without a target. */
  readonly target_se: number | null;
  /** P(quarter's bookings ≥ its target), one per quarterly target. */
  readonly quarterly_target_probabilities: readonly number[];
  /** P(horizon profit ≥ the profit target); null when the scenario sets none. */
  readonly profit_target_probability: number | null;
  /** Running total of bookings per period, summarised across trials. */
  readonly cumulative_bookings: readonly Summary[];
}

/** A variant's outcome and how it differs from the base, trial by trial. */
export interface VariantOutcome extends PlanOutcome {
  /**
   * Paired difference of horizon bookings to the base: mean, its 90% interval, and its
   * spread trial by trial (P10, P50, P90 of variant − base).
   */
  readonly difference: TrialDifference;
  /** Share of trials in which the variant books strictly more than the base. */
  readonly probability_better: number;
  /** Share of trials in which it books strictly less (ties count in neither). */
  readonly probability_worse: number;
  /** Paired difference of horizon profit, with its spread trial by trial. */
  readonly profit_difference: TrialDifference;
  /** Share of trials with strictly more profit than the base. */
  readonly probability_better_profit: number;
  /** Paired difference of the probability of reaching the bookings target; null without one. */
  readonly target_probability_difference: Difference | null;
}

/** Base and variants on the same trials (common random numbers). */
export interface CompareResult {
  readonly scenario: string;
  readonly currency: string;
  readonly trials: number;
  readonly seed: number;
  readonly sampling: 'random' | 'lhs';
  /** Level of every interval (0.9). */
  readonly interval: number;
  readonly periods: readonly string[];
  readonly quarters: readonly string[];
  readonly targets: {
    readonly bookings: number | null;
    readonly quarterly: readonly number[];
    readonly profit: number | null;
  };
  readonly base: PlanOutcome;
  /** Every compared variant by name, in the order given (file order by default). */
  readonly variants: Readonly<Record<string, VariantOutcome>>;
}
