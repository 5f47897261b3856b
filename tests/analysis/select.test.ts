import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../src/analysis/quantile.js';
import { quantilesInPlace } from '../../src/analysis/select.js';

const PROBS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

describe('quantilesInPlace', () => {
  it('gives exactly the type-7 quantiles of the sorted data, ties and all', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -5, max: 5 }),
            fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 300,
          },
        ),
        (xs) => {
          const sorted = Float64Array.from(xs).sort();
          // + 0 folds −0 into 0: the two are the same number, only their order in a sort differs.
          const expected = PROBS.map((p) => quantileSorted(sorted, p) + 0);
          const got = Array.from(quantilesInPlace(Float64Array.from(xs), PROBS), (v) => v + 0);
          expect(got).toEqual(expected);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it('takes the probabilities in any order, repeated or at the ends', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), {
          minLength: 1,
          maxLength: 2000,
        }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 9 }),
        (xs, probs) => {
          const sorted = Float64Array.from(xs).sort();
          const expected = probs.map((p) => quantileSorted(sorted, p) + 0);
          const got = Array.from(quantilesInPlace(Float64Array.from(xs), probs), (v) => v + 0);
          expect(got).toEqual(expected);
        },
      ),
      { seed: 12, numRuns: 300 },
    );
  });

  it('counts whole-number columns to the same result, narrow or wide, small or huge', () => {
    // Ranges from 3 to 70,000 straddle the counting limit (range ≤ min(2¹⁶, 4n)), so both
    // the counted and the selected path meet the same expectation.
    fc.assert(
      fc.property(
        fc.constantFrom(0, -1e6, 2 ** 52, -(2 ** 53) + 80_000),
        fc
          .constantFrom(3, 300, 20_000, 70_000)
          .chain((w) =>
            fc.array(fc.integer({ min: 0, max: w }), { minLength: 1, maxLength: 20_000 }),
          ),
        fc.boolean(),
        (base, offsets, single) => {
          const xs = offsets.map((o) => base + o);
          const values = single ? Float32Array.from(xs) : Float64Array.from(xs);
          const sorted = Float64Array.from(values).sort();
          const expected = PROBS.map((p) => quantileSorted(sorted, p) + 0);
          expect(Array.from(quantilesInPlace(values, PROBS), (v) => v + 0)).toEqual(expected);
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });

  it('selects long columns of fractions to the same result, with ties, far outliers and −0', () => {
    const column = (wild: boolean) =>
      fc.array(
        fc.oneof(
          { weight: 50, arbitrary: fc.integer({ min: 0, max: 1e6 }).map((i) => i / 997) },
          { weight: 10, arbitrary: fc.constantFrom(0.5, -0, 0, 0.25) },
          { weight: wild ? 1 : 0, arbitrary: fc.double({ min: -1e300, max: 1e300, noNaN: true }) },
        ),
        { minLength: 256, maxLength: 6000 },
      );
    fc.assert(
      fc.property(fc.boolean().chain(column), fc.boolean(), (xs, single) => {
        const values = single ? Float32Array.from(xs) : Float64Array.from(xs);
        const sorted = Float64Array.from(values).sort();
        const expected = PROBS.map((p) => quantileSorted(sorted, p) + 0);
        expect(Array.from(quantilesInPlace(values, PROBS), (v) => v + 0)).toEqual(expected);
      }),
      { seed: 14, numRuns: 200 },
    );
  });

  it('buckets long skewed columns to the same result: far outliers, wide whole numbers, infinities, subnormal ranges', () => {
    // Bucketing maps values to equal-width buckets between min and max; these columns put
    // most values in a few buckets (skew, a far outlier), make the whole-number columns too
    // wide to count, or leave no finite bucket width (±∞, a range of a few subnormals), where
    // selection takes over.
    const skewed = fc.integer({ min: 0, max: 1e6 }).map((i) => Math.exp(i / 1e5) * 1000);
    const value = fc.oneof(
      { weight: 40, arbitrary: skewed },
      { weight: 5, arbitrary: fc.integer({ min: -1e9, max: 1e9 }) },
      { weight: 1, arbitrary: fc.constantFrom(1e300, -1e300, 0, -0, 1e6) },
    );
    const tiny = fc.constantFrom(0, 5e-324, 1e-323, 1.5e-323);
    const column = fc.oneof(
      fc.array(value, { minLength: 1000, maxLength: 30_000 }),
      fc.array(fc.oneof(skewed, fc.constantFrom(Infinity, -Infinity)), {
        minLength: 1000,
        maxLength: 5000,
      }),
      fc.array(tiny, { minLength: 1000, maxLength: 5000 }),
    );
    fc.assert(
      fc.property(column, fc.boolean(), (xs, single) => {
        const values = single ? Float32Array.from(xs) : Float64Array.from(xs);
        const sorted = Float64Array.from(values).sort();
        const expected = PROBS.map((p) => quantileSorted(sorted, p) + 0);
        expect(Array.from(quantilesInPlace(values, PROBS), (v) => v + 0)).toEqual(expected);
      }),
      { seed: 15, numRuns: 150 },
    );
  });

  it('stays fast on a column of one repeated value', () => {
    const q = quantilesInPlace(new Float64Array(1_000_000).fill(7), PROBS);
    expect(Array.from(q)).toEqual(PROBS.map(() => 7));
  });
});
