/**
 * Monte Carlo standard errors, and the one policy for a run too small to estimate one: from a
 * single trial the error is unknown, not 0, so it is null (JSON null, "n/a" in tables).
 */

/** Fewest trials from which a standard error can be estimated. */
export const MIN_TRIALS_FOR_ERROR = 2;

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
