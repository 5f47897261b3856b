/**
 * Statistical checks shared by the sampler tests: moments with tolerances from the Monte
 * Carlo standard error, a chi-square goodness-of-fit for counts and a Kolmogorov–Smirnov
 * test for continuous laws. Every test uses a fixed seed and no retries.
 */
import { expect } from 'vitest';
import { jStat } from '../../stats/jstat-oracle.js';

/** Draws n values into a Float64Array. */
export function drawMany(n: number, draw: () => number): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = draw();
  return xs;
}

/**
 * Asserts |sample mean − mean| < z·σ/√n and |sample variance − variance| < z·SE, where SE of the
 * sample variance is √((m₄ − s⁴)/n) from the sample's own fourth central moment.
 */
export function expectMoments(xs: Float64Array, mean: number, variance: number, z = 4.5): void {
  const n = xs.length;
  let m = 0;
  for (const x of xs) m += x;
  m /= n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d2 = (x - m) * (x - m);
    m2 += d2;
    m4 += d2 * d2;
  }
  m2 /= n;
  m4 /= n;
  const seMean = Math.sqrt(variance / n);
  expect(Math.abs(m - mean), `mean ${m} vs ${mean}`).toBeLessThanOrEqual(
    z * seMean + 1e-12 * Math.abs(mean),
  );
  const seVar = Math.sqrt(Math.max(m4 - m2 * m2, 0) / n);
  expect(Math.abs(m2 - variance), `variance ${m2} vs ${variance}`).toBeLessThanOrEqual(
    z * seVar + 1e-9 * variance,
  );
}

/**
 * Chi-square goodness of fit of integer draws to a pmf over [lo, hi] (the two ends also take
 * the tails), pooling neighbouring values until every bin expects ≥ max(20, n/40) draws; asserts the statistic
 * is below the 99.9th percentile of its chi-square law (jStat).
 */
export function expectDiscreteFit(
  xs: Float64Array,
  pmf: (k: number) => number,
  lo: number,
  hi: number,
): void {
  const n = xs.length;
  const minExpected = Math.max(20, n / 40);
  const edges: number[] = [];
  const probs: number[] = [];
  let acc = 0;
  let inner = 0;
  for (let k = lo; k <= hi; k++) {
    const p = pmf(k);
    acc += p;
    inner += p;
    if (acc * n >= minExpected || k === hi) {
      edges.push(k);
      probs.push(acc);
      acc = 0;
    }
  }
  // Tails below lo and above hi join the first and last bins.
  const tail = Math.max(0, 1 - inner);
  probs[0] = (probs[0] as number) + tail / 2;
  probs[probs.length - 1] = (probs[probs.length - 1] as number) + tail / 2;
  while (probs.length > 1 && (probs[probs.length - 1] as number) * n < minExpected) {
    const last = probs.pop() as number;
    edges.pop();
    probs[probs.length - 1] = (probs[probs.length - 1] as number) + last;
    edges[edges.length - 1] = hi;
  }
  const counts = new Float64Array(probs.length);
  let nonIntegers = 0;
  for (const x of xs) {
    if (!Number.isInteger(x)) nonIntegers++;
    let b = 0;
    while (b < edges.length - 1 && x > (edges[b] as number)) b++;
    counts[b]! += 1;
  }
  expect(nonIntegers, 'draws that are not integers').toBe(0);
  let x2 = 0;
  for (let b = 0; b < probs.length; b++) {
    const e = (probs[b] as number) * n;
    x2 += ((counts[b]! - e) * (counts[b]! - e)) / e;
  }
  const df = Math.max(1, probs.length - 1);
  expect(x2, `chi-square ${x2} on ${df} df`).toBeLessThan(jStat.chisquare.inv(0.999, df));
}

/** Kolmogorov–Smirnov: asserts √n·D < 1.9495, the asymptotic 0.1% critical value. */
export function expectContinuousFit(xs: Float64Array, cdf: (x: number) => number): void {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i] as number);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  expect(Math.sqrt(n) * d, 'KS statistic').toBeLessThan(1.9495);
}
