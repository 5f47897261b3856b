import { describe, expect, it } from 'vitest';
import { ranks, spearman } from '../../../src/sim/design/spearman.js';

describe('spearman', () => {
  it('matches hand-worked values', () => {
    // Monotone → 1, reversed → −1.
    expect(spearman([1, 2, 3, 4], [10, 40, 90, 160])).toBeCloseTo(1, 15);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 15);
    // x ranks 1..5, y ranks [2, 1, 4, 3, 5]: Σd² = 4, ρ = 1 − 6·4/(5·24) = 0.8.
    expect(spearman([1, 2, 3, 4, 5], [20, 10, 40, 30, 50])).toBeCloseTo(0.8, 14);
    // Ties take average ranks.
    expect(Array.from(ranks([10, 30, 20, 20]))).toEqual([1, 4, 2.5, 2.5]);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearman([1, 2], [1, 2, 3])).toBeNaN();
  });
});
