import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamKey, streamRng, trialKey, trialRng } from '../../src/sim/rng.js';

/** Chi-square statistic of `n` uniforms in `bins` equal bins. */
function chiSquare(draw: () => number, n: number, bins: number): number {
  const counts = new Float64Array(bins);
  for (let i = 0; i < n; i++) counts[Math.floor(draw() * bins)]! += 1;
  const e = n / bins;
  let x2 = 0;
  for (const c of counts) x2 += ((c - e) * (c - e)) / e;
  return x2;
}

// Chi-square with 99 degrees of freedom: 99.9th percentile 148.23 (R: qchisq(0.999, 99)).
const CHI2_99_999 = 148.23;

describe('trialRng', () => {
  it('is deterministic per (seed, trial) and independent of creation order', () => {
    const a = trialRng(2027, 5);
    const seqA = [a(), a(), a()];
    trialRng(2027, 4)();
    const b = trialRng(2027, 5);
    expect([b(), b(), b()]).toEqual(seqA);
    expect(trialRng(2027, 6)()).not.toBe(seqA[0]);
    expect(trialRng(2028, 5)()).not.toBe(seqA[0]);
  });

  it('keys separate their parts: (1, 23) and (12, 3) differ', () => {
    expect(trialKey(1, 23)).not.toBe(trialKey(12, 3));
    expect(trialRng(1, 23)()).not.toBe(trialRng(12, 3)());
    fc.assert(
      fc.property(fc.nat(1e6), fc.nat(1e6), fc.nat(1e6), fc.nat(1e6), (s1, t1, s2, t2) => {
        if (s1 === s2 && t1 === t2) return true;
        return trialKey(s1, t1) !== trialKey(s2, t2);
      }),
      { seed: 31 },
    );
  });

  it('draws in [0, 1) that pass a uniformity test within one stream', () => {
    const rng = trialRng(7, 0);
    let min = 1;
    let max = 0;
    const x2 = chiSquare(
      () => {
        const u = rng();
        if (u < min) min = u;
        if (u > max) max = u;
        return u;
      },
      1_000_000,
      100,
    );
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(x2).toBeLessThan(CHI2_99_999);
  });

  it('gives independent first draws across consecutive trials', () => {
    // Uniformity of the first draw of 200,000 consecutive trials, and the correlation of
    // the first draws of trials i and i+1 (SE = 1/√n, so |r| < 4.5/√n).
    const n = 200_000;
    const first = new Float64Array(n);
    for (let t = 0; t < n; t++) first[t] = trialRng(99, t)();
    let i = 0;
    expect(chiSquare(() => first[i++]!, n, 100)).toBeLessThan(CHI2_99_999);
    let sxy = 0;
    for (let t = 0; t + 1 < n; t++) sxy += (first[t]! - 0.5) * (first[t + 1]! - 0.5);
    const r = sxy / (n - 1) / (1 / 12);
    expect(Math.abs(r)).toBeLessThan(4.5 / Math.sqrt(n));
  });
});

describe('streamRng', () => {
  it('keys are unambiguous across splits and types', () => {
    const keys = [
      streamKey(1, ['a', 'bc']),
      streamKey(1, ['ab', 'c']),
      streamKey(1, [1]),
      streamKey(1, ['1']),
      streamKey(1, [12, 3]),
      streamKey(1, [1, 23]),
      streamKey(12, [3]),
      streamKey(1, ['a;n2;']),
      streamKey(1, ['a', 2]),
      trialKey(1, 23),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.integer())),
        fc.array(fc.oneof(fc.string(), fc.integer())),
        (p, q) => {
          const same =
            p.length === q.length &&
            p.every((x, k) => Object.is(x, q[k]) || (x === 0 && q[k] === 0));
          return same === (streamKey(5, p) === streamKey(5, q));
        },
      ),
      { seed: 32 },
    );
  });

  it('is deterministic and differs from trial streams', () => {
    expect(streamRng(3, 'lhs', 2)()).toBe(streamRng(3, 'lhs', 2)());
    expect(streamRng(3, 'lhs', 2)()).not.toBe(streamRng(3, 'lhs', 3)());
    expect(streamRng(3, 0)()).not.toBe(trialRng(3, 0)());
  });
});
