import { describe, expect, it } from 'vitest';
import type { Dist } from '../../../src/model/dist.js';
import { streamRng } from '../../../src/sim/rng.js';
import { sampleDist } from '../../../src/sim/samplers/sample-dist.js';
import { distCdf, distMean, distVariance } from '../../../src/stats/dist-math.js';
import { drawMany, expectContinuousFit, expectMoments } from './helpers.js';

const dists: Dist[] = [
  { kind: 'normal', mean: -3, sd: 2 },
  { kind: 'lognormal', mu: 1, sigma: 0.5 },
  { kind: 'beta', alpha: 3, beta: 9 },
  { kind: 'uniform', min: 0.85, max: 1.15 },
  { kind: 'triangular', min: 0, mode: 4, max: 5 },
  { kind: 'pert', min: 1, mode: 2, max: 9, alpha: 1 + 4 / 8, beta: 1 + 28 / 8 },
];

describe('sampleDist', () => {
  for (const d of dists) {
    it(`samples ${d.kind} with its closed-form moments and CDF`, () => {
      const rng = streamRng(11, 'sample-dist', d.kind);
      const xs = drawMany(100_000, () => sampleDist(rng, d));
      expectMoments(xs, distMean(d), distVariance(d));
      expectContinuousFit(xs, (x) => distCdf(d, x));
    });
  }

  it('returns a fixed value without consuming the stream', () => {
    let calls = 0;
    const rng = (): number => {
      calls++;
      return 0.5;
    };
    expect(sampleDist(rng, { kind: 'fixed', value: 42 })).toBe(42);
    expect(calls).toBe(0);
  });
});
