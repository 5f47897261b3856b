import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareCapacity } from '../../src/sim/share-capacity.js';

/** A stream that walks u over (0, 1) on an even grid of n points, so averages are exact. */
function evenGrid(n: number): () => number {
  let i = 0;
  return () => ((i++ % n) + 0.5) / n;
}

/** Items each cohort gets on average over an even grid of 1,000 uniforms. */
function meanShares(waiting: number[], capacity: number): number[] {
  const rng = evenGrid(1000);
  const sums = waiting.map(() => 0);
  for (let i = 0; i < 1000; i++) {
    const takenOn = new Float64Array(waiting.length);
    shareCapacity(
      new Float64Array(waiting.length),
      0,
      waiting.length,
      Float64Array.from(waiting),
      capacity,
      takenOn,
      rng,
    );
    takenOn.forEach((x, h) => {
      sums[h]! += x;
    });
  }
  return sums.map((s) => s / 1000);
}

describe('shareCapacity', () => {
  it('gives every cohort exactly its proportional share on average (worked by hand)', () => {
    // waiting 7, 2, 1 (10), capacity 5: exact shares 3.5, 1, 0.5 → whole parts 3, 1, 0 and
    // one odd item, to cohort 0 or 2 with probability 0.5 each.
    expect(meanShares([7, 2, 1], 5)).toEqual([3.5, 1, 0.5]);
    // A fixed rule for ties would favour one of two equal cohorts; here each gets 1.5.
    expect(meanShares([3, 3], 3)).toEqual([1.5, 1.5]);
    expect(meanShares([1, 3, 3, 1], 5)).toEqual([0.625, 1.875, 1.875, 0.625]);
  });

  it('conserves items, never takes more than waits or than capacity, and stays within one item of proportional', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (arrivals, waitingBefore, capacity, u) => {
          const H = arrivals.length;
          const queue = Float64Array.from(waitingBefore.slice(0, H));
          const before = Float64Array.from(queue, (w, h) => w + arrivals[h]!);
          const waiting = before.reduce((a, b) => a + b, 0);
          const takenOn = new Float64Array(H);
          const take = shareCapacity(
            queue,
            0,
            H,
            Float64Array.from(arrivals),
            capacity,
            takenOn,
            () => u,
          );
          expect(take).toBe(Math.min(capacity, waiting));
          expect(takenOn.reduce((a, b) => a + b, 0)).toBe(take);
          for (let h = 0; h < H; h++) {
            expect(takenOn[h]).toBeLessThanOrEqual(before[h]!);
            expect(queue[h]).toBe(before[h]! - takenOn[h]!);
            if (waiting > 0)
              expect(Math.abs(takenOn[h]! - (take * before[h]!) / waiting)).toBeLessThan(1);
          }
        },
      ),
      { seed: 17 },
    );
  });

  it('is exact on average for any queues: mean shares over an even grid are the proportional shares', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 100 }),
        (waiting, capacity) => {
          const total = waiting.reduce((a, b) => a + b, 0);
          const take = Math.min(capacity, total);
          meanShares(waiting, capacity).forEach((m, h) => {
            // The grid of 1,000 makes each probability a multiple of 1/1000 (±1 point).
            expect(Math.abs(m - (take * waiting[h]!) / Math.max(1, total))).toBeLessThanOrEqual(
              1e-3 + 1e-12,
            );
          });
        },
      ),
      { seed: 18, numRuns: 200 },
    );
  });
});
