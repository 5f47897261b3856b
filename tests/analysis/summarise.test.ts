import fc from 'fast-check';
import { sampleStandardDeviation, quantile as ssQuantile } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../src/analysis/quantile.js';
import { exceedance, histogram } from '../../src/analysis/summarise.js';
import { ColumnMoments } from '../../src/util/moments.js';

describe('quantileSorted (Hyndman–Fan type 7)', () => {
  it('matches NumPy’s default on hand-checked values', () => {
    // numpy.quantile([1, 2, 3, 4], [0.5, 0.1, 0.9]) → [2.5, 1.3, 3.7]
    const x = [1, 2, 3, 4];
    expect(quantileSorted(x, 0.5)).toBe(2.5);
    expect(quantileSorted(x, 0.1)).toBeCloseTo(1.3, 12);
    expect(quantileSorted(x, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileSorted([7], 0.95)).toBe(7);
  });

  it('lies between the neighbouring order statistics and agrees with simple-statistics at the median', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p) => {
          const s = Float64Array.from(xs).sort();
          const q = quantileSorted(s, p);
          const h = (s.length - 1) * p;
          expect(q).toBeGreaterThanOrEqual(s[Math.floor(h)]! - 1e-9);
          expect(q).toBeLessThanOrEqual(s[Math.ceil(h)]! + 1e-9);
          if (s.length % 2 === 1) expect(quantileSorted(s, 0.5)).toBe(ssQuantile([...s], 0.5));
        },
      ),
      { seed: 3 },
    );
  });
});

describe('ColumnMoments', () => {
  it('agrees with simple-statistics on mean and sample sd', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 2, maxLength: 200 }),
        (xs) => {
          const m = new ColumnMoments(1);
          for (const x of xs) m.push(Float64Array.of(x));
          const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
          expect(m.meanOf(0)).toBeCloseTo(mean, 3);
          expect(m.sdOf(0)).toBeCloseTo(sampleStandardDeviation(xs), 2);
        },
      ),
      { seed: 5 },
    );
  });

  it('keeps a large constant offset exact (compensated sum)', () => {
    const m = new ColumnMoments(1);
    for (let i = 0; i < 100_000; i++) m.push(Float64Array.of(1e12 + (i % 2 === 0 ? 0.1 : -0.1)));
    expect(m.meanOf(0)).toBe(1e12);
    expect(m.sdOf(0)).toBeCloseTo(0.1, 4);
  });
});

describe('exceedance and histogram', () => {
  it('counts P(X ≥ v) with its standard error', () => {
    const s = Float64Array.from([1, 2, 2, 3, 4]);
    const e = exceedance(s, 2);
    expect(e.probability).toBe(0.8);
    expect(e.se).toBeCloseTo(Math.sqrt((0.8 * 0.2) / 5), 14);
    expect(exceedance(s, 5).probability).toBe(0);
    expect(exceedance(s, 0).probability).toBe(1);
  });

  it('bins every value once', () => {
    const s = Float64Array.from({ length: 1000 }, (_, i) => i * 0.37).sort();
    const h = histogram(s, 40);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(h.edges).toHaveLength(41);
    expect(histogram(Float64Array.of(3, 3, 3), 40)).toEqual({ edges: [3, 3], counts: [3] });
  });
});
