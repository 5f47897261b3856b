/**
 * The beta distribution: regularized incomplete beta (CDF), its inverse, and the beta
 * that has two given percentiles (the `"LOW to HIGH"` shorthand for rates).
 */
import { logBeta } from './gamma-fn.js';

const TINY = 1e-300;
const EPS = 1e-15;

/** Continued fraction for I_x(a, b) (Numerical Recipes 3rd ed. §6.4, eq. 6.4.5), modified Lentz. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  const maxIter = 10_000 + 10 * Math.ceil(Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= maxIter; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/**
 * Beta density f(x; a, b) = x^(a−1)(1−x)^(b−1) / B(a, b).
 * @example betaPdf(0.5, 2, 2) // 1.5
 */
export function betaPdf(x: number, a: number, b: number): number {
  if (x < 0 || x > 1) return 0;
  if (x === 0) return a === 1 ? b : a < 1 ? Number.POSITIVE_INFINITY : 0;
  if (x === 1) return b === 1 ? a : b < 1 ? Number.POSITIVE_INFINITY : 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
}

/**
 * Beta CDF, the regularized incomplete beta I_x(a, b), by its continued fraction (modified
 * Lentz), using I_x(a, b) = 1 − I_(1−x)(b, a) where that converges faster (x > (a+1)/(a+b+2)).
 * @example betaCdf(0.5, 2, 3) // 0.6875
 */
export function betaCdf(x: number, a: number, b: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  }
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Starting point for the quantile search (Numerical Recipes 3rd ed. §6.14, `invbetai`). */
function initialGuess(p: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let x = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) x = -x;
    const al = (x * x - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w =
      (x * Math.sqrt(al + h)) / h -
      (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  const lna = Math.log(a / (a + b));
  const lnb = Math.log(b / (a + b));
  const t = Math.exp(a * lna) / a;
  const u = Math.exp(b * lnb) / b;
  const w = t + u;
  if (p < t / w) return (a * w * p) ** (1 / a);
  return 1 - (b * w * (1 - p)) ** (1 / b);
}

/**
 * Beta quantile: the x with I_x(a, b) = p, by Newton's method on the CDF kept inside a
 * shrinking bracket (a bisection step whenever Newton would leave it); about 1e-14 relative.
 * @example betaQuantile(0.6875, 2, 3) // 0.5
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  let x = initialGuess(p, a, b);
  if (!(x > 0 && x < 1)) x = 0.5;
  const lnB = logBeta(a, b);
  for (let iter = 0; iter < 300; iter++) {
    const f = betaCdf(x, a, b) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const pdf = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB);
    let next = x - f / pdf;
    if (!(next > lo && next < hi)) {
      // Bisect geometrically when the bracket spans orders of magnitude near 0 or 1.
      if (lo === 0 && hi <= 0.5) next = hi / 16;
      else if (hi === 1 && lo >= 0.5) next = 1 - (1 - lo) / 16;
      else if (hi <= 0.5 && hi > 4 * lo) next = Math.sqrt(lo * hi);
      else if (lo >= 0.5 && 1 - lo > 4 * (1 - hi)) next = 1 - Math.sqrt((1 - lo) * (1 - hi));
      else next = 0.5 * (lo + hi);
    }
    if (Math.abs(next - x) <= 1e-15 * Math.max(Math.min(x, 1 - x), 1e-300)) return next;
    if (hi - lo <= 4e-16 * Math.max(Math.min(lo, 1 - hi), 1e-300)) return next;
    x = next;
  }
  return x;
}

/** Logistic function, maps the real line onto (0, 1). */
const logistic = (u: number): number => 1 / (1 + Math.exp(-u));

/**
 * Bisection for the increasing function f on [lo, hi] (f(lo) < 0 < f(hi) assumed), to width tol.
 */
function bisect(f: (t: number) => number, lo: number, hi: number, tol: number): number {
  for (let i = 0; i < 200 && hi - lo > tol; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Range of ln(alpha + beta) searched by {@link fitBetaToQuantiles}: concentration 1e-3 … 1e10. */
const LOG_KAPPA_MIN = Math.log(1e-3);
const LOG_KAPPA_MAX = Math.log(1e10);

/**
 * The Beta(alpha, beta) whose `pLo` and `pHi` quantiles are `lo` and `hi` (default: a 90%
 * interval, 5th and 95th percentiles), or null when there is none: lo ≥ hi, a bound outside
 * (0, 1), pLo ≥ pHi, or an interval so narrow that alpha + beta would exceed 1e10.
 * Parametrised by the mean m = logistic(u) and concentration κ = alpha + beta = e^v: for a
 * fixed κ the `pLo` quantile rises with m, so an inner bisection on u pins it at `lo`; with
 * that quantile pinned, the CDF at `hi` rises with κ, so an outer bisection on v sets it to
 * `pHi`. The result is checked against both quantiles (relative error below 1e-6).
 * @example fitBetaToQuantiles(0.18, 0.28) // ≈ { alpha: 43.26, beta: 146.18 }
 */
export function fitBetaToQuantiles(
  lo: number,
  hi: number,
  pLo = 0.05,
  pHi = 0.95,
): { alpha: number; beta: number } | null {
  if (!(lo > 0 && hi < 1 && lo < hi && pLo > 0 && pHi < 1 && pLo < pHi)) return null;
  const meanFor = (kappa: number): number =>
    logistic(
      bisect(
        (u) => pLo - betaCdf(lo, logistic(u) * kappa, (1 - logistic(u)) * kappa),
        -60,
        60,
        1e-13,
      ),
    );
  const gap = (v: number): number => {
    const kappa = Math.exp(v);
    const m = meanFor(kappa);
    return betaCdf(hi, m * kappa, (1 - m) * kappa) - pHi;
  };
  if (gap(LOG_KAPPA_MIN) >= 0 || gap(LOG_KAPPA_MAX) <= 0) return null;
  const kappa = Math.exp(bisect(gap, LOG_KAPPA_MIN, LOG_KAPPA_MAX, 1e-12));
  const m = meanFor(kappa);
  const alpha = m * kappa;
  const beta = (1 - m) * kappa;
  const close = (q: number, target: number): boolean =>
    Math.abs(q - target) <= 1e-6 * Math.min(target, 1 - target);
  if (!close(betaQuantile(pLo, alpha, beta), lo) || !close(betaQuantile(pHi, alpha, beta), hi)) {
    return null;
  }
  return { alpha, beta };
}
