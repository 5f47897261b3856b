import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnMoments } from '../../src/util/moments.js';

describe('ColumnMoments.pushRows', () => {
  it('gives the same bits as one push per row, however the rows are batched', () => {
    // 1 to 11 columns covers the four-at-a-time loop and every remainder after it.
    const value = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.integer({ min: 0, max: 1e6 }),
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.constantFrom(0, -0, 1e15 + 0.5, 1e-300),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }).chain((columns) =>
          fc.tuple(
            fc.constant(columns),
            fc.array(fc.array(value, { minLength: columns, maxLength: columns }), {
              minLength: 1,
              maxLength: 60,
            }),
            fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 10 }),
          ),
        ),
        ([columns, rows, sizes]) => {
          const one = new ColumnMoments(columns);
          for (const r of rows) one.push(Float64Array.from(r));
          const batched = new ColumnMoments(columns);
          for (let at = 0, b = 0; at < rows.length; b++) {
            const count = Math.min(sizes[b % sizes.length]!, rows.length - at);
            batched.pushRows(Float64Array.from(rows.slice(at, at + count).flat()), count);
            at += count;
          }
          expect(batched.size).toBe(one.size);
          for (let j = 0; j < columns; j++) {
            expect(batched.meanOf(j)).toBe(one.meanOf(j));
            expect(batched.sdOf(j)).toBe(one.sdOf(j));
          }
        },
      ),
      { seed: 21, numRuns: 300 },
    );
  });
});
