import { describe, expect, it } from 'vitest';
import { imanConover, nearestCorrelationOk } from '../../../src/sim/design/iman-conover.js';
import { spearman } from '../../../src/sim/design/spearman.js';
import { streamRng } from '../../../src/sim/rng.js';

const isPermutation = (p: Uint32Array, n: number): boolean => {
  if (p.length !== n) return false;
  const seen = new Uint8Array(n);
  for (const v of p) {
    if (v >= n || seen[v]) return false;
    seen[v] = 1;
  }
  return true;
};

function expectTarget(target: number[][], n: number, tol: number, seed: number): void {
  const { strata } = imanConover(streamRng(seed, 'ic-test'), n, target);
  expect(strata).toHaveLength(target.length);
  for (const s of strata) expect(isPermutation(s, n)).toBe(true);
  for (let a = 0; a < target.length; a++) {
    for (let b = a + 1; b < target.length; b++) {
      const achieved = spearman(strata[a]!, strata[b]!);
      expect(Math.abs(achieved - target[a]![b]!), `ρ(${a},${b}) = ${achieved}`).toBeLessThan(tol);
    }
  }
}

describe('imanConover', () => {
  it('achieves pairwise rank correlations within 0.02 for n = 10,000', () => {
    expectTarget(
      [
        [1, 0.6],
        [0.6, 1],
      ],
      10_000,
      0.02,
      1,
    );
    expectTarget(
      [
        [1, -0.8],
        [-0.8, 1],
      ],
      10_000,
      0.02,
      2,
    );
    expectTarget(
      [
        [1, 0.95],
        [0.95, 1],
      ],
      10_000,
      0.02,
      3,
    );
    expectTarget(
      [
        [1, 0.5, -0.3, 0],
        [0.5, 1, 0.2, 0.4],
        [-0.3, 0.2, 1, 0.1],
        [0, 0.4, 0.1, 1],
      ],
      10_000,
      0.02,
      4,
    );
  });

  it('stays close for a batch of 1,000 trials', () => {
    expectTarget(
      [
        [1, 0.6, 0.3],
        [0.6, 1, 0.5],
        [0.3, 0.5, 1],
      ],
      1000,
      0.05,
      5,
    );
  });

  it('is reproducible from its stream and leaves an identity target uncorrelated', () => {
    const a = imanConover(streamRng(6, 'ic'), 500, [
      [1, 0.4],
      [0.4, 1],
    ]);
    const b = imanConover(streamRng(6, 'ic'), 500, [
      [1, 0.4],
      [0.4, 1],
    ]);
    expect(a.strata.map((s) => Array.from(s))).toEqual(b.strata.map((s) => Array.from(s)));
    // Identity target: |ρ| below 4.5 standard errors (SE = 1/√(n−1)).
    expectTarget(
      [
        [1, 0],
        [0, 1],
      ],
      10_000,
      4.5 / Math.sqrt(9999),
      7,
    );
  });

  it('rejects matrices that are not positive definite correlation matrices', () => {
    const notPd = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    expect(nearestCorrelationOk(notPd)).toBe(false);
    expect(() => imanConover(streamRng(1, 'x'), 100, notPd)).toThrow(
      /imanConover: .*positive definite/,
    );
    expect(
      nearestCorrelationOk([
        [1, 0.5],
        [0.4, 1],
      ]),
    ).toBe(false); // asymmetric
    expect(
      nearestCorrelationOk([
        [2, 0],
        [0, 1],
      ]),
    ).toBe(false); // diagonal ≠ 1
    expect(
      nearestCorrelationOk([
        [1, 1],
        [1, 1],
      ]),
    ).toBe(false); // singular
    expect(
      nearestCorrelationOk([
        [1, 0.5],
        [0.5, 1],
      ]),
    ).toBe(true);
  });

  it('handles a single column and tiny n', () => {
    const one = imanConover(streamRng(1, 'one'), 50, [[1]]);
    expect(isPermutation(one.strata[0]!, 50)).toBe(true);
    const tiny = imanConover(streamRng(1, 'tiny'), 2, [
      [1, 0.5],
      [0.5, 1],
    ]);
    for (const s of tiny.strata) expect(isPermutation(s, 2)).toBe(true);
  });
});
