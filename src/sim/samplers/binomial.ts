/**
 * Binomial variates, exact for any n up to ~1e15.
 */
import { logBinomialPmf } from '../../stats/log-pmf.js';
import type { Rng } from '../rng.js';
import { RECIPROCALS } from './reciprocals.js';

/** Below this mean n·p (p ≤ ½), inversion beats rejection. */
const INVERSION_MAX = 10;

/** (1 − p)^n: by repeated squaring for n < 2¹⁰ (at most 20 multiplications), else exp(n·log1p(−p)). */
function probZero(n: number, p: number): number {
  if (n >= 1024) return Math.exp(n * Math.log1p(-p));
  let q = 1 - p;
  let r = 1;
  for (let e = n; e > 0; e >>= 1) {
    if (e & 1) r *= q;
    q *= q;
  }
  return r;
}

/**
 * Sequential-search inversion from 0 (Kachitvichyanukul & Schmeiser's BINV), p ≤ ½, np < 10:
 * f(0) = (1−p)^n, f(k) = f(k−1)·((n+1)/k − 1)·p/(1−p).
 */
function binomialInversion(rng: Rng, n: number, p: number): number {
  const s = p / (1 - p);
  const a = (n + 1) * s;
  const r0 = probZero(n, p);
  for (;;) {
    let u = rng();
    let r = r0;
    let k = 0;
    while (u > r) {
      u -= r;
      k++;
      if (k > n) break;
      r *= k < RECIPROCALS.length ? a * RECIPROCALS[k]! - s : a / k - s;
    }
    if (k <= n) return k;
  }
}

/**
 * Hörmann's BTRD, transformed rejection with decomposition (W. Hörmann, "The generation of
 * binomial random variates", J. Statist. Comput. Simul. 46, 1993), for p ≤ ½ and np ≥ 10.
 * Near the mode the density ratio is evaluated recursively, elsewhere the squeeze and then
 * Loader's accurate log-pmf decide, so the draw is exact for n ~ 1e9 and beyond.
 */
function binomialBtrd(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const m = Math.floor((n + 1) * p);
  const r = p / q;
  const nr = (n + 1) * r;
  const npq = n * p * q;
  const spq = Math.sqrt(npq);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * spq;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  let logPmfMode = Number.NaN;
  for (;;) {
    let v = rng();
    let u: number;
    if (v <= urvr) {
      u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    if (v >= vr) {
      // Given v ≥ vr, v is already uniform on [vr, 1): the region above the box keeps it.
      u = rng() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = (1 - rng()) * vr;
    }
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    const km = Math.abs(k - m);
    if (km <= 15) {
      // f(k)/f(m) by the recurrence f(i)/f(i−1) = (n+1−i)/i · p/q.
      let f = 1;
      if (m < k) {
        for (let i = m + 1; i <= k; i++)
          f *= (i < RECIPROCALS.length ? nr * RECIPROCALS[i]! : nr / i) - r;
      } else {
        for (let i = k + 1; i <= m; i++)
          v *= (i < RECIPROCALS.length ? nr * RECIPROCALS[i]! : nr / i) - r;
      }
      if (v <= f) return k;
      continue;
    }
    const logV = Math.log(v);
    const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
    const t = (-km * km) / (2 * npq);
    if (logV < t - rho) return k;
    if (logV > t + rho) continue;
    if (Number.isNaN(logPmfMode)) logPmfMode = logBinomialPmf(m, n, p);
    if (logV <= logBinomialPmf(k, n, p) - logPmfMode) return k;
  }
}

/**
 * One Binomial(n, p) draw (n a non-negative integer): 0 for n ≤ 0 or p ≤ 0, n for p ≥ 1;
 * p > ½ by symmetry n − Binomial(n, 1 − p); then inversion (BINV) when np < 10, else BTRD.
 * @example binomial(rng, 1000, 0.3)
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (!(n > 0 && p > 0)) return 0;
  if (p >= 1) return n;
  if (p > 0.5) {
    const q = 1 - p;
    return n - (n * q < INVERSION_MAX ? binomialInversion(rng, n, q) : binomialBtrd(rng, n, q));
  }
  return n * p < INVERSION_MAX ? binomialInversion(rng, n, p) : binomialBtrd(rng, n, p);
}
