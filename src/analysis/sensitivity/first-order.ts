/**
 * First-order variance shares from given data: how much of the variance of an output Y the
 * value of one input X explains, Var(E[Y | X]) / Var(Y), estimated from the trials of one
 * ordinary run (the inputs as drawn, the outputs as simulated) — no extra runs per input.
 *
 * Estimator: sort the trials by X, cut them into M equal-count bins, fit Y ≈ a_b + c_b·X by
 * least squares inside each bin (a piecewise-linear E[Y | X]), and take the adjusted R² of that
 * fit, 1 − (SS_res/(n − p)) / (SS_tot/(n − 1)) with p the fitted coefficients. The bins make it
 * free of any assumed shape (a "given-data" estimator, Plischke, Borgonovo & Smith 2013,
 * "Global sensitivity measures from given data", EJOR 226); the linear piece inside each bin
 * removes most of the coarse-graining bias of plain bin means (which miss the variation of
 * E[Y | X] inside wide tail bins); the adjustment removes the share that p coefficients would
 * fit in pure noise. With correlated inputs it measures what knowing X tells, its partners'
 * effect included.
 */

/**
 * Bins for n trials: about ∛n (10 for 1,000 trials, 22 for 10,000), from 4 to 25.
 * @example binCount(10_000) // 22
 */
export function binCount(n: number): number {
  return Math.max(4, Math.min(25, Math.round(Math.cbrt(n))));
}

/**
 * The bin (0 … bins − 1) of each trial when the trials are sorted by `x` (ties in trial
 * order) and cut into `bins` groups of equal count.
 * @example binsOf(Float64Array.of(3, 1, 2, 4), 2) // Uint16Array [1, 0, 0, 1]
 */
export function binsOf(x: Float64Array, bins: number): Uint16Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
  const out = new Uint16Array(n);
  order.forEach((i, rank) => {
    out[i] = Math.floor((rank * bins) / n);
  });
  return out;
}

/**
 * The piecewise-linear fit of `y` on `x` in equal-count bins of x, prepared once so that
 * the share can be recomputed cheaply for many bootstrap resamples: each trial's values are
 * kept relative to its bin's means (so one pass of raw sums per resample does not cancel).
 * @example new FirstOrder(y, x, binCount(y.length)).share() // Var(E[Y | X]) / Var(Y)
 */
export class FirstOrder {
  private readonly bin: Uint16Array;
  private readonly dx: Float64Array;
  private readonly dy: Float64Array;
  /** Full-sample bin means of x and y (the shifts). */
  private readonly mx: Float64Array;
  private readonly my: Float64Array;
  private readonly sums: Float64Array;

  constructor(
    y: Float64Array,
    x: Float64Array,
    private readonly bins: number,
  ) {
    const n = y.length;
    this.bin = binsOf(x, bins);
    const count = new Float64Array(bins);
    this.mx = new Float64Array(bins);
    this.my = new Float64Array(bins);
    for (let i = 0; i < n; i++) {
      const b = this.bin[i]!;
      count[b]! += 1;
      this.mx[b]! += x[i]!;
      this.my[b]! += y[i]!;
    }
    for (let b = 0; b < bins; b++) {
      if (count[b]! > 0) {
        this.mx[b]! /= count[b]!;
        this.my[b]! /= count[b]!;
      }
    }
    this.dx = x.map((v, i) => v - this.mx[this.bin[i]!]!);
    this.dy = y.map((v, i) => v - this.my[this.bin[i]!]!);
    this.sums = new Float64Array(6 * bins);
  }

  /**
   * Adjusted R² of the fit, with trial i counted `weight[i]` times (a bootstrap resample;
   * every trial once when omitted). 0 when y does not vary. Not clipped: an input without
   * effect gives values scattered around 0.
   */
  share(weight?: Uint32Array): number {
    const { bin, dx, dy, bins } = this;
    const S = this.sums;
    S.fill(0);
    const n = dx.length;
    for (let i = 0; i < n; i++) {
      const w = weight === undefined ? 1 : weight[i]!;
      if (w === 0) continue;
      const k = 6 * bin[i]!;
      const a = dx[i]!;
      const c = dy[i]!;
      S[k]! += w;
      S[k + 1]! += w * a;
      S[k + 2]! += w * c;
      S[k + 3]! += w * a * a;
      S[k + 4]! += w * a * c;
      S[k + 5]! += w * c * c;
    }
    let total = 0;
    let ySum = 0;
    for (let b = 0; b < bins; b++) {
      total += S[6 * b]!;
      ySum += S[6 * b]! * this.my[b]! + S[6 * b + 2]!;
    }
    const yMean = ySum / total;
    let ssTot = 0;
    let ssRes = 0;
    let p = 0;
    for (let b = 0; b < bins; b++) {
      const k = 6 * b;
      const W = S[k]!;
      if (W === 0) continue;
      const ex = S[k + 1]! / W;
      const ey = S[k + 2]! / W;
      const cxx = S[k + 3]! - W * ex * ex;
      const cxy = S[k + 4]! - W * ex * ey;
      const cyy = Math.max(0, S[k + 5]! - W * ey * ey);
      ssTot += cyy + W * (this.my[b]! + ey - yMean) ** 2;
      // A bin whose x does not vary (a clamped or rounded input) fits its mean only.
      const mx = this.mx[b]! + ex;
      const slope = cxx > 1e-20 * W * Math.max(1, mx * mx);
      ssRes += slope ? Math.max(0, cyy - (cxy * cxy) / cxx) : cyy;
      p += slope ? 2 : 1;
    }
    if (!(ssTot > 0) || total - p <= 0) return 0;
    return 1 - ssRes / (total - p) / (ssTot / (total - 1));
  }
}
