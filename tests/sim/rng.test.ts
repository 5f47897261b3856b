import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { nameWords, streamKey, streamRng } from '../../src/sim/rng.js';

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

describe('nameWords', () => {
  /** The library's answer: what nameWords reproduces without its overhead. */
  const reference = (text: string) => {
    const arc4 = seedrandom(text);
    return [arc4.int32(), arc4.int32(), arc4.int32(), arc4.int32()];
  };

  it('equals seedrandom keyed by the same text, for any text', () => {
    // The edges of its key hashing: empty, one unit, exactly 256 units, longer (the key wraps).
    for (const text of ['', 'a', 'lhs', 'x'.repeat(255), 'y'.repeat(256), 'z'.repeat(257)]) {
      expect(nameWords(text)).toEqual(reference(text));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (text) => {
        expect(nameWords(text)).toEqual(reference(text));
      }),
      { seed: 41, numRuns: 2000 },
    );
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

  it('is deterministic per (seed, parts)', () => {
    expect(streamRng(3, 'lhs', 2)()).toBe(streamRng(3, 'lhs', 2)());
    expect(streamRng(3, 'lhs', 2)()).not.toBe(streamRng(3, 'lhs', 3)());
    expect(streamRng(4, 'lhs', 2)()).not.toBe(streamRng(3, 'lhs', 2)());
    // Seeds beyond 32 bits are distinct too.
    expect(streamRng(2 ** 40, 'x')()).not.toBe(streamRng(0, 'x')());
  });

  it('draws in [0, 1) that pass a uniformity test', () => {
    const rng = streamRng(7, 'uniformity');
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
});
