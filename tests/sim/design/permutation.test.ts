import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomPermutation } from '../../../src/sim/design/permutation.js';
import { streamRng } from '../../../src/sim/rng.js';
import { jStat } from '../../stats/jstat-oracle.js';

const isPermutation = (p: Uint32Array): boolean => {
  const seen = new Uint8Array(p.length);
  for (const v of p) {
    if (v >= p.length || seen[v]) return false;
    seen[v] = 1;
  }
  return true;
};

describe('randomPermutation (Fisher–Yates)', () => {
  it('returns a permutation of 0 … n−1', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(), (n, s) =>
        isPermutation(randomPermutation(streamRng(s, 'perm'), n)),
      ),
      { seed: 71 },
    );
    expect(isPermutation(randomPermutation(streamRng(1, 'big'), 100_000))).toBe(true);
    expect(randomPermutation(streamRng(1, 'x'), 0)).toHaveLength(0);
  });

  it('makes all 24 orders of 4 elements equally likely (chi-square, 23 df)', () => {
    const rng = streamRng(72, 'perm4');
    const counts = new Map<string, number>();
    const draws = 120_000;
    for (let t = 0; t < draws; t++) {
      const key = randomPermutation(rng, 4).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    const e = draws / 24;
    let x2 = 0;
    for (const c of counts.values()) x2 += ((c - e) * (c - e)) / e;
    expect(x2).toBeLessThan(jStat.chisquare.inv(0.999, 23));
  });

  it('puts each element in each position uniformly for n above the two-draw threshold', () => {
    // Position of element 0 across 2,000 shuffles of 70,000: uniform on 0 … n−1, so its mean
    // is (n−1)/2 with SE n/√(12·2000).
    const n = 70_000;
    const rng = streamRng(73, 'perm-big');
    let s = 0;
    const reps = 2000;
    for (let t = 0; t < reps; t++) s += randomPermutation(rng, n).indexOf(0);
    expect(Math.abs(s / reps - (n - 1) / 2)).toBeLessThan((4.5 * n) / Math.sqrt(12 * reps));
  });
});
