/**
 * History in memory: monthly actuals per cohort (channel × market) and deal-level records,
 * as docs/data-formats.md describes their CSV files. Period indices count from the first
 * period of the history.
 */

/** Monthly actuals of one cohort: one value per period of {@link Actuals.periods}. */
export interface ActualsCohort {
  readonly channel: string;
  readonly market: string;
  /** 1 where the file has a row for this cohort and period. */
  readonly present: Uint8Array;
  /** Spend attributed to this market (a channel's spend is the sum over its markets). */
  readonly spend: Float64Array;
  /** Arrivals per stage, first (leads) to last (wins): `arrivals[k][t]`. */
  readonly arrivals: readonly Float64Array[];
  /** New bookings of the cohort's won deals. */
  readonly bookings: Float64Array;
  /**
   * Where each period's row sits in the file (line and data row; 0 where absent), for
   * messages about a row that is valid CSV but does not fit a scenario. Absent when the
   * actuals were not read from a file.
   */
  readonly source?: { readonly line: Int32Array; readonly row: Int32Array };
}

/** Monthly actuals: contiguous periods, the funnel's stage ids, and every cohort. */
export interface Actuals {
  /** File name as the user gave it (for messages). */
  readonly file: string;
  /** `YYYY-MM`, contiguous, first to last. */
  readonly periods: readonly string[];
  /**
   * Stage ids, first to last. The first and last are named after the file's `leads` and
   * `wins` columns unless a scenario names them; the middle ones are the file's stage columns.
   */
  readonly stages: readonly string[];
  readonly cohorts: readonly ActualsCohort[];
}

/** How a deal ended, or that it has not. */
export type Outcome = 'won' | 'lost' | 'open';

/**
 * One item of a deal-level export, with periods as indices into the history's calendar
 * (negative: before it). Stage indices follow the funnel.
 */
export interface DealRecord {
  readonly id: string;
  /** Customer name: synthetic, and never copied into any output. */
  readonly account: string;
  readonly channel: string;
  readonly market: string;
  /** Period the item entered each stage it reached, first stage first (`entered[0]` = created). */
  readonly entered: readonly number[];
  /** Day of the month (1–28) of each `entered` date, for realistic exports. */
  readonly enteredDay: readonly number[];
  /** Period it was won or lost; null while open. */
  readonly closed: number | null;
  readonly closedDay: number;
  readonly outcome: Outcome;
  /** Lost while waiting in a role's queue, never taken on (`lost_reason` `unworked`). */
  readonly unworked: boolean;
  /** Booked amount of a won deal; null otherwise. */
  readonly amount: number | null;
}
