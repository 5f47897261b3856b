import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareCapacity } from '../../src/sim/share-capacity.js';

describe('shareCapacity', () => {
  it('shares by largest remainder (worked by hand)', () => {
    // waiting 7, 2, 1 (10), capacity 5: exact shares 3.5, 1, 0.5 → floors 3, 1, 0 (4 given);
    // the odd item goes to the largest remainder (0.5: cohorts 0 and 2 tie → lowest first).
    const queue = new Float64Array(3);
    const takenOn = new Float64Array(3);
    const take = shareCapacity(queue, 0, 3, Float64Array.of(7, 2, 1), 5, takenOn);
    expect(take).toBe(5);
    expect(Array.from(takenOn)).toEqual([4, 1, 0]);
    expect(Array.from(queue)).toEqual([3, 1, 1]);
  });

  it('conserves items, never takes more than waits or than capacity, and stays within one item of proportional', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 200 }),
        (arrivals, waitingBefore, capacity) => {
          const H = arrivals.length;
          const queue = Float64Array.from(waitingBefore.slice(0, H));
          const before = Float64Array.from(queue, (w, h) => w + arrivals[h]!);
          const waiting = before.reduce((a, b) => a + b, 0);
          const takenOn = new Float64Array(H);
          const take = shareCapacity(queue, 0, H, Float64Array.from(arrivals), capacity, takenOn);
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
});
