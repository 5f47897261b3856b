/**
 * The linear-Gaussian update against the scalar conjugate normal worked by hand, and a
 * two-dimensional case against the information form (V₁ = (V₀⁻¹ + R⁻¹)⁻¹, m₁ = V₁(V₀⁻¹m₀ + R⁻¹y))
 * inverted by hand; a singular prior (an input the plan fixes) stays where it is.
 */
import { describe, expect, it } from 'vitest';
import { gaussianUpdate } from '../../src/stats/gaussian-update.js';

describe('gaussianUpdate', () => {
  it('is the conjugate normal in one dimension', () => {
    // prior N(1, 4), y = 3 with noise variance 1: mean (1/4 + 3)/(1/4 + 1) = 2.6, variance 0.8
    const r = gaussianUpdate([1], [[4]], [3], [[1]])!;
    expect(r.mean[0]).toBeCloseTo(2.6, 12);
    expect(r.cov[0]![0]).toBeCloseTo(0.8, 12);
  });

  it('matches the information form in two dimensions', () => {
    // V₀ = [[2, 1], [1, 2]] (inverse [[2, −1], [−1, 2]]/3), R = I, m₀ = 0, y = (1, −1):
    // V₁ = ([[2, −1], [−1, 2]]/3 + I)⁻¹ = ([[5, −1], [−1, 5]]/3)⁻¹ = [[5, 1], [1, 5]]·3/24
    const r = gaussianUpdate(
      [0, 0],
      [
        [2, 1],
        [1, 2],
      ],
      [1, -1],
      [
        [1, 0],
        [0, 1],
      ],
    )!;
    expect(r.cov[0]![0]).toBeCloseTo(15 / 24, 12);
    expect(r.cov[0]![1]).toBeCloseTo(3 / 24, 12);
    // m₁ = V₁ R⁻¹ y = [[5, 1], [1, 5]]·(1, −1)·3/24 = (0.5, −0.5)
    expect(r.mean[0]).toBeCloseTo(0.5, 12);
    expect(r.mean[1]).toBeCloseTo(-0.5, 12);
  });

  it('leaves a direction the prior fixes where it was', () => {
    const r = gaussianUpdate(
      [0.2, 0],
      [
        [0, 0],
        [0, 1],
      ],
      [5, 1],
      [
        [1, 0],
        [0, 1],
      ],
    )!;
    expect(r.mean[0]).toBe(0.2);
    expect(r.cov[0]![0]).toBe(0);
    expect(r.mean[1]).toBeCloseTo(0.5, 12);
  });
});
