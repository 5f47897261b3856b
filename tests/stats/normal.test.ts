import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalPdf, normalQuantile } from '../../src/stats/normal.js';
import { jStat } from './jstat-oracle.js';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('normalQuantile (AS 241)', () => {
  it('matches published values', () => {
    // Φ⁻¹(0.95), Φ⁻¹(0.975), Φ⁻¹(0.999): R `qnorm(p)` printed with digits = 17.
    expect(rel(normalQuantile(0.95), 1.6448536269514722)).toBeLessThan(1e-12);
    expect(rel(normalQuantile(0.975), 1.959963984540054)).toBeLessThan(1e-12);
    expect(rel(normalQuantile(0.999), 3.090232306167813)).toBeLessThan(1e-12);
    // qnorm(1e-10) = -6.3613409024040557 (R).
    expect(rel(normalQuantile(1e-10), -6.3613409024040557)).toBeLessThan(1e-12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });

  it('agrees with jStat in the body of the distribution', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        const ours = normalQuantile(p);
        const theirs = jStat.normal.inv(p, 0, 1);
        // jStat's own inverse is good to about 1e-12 here (its tails are weaker).
        return Math.abs(ours - theirs) <= 2e-12 * Math.max(1, Math.abs(theirs));
      }),
      { seed: 1 },
    );
  });

  // Rounding x by one ulp moves p by a relative x²·ε, so the round trip is held to 1e-14·(1 + x²).
  it('inverts normalCdf in the lower tail to its conditioning, down to p = 1e-300', () => {
    fc.assert(
      fc.property(fc.double({ min: -690, max: Math.log(0.5), noNaN: true }), (logP) => {
        const p = Math.max(Math.exp(logP), 1e-300);
        const x = normalQuantile(p);
        return rel(normalCdf(x), p) < 1e-14 * (1 + x * x);
      }),
      { seed: 2 },
    );
  });

  it('inverts normalCdf to 1e-15 absolute in the upper half', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, maxExcluded: true, noNaN: true }), (p) => {
        return Math.abs(normalCdf(normalQuantile(p)) - p) < 1e-15;
      }),
      { seed: 3 },
    );
  });

  it('is odd: Φ⁻¹(1 − p) = −Φ⁻¹(p)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (p) => {
        // 1 − p is rounded, so compare with the quantile of the rounded complement.
        const c = 1 - p;
        return Math.abs(normalQuantile(c) + normalQuantile(1 - c)) < 1e-12;
      }),
      { seed: 4 },
    );
  });
});

describe('normalCdf', () => {
  it('matches published values', () => {
    // R: pnorm(1.96) = 0.97500210485177952; pnorm(-5) = 2.8665157187919391e-07;
    // pnorm(-10) = 7.6198530241605269e-24; pnorm(-37.5) = 4.605353e-309 (subnormal, first digits only).
    expect(rel(normalCdf(1.96), 0.9750021048517795)).toBeLessThan(1e-14);
    expect(rel(normalCdf(-5), 2.8665157187919391e-7)).toBeLessThan(1e-13);
    expect(rel(normalCdf(-10), 7.6198530241605269e-24)).toBeLessThan(1e-13);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
  });

  it('agrees with jStat and is monotone', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -8, max: 8, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, dx) => {
          const ours = normalCdf(x);
          const theirs = jStat.normal.cdf(x, 0, 1);
          return Math.abs(ours - theirs) <= 1e-14 + 1e-12 * theirs && normalCdf(x + dx) >= ours;
        },
      ),
      { seed: 5, numRuns: 2000 },
    );
    // Across the switch between the series and the continued fraction at |x| = 2.5.
    for (const edge of [-2.5, 2.5]) {
      let prev = normalCdf(edge - 1e-9);
      for (let i = -8; i <= 8; i++) {
        const v = normalCdf(edge + i * 1e-10);
        expect(v).toBeGreaterThanOrEqual(prev - 1e-16);
        prev = v;
      }
    }
  });

  it('density integrates to the CDF (Simpson rule on [-1, 1.5])', () => {
    const n = 1000;
    const h = 2.5 / n;
    let s = normalPdf(-1) + normalPdf(1.5);
    for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * normalPdf(-1 + i * h);
    expect(Math.abs((s * h) / 3 - (normalCdf(1.5) - normalCdf(-1)))).toBeLessThan(1e-12);
  });
});
