/**
 * The variance-share estimators on synthetic data with known answers (seeded streams, no
 * simulation): Y = g(X) + Z·e with X, Z standard normal, so Var(E[Y | X]) = Var(g(X)).
 */
import { describe, expect, it } from 'vitest';
import {
  binCount,
  binsOf,
  bootstrapSe,
  closedShare,
  FirstOrder,
} from '../../../src/analysis/sensitivity/index.js';
import { streamRng } from '../../../src/sim/rng.js';
import { normalQuantile } from '../../../src/stats/normal.js';

function normals(seed: number, n: number): Float64Array {
  const rng = streamRng(seed, 'test-normals');
  return Float64Array.from({ length: n }, () =>
    normalQuantile((rng() + 2 ** -33) * (1 - 2 ** -32)),
  );
}

/** Share estimate and its bootstrap se for y on x. */
function share(y: Float64Array, x: Float64Array, seed = 1): { share: number; se: number } {
  const fit = new FirstOrder(y, x, binCount(x.length));
  const se = bootstrapSe(x.length, 200, streamRng(seed, 'test-bootstrap'), (w) => [fit.share(w)]);
  return { share: fit.share(), se: se[0]! };
}

describe('binsOf', () => {
  it('cuts trials sorted by x into equal-count bins, ties in trial order', () => {
    expect(Array.from(binsOf(Float64Array.of(3, 1, 2, 4), 2))).toEqual([1, 0, 0, 1]);
    expect(Array.from(binsOf(Float64Array.of(5, 5, 5, 5, 5, 5), 3))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('FirstOrder (given data, piecewise-linear bins)', () => {
  const n = 20_000;
  const x = normals(1, n);
  const z = normals(2, n);

  it('a curved effect: g(x) = x² + x has Var 3; with noise of variance 3 the share is 1/2', () => {
    // Var(X² + X) = Var(X²) + Var(X) + 2 Cov = 2 + 1 + 0 for a standard normal.
    const y = x.map((v, i) => v * v + v + Math.sqrt(3) * z[i]!);
    const s = share(y, x);
    expect(Math.abs(s.share - 0.5)).toBeLessThanOrEqual(4 * s.se);
    expect(s.se).toBeLessThan(0.02);
  });

  it('an input that does nothing has a share within its error of 0', () => {
    const s = share(z, x);
    expect(Math.abs(s.share)).toBeLessThanOrEqual(4 * s.se);
  });

  it('y a function of x alone explains (nearly) everything; a y that never varies has share 0', () => {
    expect(
      share(
        x.map((v) => 3 * v - 2),
        x,
      ).share,
    ).toBeGreaterThan(0.99999);
    // Convex effects lose a little in the widest (tail) bins: e^(X/2) keeps 99.5% (docs/what-ifs.md).
    expect(
      share(
        x.map((v) => Math.exp(v / 2)),
        x,
      ).share,
    ).toBeGreaterThan(0.995);
    expect(share(new Float64Array(n).fill(7), x).share).toBe(0);
  });

  it('its bootstrap error is calibrated: 20 independent samples scatter with z-scores of sd about 1', () => {
    const zs: number[] = [];
    for (let r = 0; r < 20; r++) {
      const xr = normals(100 + r, 2000);
      const er = normals(200 + r, 2000);
      const s = share(
        xr.map((v, i) => v + er[i]!),
        xr,
        r,
      );
      zs.push((s.share - 0.5) / s.se);
    }
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    const sd = Math.sqrt(zs.reduce((a, b) => a + (b - mean) ** 2, 0) / (zs.length - 1));
    // For 20 draws of N(0, 1): the mean is within ±4/√20 and the sd between 0.5 and 1.6 with
    // probability above 0.999 (χ² with 19 degrees of freedom).
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(20));
    expect(sd).toBeGreaterThan(0.5);
    expect(sd).toBeLessThan(1.6);
  });
});

describe('closedShare (same inputs, independent noise)', () => {
  it('Cov(Y_A, Y_B)/Var(Y) is the share the inputs explain, 1/(1 + σ²)', () => {
    const n = 20_000;
    const x = normals(3, n);
    const noiseA = normals(4, n);
    const a = x.map((v, i) => 1e7 + 1e6 * (v + 0.5 * noiseA[i]!));
    const noiseB = normals(5, n);
    const b = x.map((v, i) => 1e7 + 1e6 * (v + 0.5 * noiseB[i]!));
    const se = bootstrapSe(n, 200, streamRng(1, 'b'), (w) => [closedShare(a, b, w)])[0]!;
    expect(Math.abs(closedShare(a, b) - 1 / 1.25)).toBeLessThanOrEqual(4 * se);
    expect(closedShare(a, a)).toBeCloseTo(1, 12);
  });
});
