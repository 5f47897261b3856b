import { describe, expect, it } from 'vitest';
import type { Dist } from '../../../src/model/dist.js';
import { streamRng } from '../../../src/sim/rng.js';
import { SUM_EXACT_MAX, sumOfIid } from '../../../src/sim/samplers/sum-of-iid.js';
import { distMean, distVariance } from '../../../src/stats/dist-math.js';
import { normalCdf } from '../../../src/stats/normal.js';
import { drawMany, expectContinuousFit, expectMoments } from './helpers.js';

// Deal size: lognormal with median 8000 and P90 20000 (σ = ln(2.5)/1.2816).
const dealSize: Dist = {
  kind: 'lognormal',
  mu: Math.log(8000),
  sigma: Math.log(2.5) / 1.2815515655446004,
};
const cases: [string, Dist][] = [
  ['lognormal', dealSize],
  ['triangular', { kind: 'triangular', min: 1000, mode: 3000, max: 12000 }],
  ['uniform from 0', { kind: 'uniform', min: 0, max: 5000 }],
  ['beta', { kind: 'beta', alpha: 0.5, beta: 4 }],
];

describe('sumOfIid', () => {
  for (const n of [1, 7, SUM_EXACT_MAX, SUM_EXACT_MAX + 1, 200, 50_000]) {
    for (const [name, d] of cases) {
      it(`keeps mean n·μ and variance n·σ² for n = ${n}, ${name} sizes, and is never negative`, () => {
        const mean = distMean(d);
        const variance = distVariance(d);
        const rng = streamRng(12, 'sum', n, name);
        const xs = drawMany(50_000, () => sumOfIid(rng, n, d, mean, variance));
        expectMoments(xs, n * mean, n * variance);
        for (const x of xs) if (!(x >= 0)) throw new Error(`negative sum ${x}`);
      });
    }
  }

  it('is exact in law for normal sizes (a normal with the summed moments)', () => {
    const d: Dist = { kind: 'normal', mean: 100, sd: 30 };
    const rng = streamRng(12, 'sum-normal');
    const n = 400;
    const xs = drawMany(50_000, () => sumOfIid(rng, n, d, 100, 900));
    expectMoments(xs, 40_000, 360_000);
    expectContinuousFit(xs, (x) => normalCdf((x - 40_000) / 600));
  });

  it('handles n = 0 and fixed or zero-variance sizes exactly', () => {
    const rng = streamRng(12, 'sum-edge');
    expect(sumOfIid(rng, 0, dealSize, 1, 1)).toBe(0);
    expect(sumOfIid(rng, 1000, { kind: 'fixed', value: 2500 }, 2500, 0)).toBe(2_500_000);
    expect(sumOfIid(rng, 1000, { kind: 'uniform', min: 3, max: 3 }, 3, 0)).toBe(3000);
  });
});
