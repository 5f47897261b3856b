import { describe, expect, it } from 'vitest';
import { streamRng } from '../../../src/sim/rng.js';
import { poisson } from '../../../src/sim/samplers/poisson.js';
import { logPoissonPmf } from '../../../src/stats/log-pmf.js';
import { drawMany, expectDiscreteFit, expectMoments } from './helpers.js';

const N = 200_000;

describe('poisson', () => {
  // Inversion below λ = 10, PTRS from 10 on; the λ values straddle the switch and reach 1e9.
  for (const lambda of [0.001, 0.5, 3, 9.99, 10, 37.5, 1000, 1e6, 1e9]) {
    it(`matches the Poisson(${lambda}) law: moments and chi-square`, () => {
      const rng = streamRng(7, 'poisson', lambda);
      const xs = drawMany(N, () => poisson(rng, lambda));
      expectMoments(xs, lambda, lambda);
      const sd = Math.sqrt(lambda);
      const lo = Math.max(0, Math.floor(lambda - 6 * sd));
      const hi = Math.ceil(lambda + 6 * sd + 5);
      expectDiscreteFit(xs, (k) => Math.exp(logPoissonPmf(k, lambda)), lo, hi);
    });
  }

  it('returns 0 for λ ≤ 0 or NaN without looping', () => {
    const rng = streamRng(7, 'poisson-edge');
    expect(poisson(rng, 0)).toBe(0);
    expect(poisson(rng, -3)).toBe(0);
    expect(poisson(rng, Number.NaN)).toBe(0);
  });

  it('is reproducible from the same stream', () => {
    const a = streamRng(7, 'rep');
    const b = streamRng(7, 'rep');
    for (let i = 0; i < 1000; i++) expect(poisson(a, 123.4)).toBe(poisson(b, 123.4));
  });
});
