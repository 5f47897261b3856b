import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamRng } from '../../../src/sim/rng.js';
import { binomial } from '../../../src/sim/samplers/binomial.js';
import { logBinomialPmf } from '../../../src/stats/log-pmf.js';
import { drawMany, expectDiscreteFit, expectMoments } from './helpers.js';

const N = 200_000;

function pmf(n: number, p: number): (k: number) => number {
  if (p > 0.5) return (k) => Math.exp(logBinomialPmf(n - k, n, 1 - p));
  return (k) => Math.exp(logBinomialPmf(k, n, p));
}

describe('binomial', () => {
  // Inversion for n·min(p, 1−p) < 10, BTRD above; tiny, moderate and huge n, p near 0 and 1.
  const cases: [number, number][] = [
    [1, 0.3],
    [5, 0.5],
    [20, 0.45],
    [100, 0.05],
    [100, 0.099],
    [100, 0.1],
    [100, 0.3],
    [250, 0.9],
    [1000, 0.5],
    [1000, 0.999],
    [1e6, 1e-6],
    [1e6, 0.01],
    [1e6, 0.999999],
    [1e9, 1e-9],
    [1e9, 0.3],
    [1e9, 0.7],
  ];
  for (const [n, p] of cases) {
    it(`matches the Binomial(${n}, ${p}) law: moments and chi-square`, () => {
      const rng = streamRng(8, 'binomial', n, p);
      const xs = drawMany(N, () => binomial(rng, n, p));
      for (const x of xs) if (x < 0 || x > n) throw new Error(`out of range: ${x}`);
      expectMoments(xs, n * p, n * p * (1 - p));
      const sd = Math.sqrt(n * p * (1 - p));
      const lo = Math.max(0, Math.floor(n * p - 6 * sd - 5));
      const hi = Math.min(n, Math.ceil(n * p + 6 * sd + 5));
      expectDiscreteFit(xs, pmf(n, p), lo, hi);
    });
  }

  it('handles the degenerate cases', () => {
    const rng = streamRng(8, 'binomial-edge');
    expect(binomial(rng, 0, 0.4)).toBe(0);
    expect(binomial(rng, 17, 0)).toBe(0);
    expect(binomial(rng, 17, 1)).toBe(17);
    expect(binomial(rng, 17, Number.NaN)).toBe(0);
    expect(binomial(rng, 1e9, 1)).toBe(1e9);
  });

  it("BTRD's squeeze brackets the exact log density ratio (Hörmann 1993, step 4)", () => {
    // The squeeze t ± ρ must satisfy t − ρ ≤ ln f(k)/f(m) ≤ t + ρ for every |k − m| > 15,
    // or the sampler would accept or reject wrongly. Checked against Loader's log-pmf.
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 1_000_000_000 }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (n, p, z) => {
          const npq = n * p * (1 - p);
          if (n * p < 10) return true;
          const m = Math.floor((n + 1) * p);
          const k = Math.round(m + z * 8 * Math.sqrt(npq));
          const km = Math.abs(k - m);
          if (k < 0 || k > n || km <= 15) return true;
          const exact = logBinomialPmf(k, n, p) - logBinomialPmf(m, n, p);
          const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
          const t = (-km * km) / (2 * npq);
          return t - rho <= exact + 1e-9 && exact <= t + rho + 1e-9;
        },
      ),
      { seed: 41, numRuns: 2000 },
    );
  });
});
