/**
 * The share of an output's variance that all the inputs together explain, from two runs that
 * draw the same inputs and independent funnel noise (run B: every uncertain input reseeded to
 * run A's seed, everything else from another seed): Var(E[Y | inputs]) = Cov(Y_A, Y_B). The
 * rest, 1 minus it, is the funnel's own randomness (binomial, Poisson and deal-size draws) that
 * no better estimate of an input could remove. Estimator: Janon, Klein, Lagnoux, Nodet & Prieur
 * (2014), "Asymptotic normality and efficiency of two Sobol index estimators", ESAIM P&S 18 —
 * both runs' moments pooled:
 *
 *   S = (mean(Y_A·Y_B) − m²) / (mean((Y_A² + Y_B²)/2) − m²),   m = mean((Y_A + Y_B)/2)
 *
 * (computed around the pooled mean, so large bookings do not cancel).
 */

/**
 * S of the pair (a, b), trial i counted `weight[i]` times (a bootstrap resample; once when
 * omitted). 0 when neither run varies.
 * @example closedShare(yA, yB) // ≈ 0.9: the inputs explain 90% of the variance
 */
export function closedShare(a: Float64Array, b: Float64Array, weight?: Uint32Array): number {
  const n = a.length;
  const w = (i: number) => (weight === undefined ? 1 : weight[i]!);
  let total = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    total += w(i);
    sum += w(i) * (a[i]! + b[i]!);
  }
  const m = sum / (2 * total);
  let cross = 0;
  let square = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - m;
    const db = b[i]! - m;
    cross += w(i) * da * db;
    square += (w(i) * (da * da + db * db)) / 2;
  }
  return square > 0 ? cross / square : 0;
}
