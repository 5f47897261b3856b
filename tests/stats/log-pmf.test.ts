import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGamma } from '../../src/stats/gamma-fn.js';
import { bd0, logBinomialPmf, logPoissonPmf, stirlerr } from '../../src/stats/log-pmf.js';
import { jStat } from './jstat-oracle.js';

describe('stirlerr and bd0', () => {
  it('stirlerr matches its definition via logGamma where that has no cancellation', () => {
    for (let n = 1; n <= 200; n++) {
      const direct = logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - 0.5 * Math.log(2 * Math.PI);
      // logGamma's absolute error grows like n·1e-16, hence the tolerance.
      expect(Math.abs(stirlerr(n) - direct)).toBeLessThan(1e-15 * n * Math.log(n + 1) + 1e-15);
    }
  });

  it('bd0 equals x ln(x/m) + m − x and is ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 1e6, noNaN: true }),
        fc.double({ min: 0.5, max: 1e6, noNaN: true }),
        (x, m) => {
          const direct = x * Math.log(x / m) + m - x;
          const v = bd0(x, m);
          return v >= 0 && Math.abs(v - direct) <= 1e-9 * Math.max(1, x);
        },
      ),
      { seed: 51 },
    );
  });
});

describe('logPoissonPmf and logBinomialPmf', () => {
  it('agree with jStat for moderate parameters', () => {
    // jStat's Poisson pmf overflows its factorial beyond k ≈ 120, so it is compared up to 100.
    for (const lambda of [0.3, 4, 25, 80]) {
      for (let k = 0; k <= 100; k++) {
        const ref = jStat.poisson.pdf(k, lambda);
        if (ref < 1e-280) continue;
        expect(Math.abs(Math.exp(logPoissonPmf(k, lambda)) - ref) / ref).toBeLessThan(1e-9);
      }
    }
    for (const [n, p] of [
      [10, 0.3],
      [200, 0.05],
      [500, 0.5],
    ] as const) {
      for (let k = 0; k <= n; k++) {
        const ref = jStat.binomial.pdf(k, n, p);
        if (ref < 1e-280) continue;
        expect(Math.abs(Math.exp(logBinomialPmf(k, n, p)) - ref) / ref).toBeLessThan(1e-9);
      }
    }
  });

  it('sum to 1 and have the right mean at huge parameters', () => {
    // Σ pmf = 1 and Σ k·pmf = λ (resp. np) over ±12 sd, where the rest is below 1e-30.
    for (const lambda of [1e6, 1e9]) {
      const sd = Math.sqrt(lambda);
      let s = 0;
      let m = 0;
      for (let k = Math.floor(lambda - 12 * sd); k <= lambda + 12 * sd; k++) {
        const p = Math.exp(logPoissonPmf(k, lambda));
        s += p;
        m += (k - lambda) * p;
      }
      expect(Math.abs(s - 1)).toBeLessThan(1e-11);
      expect(Math.abs(m)).toBeLessThan(1e-9 * sd);
    }
    const n = 1e9;
    const p = 0.3;
    const sd = Math.sqrt(n * p * (1 - p));
    let s = 0;
    for (let k = Math.floor(n * p - 12 * sd); k <= n * p + 12 * sd; k++)
      s += Math.exp(logBinomialPmf(k, n, p));
    expect(Math.abs(s - 1)).toBeLessThan(1e-11);
  });
});
