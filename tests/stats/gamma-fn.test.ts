import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logBeta, logGamma } from '../../src/stats/gamma-fn.js';
import { jStat } from './jstat-oracle.js';

describe('logGamma (Lanczos)', () => {
  it('matches factorials and Γ(½) = √π', () => {
    let logFact = 0; // ln((n−1)!) built by exact summation of logs
    for (let n = 1; n <= 60; n++) {
      if (n > 1) logFact += Math.log(n - 1);
      expect(Math.abs(logGamma(n) - logFact)).toBeLessThan(1e-13 * Math.max(1, logFact));
    }
    expect(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
    // Γ(1.5) = √π / 2
    expect(Math.abs(logGamma(1.5) - Math.log(Math.sqrt(Math.PI) / 2))).toBeLessThan(1e-14);
    expect(logGamma(0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('satisfies the recurrence ln Γ(x+1) = ln Γ(x) + ln x and agrees with jStat', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x) => {
        const lhs = logGamma(x + 1);
        const rhs = logGamma(x) + Math.log(x);
        const scale = Math.max(1, Math.abs(lhs));
        return (
          Math.abs(lhs - rhs) < 1e-12 * scale &&
          Math.abs(logGamma(x) - jStat.gammaln(x)) < 1e-10 * scale
        );
      }),
      { seed: 101 },
    );
  });

  it('logBeta(a, b) = ln(Γ(a)Γ(b)/Γ(a+b)) for integers', () => {
    // B(2, 3) = 1!·2!/4! = 1/12
    expect(Math.abs(logBeta(2, 3) - Math.log(1 / 12))).toBeLessThan(1e-14);
  });
});
