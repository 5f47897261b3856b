import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaCdf, betaPdf, betaQuantile, fitBetaToQuantiles } from '../../src/stats/beta.js';
import { logGamma } from '../../src/stats/gamma-fn.js';
import { jStat } from './jstat-oracle.js';

/**
 * Oracle for integer a, b: I_x(a, b) = P(Binomial(a+b−1, x) ≥ a) = Σ_{j=a}^{a+b−1} C(n, j) x^j (1−x)^(n−j)
 * (Abramowitz & Stegun 26.5.24), each term in log space.
 */
function binomialTailOracle(x: number, a: number, b: number): number {
  const n = a + b - 1;
  let s = 0;
  for (let j = a; j <= n; j++) {
    const lnC = logGamma(n + 1) - logGamma(j + 1) - logGamma(n - j + 1);
    s += Math.exp(lnC + j * Math.log(x) + (n - j) * Math.log1p(-x));
  }
  return s;
}

describe('betaCdf', () => {
  it('matches closed forms', () => {
    // I_0.5(2, 3) = 11/16 (binomial sum by hand); Beta(1, 1) is uniform; Beta(a, 1) has CDF x^a.
    expect(Math.abs(betaCdf(0.5, 2, 3) - 0.6875)).toBeLessThan(1e-15);
    expect(Math.abs(betaCdf(0.37, 1, 1) - 0.37)).toBeLessThan(1e-15);
    expect(Math.abs(betaCdf(0.8, 3.5, 1) - 0.8 ** 3.5)).toBeLessThan(1e-14);
    // Beta(½, ½) is the arcsine law: (2/π)·asin(√x).
    expect(Math.abs(betaCdf(0.01, 0.5, 0.5) - (2 / Math.PI) * Math.asin(0.1))).toBeLessThan(1e-14);
    expect(betaCdf(0, 2, 2)).toBe(0);
    expect(betaCdf(1, 2, 2)).toBe(1);
  });

  it('matches the binomial-sum oracle for integer parameters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }),
        (a, b, x) => Math.abs(betaCdf(x, a, b) - binomialTailOracle(x, a, b)) < 1e-12,
      ),
      { seed: 11 },
    );
  });

  it('agrees with jStat for real parameters and obeys I_x(a,b) = 1 − I_(1−x)(b,a)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (a, b, x) => {
          const y = 1 - x; // exact complement pair (y, 1 − y) so rounding does not blur the identity
          const v = betaCdf(1 - y, a, b);
          // jStat's continued fraction stops at ~3e-7 relative, hence the loose tolerance.
          return (
            Math.abs(v - jStat.beta.cdf(1 - y, a, b)) < 1e-6 &&
            Math.abs(v - (1 - betaCdf(y, b, a))) < 1e-12
          );
        },
      ),
      { seed: 12 },
    );
  });

  it('has betaPdf as its derivative (central difference)', () => {
    const h = 1e-6;
    for (const [x, a, b] of [
      [0.3, 2.5, 4],
      [0.9, 30, 4],
      [0.02, 0.7, 9],
    ] as const) {
      const d = (betaCdf(x + h, a, b) - betaCdf(x - h, a, b)) / (2 * h);
      expect(Math.abs(d - betaPdf(x, a, b)) / betaPdf(x, a, b)).toBeLessThan(1e-6);
    }
  });
});

describe('betaQuantile', () => {
  it('inverts betaCdf across shapes, including tiny and huge parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: Math.log(0.05), max: Math.log(1e5), noNaN: true }),
        fc.double({ min: Math.log(0.05), max: Math.log(1e5), noNaN: true }),
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        (la, lb, p) => {
          const a = Math.exp(la);
          const b = Math.exp(lb);
          const x = betaQuantile(p, a, b);
          return x >= 0 && x <= 1 && Math.abs(betaCdf(x, a, b) - p) < 1e-10 * Math.max(1, p / 1e-3);
        },
      ),
      { seed: 13 },
    );
  });

  it('matches jStat and known values', () => {
    // median of Beta(2, 2) is ½ by symmetry; Beta(a, 1) quantile is p^(1/a).
    expect(Math.abs(betaQuantile(0.5, 2, 2) - 0.5)).toBeLessThan(1e-15);
    expect(Math.abs(betaQuantile(0.3, 4, 1) - 0.3 ** 0.25)).toBeLessThan(1e-14);
    expect(Math.abs(betaQuantile(0.05, 43, 146) - jStat.beta.inv(0.05, 43, 146))).toBeLessThan(
      1e-6,
    );
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
  });
});

describe('fitBetaToQuantiles', () => {
  const check = (lo: number, hi: number, pLo = 0.05, pHi = 0.95): void => {
    const fit = fitBetaToQuantiles(lo, hi, pLo, pHi);
    expect(fit).not.toBeNull();
    if (fit === null) return;
    expect(Math.abs(betaQuantile(pLo, fit.alpha, fit.beta) - lo)).toBeLessThan(
      1e-6 * Math.min(1, lo / 1e-3),
    );
    expect(Math.abs(betaQuantile(pHi, fit.alpha, fit.beta) - hi)).toBeLessThan(
      1e-6 * Math.min(1, (1 - hi) / 1e-3),
    );
  };

  it('hits both percentiles for typical and extreme intervals', () => {
    check(0.18, 0.28);
    check(0.3, 0.4);
    check(0.001, 0.02); // "0.1% to 2%"
    check(0.95, 0.995); // "95% to 99.5%"
    check(0.01, 0.99);
    check(0.001, 0.999);
    check(1e-6, 1e-3);
    check(0.499, 0.501);
    check(0.2, 0.3, 0.1, 0.9);
  });

  it('hits both percentiles for random intervals in (0, 1)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }),
        fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }),
        (u, v) => {
          const lo = Math.min(u, v);
          const hi = Math.max(u, v);
          if (hi - lo < 1e-3) return true;
          const fit = fitBetaToQuantiles(lo, hi);
          if (fit === null) return false;
          return (
            Math.abs(betaQuantile(0.05, fit.alpha, fit.beta) - lo) < 1e-6 &&
            Math.abs(betaQuantile(0.95, fit.alpha, fit.beta) - hi) < 1e-6
          );
        },
      ),
      { seed: 14, numRuns: 150 },
    );
  });

  it('returns null when infeasible', () => {
    expect(fitBetaToQuantiles(0.3, 0.2)).toBeNull();
    expect(fitBetaToQuantiles(0.3, 0.3)).toBeNull();
    expect(fitBetaToQuantiles(0, 0.2)).toBeNull();
    expect(fitBetaToQuantiles(0.2, 1)).toBeNull();
    expect(fitBetaToQuantiles(-0.1, 0.5)).toBeNull();
    expect(fitBetaToQuantiles(0.1, 0.2, 0.9, 0.1)).toBeNull();
    expect(fitBetaToQuantiles(Number.NaN, 0.2)).toBeNull();
  });
});
