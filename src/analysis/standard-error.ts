/**
 * Monte Carlo standard errors and sample spreads, and the one policy for a run too small to
 * estimate them: from a single trial the error and the sd are unknown, not 0, so they are null
 * (JSON null, "n/a" in tables and the report, an empty CSV cell).
 */

/** Fewest trials from which a standard error (or a sample sd) can be estimated. */
export const MIN_TRIALS_FOR_ERROR = 2;

/**
 * The sample sd (n − 1) `sd` of n trials as reported, or null below two trials: one value has
 * no spread to measure (n − 1 = 0), and 0 would claim a certainty the run does not have.
 * @example sampleSd(2.5, 10) // 2.5
 * @example sampleSd(0, 1) // null
 */
export function sampleSd(sd: number, n: number): number | null {
  return n >= MIN_TRIALS_FOR_ERROR ? sd : null;
}

/**
 * Standard error of a mean of n trials with sample sd `sd`: sd/√n, or null below two trials.
 * @example standardError(3, 9) // 1
 * @example standardError(0, 1) // null
 */
export function standardError(sd: number, n: number): number | null {
  return n >= MIN_TRIALS_FOR_ERROR ? sd / Math.sqrt(n) : null;
}

/**
 * Standard error of a share p of n trials, √(p(1 − p)/n), or null below two trials.
 * @example proportionError(0.5, 100) // 0.05
 */
export function proportionError(p: number, n: number): number | null {
  return n >= MIN_TRIALS_FOR_ERROR ? Math.sqrt((p * (1 - p)) / n) : null;
}
