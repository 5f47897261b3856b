/**
 * Quantile of sorted data by linear interpolation between order statistics (Hyndman &
 * Fan type 7, the default of R and NumPy): h = (n − 1)p, q = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋).
 * Empty input gives NaN (callers never pass it: every run has ≥ 1 trial).
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo + 1 >= n) return a;
  const b = sorted[lo + 1]!;
  return a === b ? a : a + (h - lo) * (b - a);
}
