/**
 * Log probability mass functions of the Poisson and binomial laws, accurate to ~1e-14
 * relative even for counts near 1e9, by Loader's saddle-point method (C. Loader, "Fast and
 * Accurate Computation of Binomial Probabilities", 2000; the method behind R's dbinom/dpois).
 * The exact rejection tests of the Poisson and binomial samplers rely on this accuracy.
 */
import { logGamma } from './gamma-fn.js';

const HALF_LOG_2PI = 0.9189385332046728;
const TABLE_SIZE = 16;
/** stirlerr(n) for n = 0 … 15, computed once from logGamma (no cancellation at this size). */
const STIRLERR_TABLE = new Float64Array(TABLE_SIZE);
for (let n = 1; n < TABLE_SIZE; n++) {
  STIRLERR_TABLE[n] = logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - HALF_LOG_2PI;
}

const LOG_FACTORIAL_SIZE = 256;
/** ln k! for k = 0 … 255, from logGamma (absolute error ~1e-13 at most). */
const LOG_FACTORIAL = new Float64Array(LOG_FACTORIAL_SIZE);
for (let k = 2; k < LOG_FACTORIAL_SIZE; k++) LOG_FACTORIAL[k] = logGamma(k + 1);

/**
 * Stirling's error δ(n) = ln n! − [(n + ½) ln n − n + ½ ln 2π] for integer n ≥ 1: a table up
 * to 15, above it the asymptotic series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹).
 * @example stirlerr(20) // ≈ 0.0041663196919
 */
export function stirlerr(n: number): number {
  if (n < TABLE_SIZE) return STIRLERR_TABLE[n] as number;
  const nn = n * n;
  if (n > 500) return (1 / 12 - 1 / 360 / nn) / n;
  if (n > 80) return (1 / 12 - (1 / 360 - 1 / 1260 / nn) / nn) / n;
  if (n > 35) return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / 1680 / nn) / nn) / nn) / n;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / nn) / nn) / nn) / nn) / n;
}

/**
 * Deviance term bd0(x, m) = x ln(x/m) + m − x, by a series in v = (x − m)/(x + m) when x is near m
 * (where the direct formula cancels catastrophically).
 * @example bd0(10, 10) // 0
 */
export function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * ln P(X = k) for X ~ Poisson(lambda), integer k ≥ 0, lambda > 0: −λ + k ln λ − ln k! from a
 * table for k < 256, else Loader's −δ(k) − bd0(k, λ) − ½ ln(2πk).
 * @example Math.exp(logPoissonPmf(2, 3)) // 9e^−3/2
 */
export function logPoissonPmf(k: number, lambda: number): number {
  if (k === 0) return -lambda;
  // Small k: the direct form is cheaper and, with terms below ~1500, accurate to ~1e-13.
  if (k < LOG_FACTORIAL_SIZE) return -lambda + k * Math.log(lambda) - (LOG_FACTORIAL[k] as number);
  return -stirlerr(k) - bd0(k, lambda) - 0.5 * Math.log(2 * Math.PI * k);
}

/**
 * ln P(X = k) for X ~ Binomial(n, p), integers 0 ≤ k ≤ n, 0 < p < 1:
 * δ(n) − δ(k) − δ(n−k) − bd0(k, np) − bd0(n−k, nq) + ½ ln(n / (2πk(n−k))).
 * @example Math.exp(logBinomialPmf(1, 2, 0.5)) // 0.5
 */
export function logBinomialPmf(k: number, n: number, p: number): number {
  const q = 1 - p;
  if (k === 0) return n * Math.log1p(-p);
  if (k === n) return n * Math.log(p);
  const nk = n - k;
  return (
    stirlerr(n) -
    stirlerr(k) -
    stirlerr(nk) -
    bd0(k, n * p) -
    bd0(nk, n * q) +
    0.5 * Math.log(n / (2 * Math.PI * k * nk))
  );
}
