import { describe, expect, it } from 'vitest';
import type { Dist } from '../../../src/model/dist.js';
import { streamRng } from '../../../src/sim/rng.js';
import { beta } from '../../../src/sim/samplers/beta.js';
import { gamma } from '../../../src/sim/samplers/gamma.js';
import { lognormal } from '../../../src/sim/samplers/lognormal.js';
import { normal } from '../../../src/sim/samplers/normal.js';
import { pert } from '../../../src/sim/samplers/pert.js';
import { triangular } from '../../../src/sim/samplers/triangular.js';
import { betaCdf } from '../../../src/stats/beta.js';
import { distCdf, distMean, distVariance } from '../../../src/stats/dist-math.js';
import { normalCdf } from '../../../src/stats/normal.js';
import { jStat } from '../../stats/jstat-oracle.js';
import { drawMany, expectContinuousFit, expectMoments } from './helpers.js';

const N = 200_000;

describe('normal and lognormal', () => {
  it('normal(100, 15)', () => {
    const rng = streamRng(9, 'normal');
    const xs = drawMany(N, () => normal(rng, 100, 15));
    expectMoments(xs, 100, 225);
    expectContinuousFit(xs, (x) => normalCdf((x - 100) / 15));
  });

  it('lognormal(ln 8000, 0.7): mean e^(μ+σ²/2), variance (e^σ² − 1)e^(2μ+σ²)', () => {
    const rng = streamRng(9, 'lognormal');
    const d: Dist = { kind: 'lognormal', mu: Math.log(8000), sigma: 0.7 };
    const xs = drawMany(N, () => lognormal(rng, Math.log(8000), 0.7));
    expectMoments(xs, distMean(d), distVariance(d));
    expectContinuousFit(xs, (x) => distCdf(d, x));
  });
});

describe('gamma (Marsaglia–Tsang, boosted below shape 1)', () => {
  for (const [shape, scale] of [
    [0.05, 2],
    [0.5, 1],
    [1, 3],
    [2.5, 0.4],
    [30, 10],
  ] as const) {
    it(`Gamma(${shape}, ${scale}): mean kθ, variance kθ², gamma CDF (jStat)`, () => {
      const rng = streamRng(9, 'gamma', shape);
      const xs = drawMany(N, () => gamma(rng, shape, scale));
      expectMoments(xs, shape * scale, shape * scale * scale);
      expectContinuousFit(xs, (x) => jStat.gamma.cdf(x, shape, scale));
      for (const x of xs) if (!(x >= 0)) throw new Error(`negative gamma draw ${x}`);
    });
  }

  it('returns 0 for non-positive parameters', () => {
    const rng = streamRng(9, 'gamma-edge');
    expect(gamma(rng, 0, 1)).toBe(0);
    expect(gamma(rng, 1, 0)).toBe(0);
    expect(gamma(rng, Number.NaN, 1)).toBe(0);
  });
});

describe('beta (gamma ratio)', () => {
  for (const [a, b] of [
    [0.3, 0.3],
    [2, 5],
    [43.26, 146.18],
    [1.58, 199.5],
    [104, 2.4],
  ] as const) {
    it(`Beta(${a}, ${b})`, () => {
      const rng = streamRng(9, 'beta', a, b);
      const xs = drawMany(N, () => beta(rng, a, b));
      const d: Dist = { kind: 'beta', alpha: a, beta: b };
      expectMoments(xs, distMean(d), distVariance(d));
      expectContinuousFit(xs, (x) => betaCdf(x, a, b));
    });
  }

  it('tiny shapes give 0/1 draws with the right mean', () => {
    const rng = streamRng(9, 'beta-tiny');
    const a = 1e-4;
    const b = 3e-4;
    const xs = drawMany(N, () => beta(rng, a, b));
    // mean a/(a+b) = 0.25; variance ab/((a+b)²(a+b+1)) ≈ 0.1875
    expectMoments(xs, 0.25, (a * b) / ((a + b) ** 2 * (a + b + 1)));
  });
});

describe('triangular and pert', () => {
  it('triangular(1, 2, 6) and the degenerate mode = min', () => {
    for (const [min, mode, max] of [
      [1, 2, 6],
      [0, 0, 1],
      [-5, 3, 3],
    ] as const) {
      const rng = streamRng(9, 'triangular', min, mode, max);
      const d: Dist = { kind: 'triangular', min, mode, max };
      const xs = drawMany(N, () => triangular(rng, min, mode, max));
      expectMoments(xs, distMean(d), distVariance(d));
      expectContinuousFit(xs, (x) => distCdf(d, x));
    }
  });

  it('pert(10, 30, 100): mean (min + 4·mode + max)/6', () => {
    const rng = streamRng(9, 'pert');
    const d: Dist = {
      kind: 'pert',
      min: 10,
      mode: 30,
      max: 100,
      alpha: 1 + 80 / 90,
      beta: 1 + 280 / 90,
    };
    const xs = drawMany(N, () => pert(rng, 10, 30, 100));
    expect(distMean(d)).toBeCloseTo((10 + 4 * 30 + 100) / 6, 12);
    expectMoments(xs, distMean(d), distVariance(d));
    expectContinuousFit(xs, (x) => distCdf(d, x));
    expect(pert(rng, 5, 5, 5)).toBe(5);
  });
});
