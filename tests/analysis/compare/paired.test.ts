/** Paired differences: the mean with its interval, and the spread trial by trial. */
import { describe, expect, it } from 'vitest';
import { pairedDifference, trialDifference } from '../../../src/analysis/compare/paired.js';

describe('trialDifference', () => {
  it('gives the type-7 P10, P50 and P90 of variant − base, trial by trial', () => {
    // Differences 1 … 10 in a shuffled order: h = 9p, so P10 = 1.9, P50 = 5.5, P90 = 9.1.
    const base = Float64Array.of(5, 0, 7, 2, 9, 4, 1, 8, 3, 6);
    const order = [4, 9, 1, 6, 2, 10, 3, 8, 5, 7];
    const variant = base.map((b, i) => b + order[i]!);
    const d = trialDifference(variant, base);
    expect(d.spread.p10).toBeCloseTo(1.9, 12);
    expect(d.spread.p50).toBeCloseTo(5.5, 12);
    expect(d.spread.p90).toBeCloseTo(9.1, 12);
    // The mean and its interval are pairedDifference's.
    const { spread: _s, ...mean } = d;
    expect(mean).toEqual(pairedDifference(variant, base));
  });

  it('is 0 in every field for identical plans, and leaves its inputs alone', () => {
    const x = Float64Array.of(3, 1, 2);
    expect(trialDifference(x, x)).toEqual({
      mean: 0,
      lo: 0,
      hi: 0,
      se: 0,
      spread: { p10: 0, p50: 0, p90: 0 },
    });
    expect([...x]).toEqual([3, 1, 2]);
  });
});
