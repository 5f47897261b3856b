/**
 * niceDomain against Vega itself: the domain a Vega linear scale with `nice: true` takes
 * (vega's `scale('linear')`, d3-scale's `linear.nice()`), for random extents of many sizes.
 */
import fc from 'fast-check';
import { scale } from 'vega';
import { describe, expect, it } from 'vitest';
import { niceDomain, tickIncrement } from '../../src/charts/nice-domain.js';

/** The domain Vega's linear scale takes from [a, b] with nice: true. */
function vegaNice(a: number, b: number): number[] {
  const s = (scale('linear') as () => { domain(d?: number[]): unknown; nice(): unknown })();
  s.domain([a, b]);
  s.nice();
  return s.domain() as number[];
}

describe('niceDomain', () => {
  it.each([
    // The goal chart of docs/goal.md's examples: the searched bounds and answers.
    [15000, 120000, [10000, 120000]],
    [20000, 310000, [20000, 320000]],
    // A budget curve's P10 bookings (distributor, USD) and a probability.
    [142.6e6, 148.8e6, [142.5e6, 149e6]],
    [0.339, 0.554, [0.32, 0.56]],
  ])('widens [%d, %d] to %j', (a, b, expected) => {
    expect(niceDomain(a, b)).toEqual(expected);
    expect(niceDomain(a, b)).toEqual(vegaNice(a, b));
  });

  it('matches Vega on random extents from 1e-6 to 1e12', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
        (a, width) => {
          expect(niceDomain(a, a + width)).toEqual(vegaNice(a, a + width));
        },
      ),
      { seed: 2027, numRuns: 2000 },
    );
  });

  it('leaves a single value as it is', () => {
    expect(niceDomain(5, 5)).toEqual([5, 5]);
    expect(tickIncrement(15000, 120000, 10)).toBe(10000);
    expect(tickIncrement(0, 1, 10)).toBe(-10);
  });
});
