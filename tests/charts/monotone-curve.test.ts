/**
 * monotoneCubics against the curve Vega itself draws for `interpolate: 'monotone'` (vega's
 * `pathCurves('monotone')`, d3-shape's curveMonotoneX), control point for control point.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monotoneCubics, type Point, sampleCubics } from '../../src/charts/monotone-curve.js';
import { vegaPieces } from './vega-curve.js';

const ours = (points: readonly Point[]) =>
  monotoneCubics(points).map((c) => [c.p1.x, c.p1.y, c.p2.x, c.p2.y, c.p3.x, c.p3.y]);

describe('monotoneCubics', () => {
  it('draws the goal chart of the B2B example as Vega does', () => {
    // allocation.budget against P(bookings ≥ $12.5M), in px (640 × 300).
    const points = [
      [0, 300],
      [78, 257],
      [160, 155],
      [165, 152],
      [168, 147],
      [181, 114],
      [229, 96],
      [317, 81],
      [380, 83],
      [628, 115],
    ].map(([x, y]) => ({ x: x!, y: y! }));
    const theirs = vegaPieces(points);
    expect(ours(points)).toHaveLength(theirs.length);
    for (const [i, piece] of ours(points).entries())
      for (const [j, v] of piece.entries()) expect(v).toBeCloseTo(theirs[i]![j]!, 9);
  });

  it('matches Vega on random increasing x, with repeated points, and for two or one point', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 300 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (steps) => {
          // Increasing x (a line sorted by x), a step of 0 giving a repeated or vertical pair.
          const xs = steps.map(([dx]) => dx);
          const points = steps.map(([, y], k) => ({
            x: xs.slice(0, k + 1).reduce((a, b) => a + b, 0),
            y,
          }));
          const theirs = vegaPieces(points);
          const mine = ours(points);
          expect(mine).toHaveLength(theirs.length);
          for (const [i, piece] of mine.entries())
            for (const [j, v] of piece.entries()) expect(v).toBeCloseTo(theirs[i]![j]!, 9);
        },
      ),
      { seed: 2027, numRuns: 1000 },
    );
  });

  it('samples each piece end to end, no more than the step apart', () => {
    const cubics = monotoneCubics([
      { x: 0, y: 0 },
      { x: 100, y: 50 },
      { x: 200, y: 60 },
    ]);
    const samples = sampleCubics(cubics, 2);
    expect(samples[0]).toEqual({ x: 0, y: 0 });
    expect(samples.at(-1)).toEqual({ x: 200, y: 60 });
    for (let i = 1; i < samples.length; i++)
      expect(
        Math.hypot(samples[i]!.x - samples[i - 1]!.x, samples[i]!.y - samples[i - 1]!.y),
      ).toBeLessThanOrEqual(2);
  });
});
