/**
 * PERT variates.
 */
import type { Rng } from '../rng.js';
import { beta } from './beta.js';

/**
 * One PERT(min, mode, max) draw: min + (max − min)·Beta(α, β) with α = 1 + 4(mode − min)/(max − min),
 * β = 1 + 4(max − mode)/(max − min) (mean (min + 4·mode + max)/6). Degenerate ranges return min.
 * @example pert(rng, 10, 30, 100) // mean 35
 */
export function pert(rng: Rng, min: number, mode: number, max: number): number {
  const range = max - min;
  if (!(range > 0)) return min;
  return min + range * beta(rng, 1 + (4 * (mode - min)) / range, 1 + (4 * (max - mode)) / range);
}
