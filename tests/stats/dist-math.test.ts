import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dist } from '../../src/model/dist.js';
import { distCdf, distMean, distQuantile, distVariance } from '../../src/stats/dist-math.js';
import { jStat } from './jstat-oracle.js';

const pertOf = (min: number, mode: number, max: number): Dist => ({
  kind: 'pert',
  min,
  mode,
  max,
  alpha: 1 + (4 * (mode - min)) / (max - min),
  beta: 1 + (4 * (max - mode)) / (max - min),
});

const examples: Dist[] = [
  { kind: 'normal', mean: 10, sd: 3 },
  { kind: 'lognormal', mu: Math.log(8000), sigma: 0.7 },
  { kind: 'beta', alpha: 43.3, beta: 146.2 },
  { kind: 'beta', alpha: 0.6, beta: 2.5 },
  { kind: 'uniform', min: -2, max: 5 },
  { kind: 'triangular', min: 1, mode: 2, max: 6 },
  { kind: 'triangular', min: 0, mode: 0, max: 1 },
  pertOf(10, 30, 100),
];

/**
 * Independent oracle for the moments: E[X] = ∫₀¹ Q(p) dp and Var X = ∫₀¹ (Q(p) − μ)² dp,
 * midpoint rule on a grid that is fine near both tails (p = ½(1 + tanh t) substitution).
 */
function momentsByQuadrature(dist: Dist): { mean: number; variance: number } {
  const n = 20_000;
  const tMax = 12;
  let m = 0;
  let m2 = 0;
  const h = (2 * tMax) / n;
  for (let i = 0; i < n; i++) {
    const t = -tMax + (i + 0.5) * h;
    const p = 0.5 * (1 + Math.tanh(t));
    const w = (0.5 * h) / Math.cosh(t) ** 2;
    const q = distQuantile(dist, p);
    m += w * q;
    m2 += w * q * q;
  }
  return { mean: m, variance: m2 - m * m };
}

describe('distMean and distVariance', () => {
  it('match quadrature of the quantile function', () => {
    for (const d of examples) {
      const { mean, variance } = momentsByQuadrature(d);
      const sd = Math.sqrt(distVariance(d));
      expect(Math.abs(distMean(d) - mean)).toBeLessThan(1e-6 * sd);
      expect(Math.abs(distVariance(d) - variance) / distVariance(d)).toBeLessThan(1e-5);
    }
  });

  it('match jStat closed forms', () => {
    // jStat.lognormal.mean(mu, sigma) = e^(μ+σ²/2), etc. (independent implementation)
    const ln: Dist = { kind: 'lognormal', mu: 1.2, sigma: 0.4 };
    expect(distMean(ln)).toBeCloseTo(jStat.lognormal.mean(1.2, 0.4), 12);
    expect(distVariance(ln)).toBeCloseTo(jStat.lognormal.variance(1.2, 0.4), 12);
    expect(distMean({ kind: 'beta', alpha: 2, beta: 5 })).toBeCloseTo(jStat.beta.mean(2, 5), 15);
    expect(distVariance({ kind: 'beta', alpha: 2, beta: 5 })).toBeCloseTo(
      jStat.beta.variance(2, 5),
      15,
    );
    // jStat's triangular takes (a = min, b = max, c = mode).
    const tri: Dist = { kind: 'triangular', min: 1, mode: 2, max: 6 };
    expect(distMean(tri)).toBeCloseTo(jStat.triangular.mean(1, 6, 2), 14);
    expect(distVariance(tri)).toBeCloseTo(jStat.triangular.variance(1, 6, 2), 14);
    expect(distVariance({ kind: 'uniform', min: 0, max: 1 })).toBeCloseTo(1 / 12, 15);
    expect(distMean({ kind: 'fixed', value: 7 })).toBe(7);
    expect(distVariance({ kind: 'fixed', value: 7 })).toBe(0);
  });
});

describe('distQuantile and distCdf', () => {
  it('are inverse to each other for every kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (d, p) => Math.abs(distCdf(d, distQuantile(d, p)) - p) < 1e-10,
      ),
      { seed: 21 },
    );
  });

  it('match jStat and closed forms', () => {
    // lognormal median is e^μ; triangular quantile against jStat; uniform closed form.
    expect(distQuantile({ kind: 'lognormal', mu: Math.log(8000), sigma: 0.7 }, 0.5)).toBeCloseTo(
      8000,
      8,
    );
    expect(distQuantile({ kind: 'triangular', min: 1, mode: 2, max: 6 }, 0.1)).toBeCloseTo(
      jStat.triangular.inv(0.1, 1, 6, 2),
      12,
    );
    expect(distQuantile({ kind: 'triangular', min: 1, mode: 2, max: 6 }, 0.9)).toBeCloseTo(
      jStat.triangular.inv(0.9, 1, 6, 2),
      12,
    );
    expect(distQuantile({ kind: 'uniform', min: 2, max: 4 }, 0.25)).toBe(2.5);
    expect(distQuantile({ kind: 'normal', mean: 5, sd: 2 }, 0.95)).toBeCloseTo(
      5 + 2 * 1.6448536269514722,
      12,
    );
    expect(distQuantile({ kind: 'fixed', value: 3 }, 0.9)).toBe(3);
    expect(distCdf({ kind: 'fixed', value: 3 }, 2.9)).toBe(0);
    expect(distCdf({ kind: 'fixed', value: 3 }, 3)).toBe(1);
    expect(distCdf({ kind: 'lognormal', mu: 0, sigma: 1 }, -1)).toBe(0);
  });

  it('PERT is a scaled beta', () => {
    const d = pertOf(10, 30, 100);
    if (d.kind !== 'pert') throw new Error('unreachable');
    expect(distQuantile(d, 0.3)).toBeCloseTo(10 + 90 * jStat.beta.inv(0.3, d.alpha, d.beta), 5);
  });
});
