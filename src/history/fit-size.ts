/**
 * Deal sizes per market. From won deals: the lognormal whose log-mean and log-sd are the
 * sample's (the maximum-likelihood fit), judged by the Kolmogorov–Smirnov distance between
 * the sample (binned to 0.05 in log units, so the file need not be kept) and the fit, against
 * Lilliefors' 5% critical value ≈ 0.886/√n for a normal with estimated parameters (on log
 * sizes). From monthly actuals alone: the mean size is Σ bookings / Σ wins, and the spread
 * comes from how bookings vary around wins × mean: with n wins booking B, E[B] = nμ and
 * Var[B] = nσ², so σ² ≈ Σ (B − nμ)² / Σ n (method of moments), as a lognormal with that
 * mean and sd.
 */
import { normalCdf } from '../stats/normal.js';
import { SIZE_BIN, SIZE_LO, type SizeStats } from './read-deals.js';

/** z of the 90th percentile. */
const Z90 = 1.2815515655446004;

/** A fitted deal-size distribution and how well it fits. */
export interface SizeFit {
  /** Lognormal log-mean and log-sd. */
  readonly mu: number;
  readonly sigma: number;
  readonly n: number;
  /** Kolmogorov–Smirnov distance to the data (null when fitted from monthly moments). */
  readonly ks: number | null;
  /** Lilliefors' 5% critical value for n. */
  readonly critical: number | null;
  /** Sample mean amount, and the fit's mean exp(μ + σ²/2). */
  readonly sampleMean: number;
  readonly fitMean: number;
  /** One sentence on the fit. */
  readonly note: string;
}

/**
 * Lognormal fit of won amounts with its KS distance.
 * @example fitSizes(stats).note // 'lognormal fits: KS distance 0.021 below the 5% critical value 0.028'
 */
export function fitSizes(s: SizeStats): SizeFit {
  const mu = s.sumLog / s.n;
  const sigma = s.n > 1 ? Math.sqrt(Math.max(0, (s.sumLog2 - s.n * mu * mu) / (s.n - 1))) : 0;
  let ks = 0;
  let cum = 0;
  s.hist.forEach((count, i) => {
    if (count === 0) return;
    const lo = SIZE_LO + i * SIZE_BIN;
    const F = (x: number) => (sigma > 0 ? normalCdf((x - mu) / sigma) : x >= mu ? 1 : 0);
    // the sample's CDF jumps within the bin: compare at both edges
    ks = Math.max(ks, Math.abs(cum / s.n - F(lo)));
    cum += count;
    ks = Math.max(ks, Math.abs(cum / s.n - F(lo + SIZE_BIN)));
  });
  const critical = 0.886 / Math.sqrt(s.n);
  const fitMean = Math.exp(mu + (sigma * sigma) / 2);
  const sampleMean = s.sum / s.n;
  const good = ks <= critical;
  const note =
    s.n < 20
      ? `only ${s.n} won deals: the fit is rough`
      : good
        ? `lognormal fits: KS distance ${ks.toFixed(3)} within the 5% critical value ${critical.toFixed(3)} (binned to ±2.5%)`
        : `lognormal fits poorly: KS distance ${ks.toFixed(3)} above the 5% critical value ${critical.toFixed(3)}; the sample mean ${sampleMean.toFixed(0)} vs the fit's ${fitMean.toFixed(0)}`;
  return { mu, sigma, n: s.n, ks, critical, sampleMean, fitMean, note };
}

/**
 * Deal size from monthly wins and bookings (method of moments; see the module comment).
 * Null when there are no wins.
 * @example sizesFromActuals([2, 1], [20000, 9000]) // mean 9667
 */
export function sizesFromActuals(
  wins: ArrayLike<number>,
  bookings: ArrayLike<number>,
): SizeFit | null {
  let W = 0;
  let B = 0;
  for (let i = 0; i < wins.length; i++) {
    W += wins[i]!;
    B += bookings[i]!;
  }
  if (W === 0 || B <= 0) return null;
  const mean = B / W;
  let ss = 0;
  for (let i = 0; i < wins.length; i++)
    if (wins[i]! > 0) ss += (bookings[i]! - wins[i]! * mean) ** 2;
  const sd = Math.sqrt(ss / W);
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  const mu = Math.log(mean) - s2 / 2;
  return {
    mu,
    sigma: Math.sqrt(s2),
    n: W,
    ks: null,
    critical: null,
    sampleMean: mean,
    fitMean: mean,
    note: `from ${W} wins in the monthly actuals: mean and spread by the method of moments (no deal-level data, so the shape is assumed lognormal)`,
  };
}

/**
 * The scenario form of a fitted size: `{dist: lognormal, median, p90}` with 4 significant
 * digits (a plain number when the spread rounds away).
 * @example sizeForm(fit) // { dist: 'lognormal', median: 14280, p90: 37110 }
 */
export function sizeForm(f: SizeFit): { dist: 'lognormal'; median: number; p90: number } | number {
  const median = Number(Math.exp(f.mu).toPrecision(4));
  const p90 = Number(Math.exp(f.mu + Z90 * f.sigma).toPrecision(4));
  return p90 > median ? { dist: 'lognormal', median, p90 } : median;
}
