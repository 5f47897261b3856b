/**
 * Triangular variates.
 */
import type { Rng } from '../rng.js';

/**
 * One draw from the triangular law on [min, max] with peak at mode, by inversion:
 * u ≤ (mode−min)/(max−min) → min + √(u(max−min)(mode−min)), else max − √((1−u)(max−min)(max−mode)).
 * @example triangular(rng, 1, 2, 6) // mean 3
 */
export function triangular(rng: Rng, min: number, mode: number, max: number): number {
  const range = max - min;
  const u = rng();
  if (u * range <= mode - min) return min + Math.sqrt(u * range * (mode - min));
  return max - Math.sqrt((1 - u) * range * (max - mode));
}
