/**
 * Spearman rank correlation.
 */

/**
 * Ranks 1 … n of `x`, ties sharing their average rank (the convention of Spearman's ρ).
 * @example ranks([10, 30, 20, 20]) // Float64Array [1, 4, 2.5, 2.5]
 */
export function ranks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (x[a] as number) - (x[b] as number));
  const r = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && x[order[j + 1] as number] === x[order[i] as number]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[order[k] as number] = avg;
    i = j + 1;
  }
  return r;
}

/**
 * Spearman's rank correlation ρ: the Pearson correlation of the ranks (average ranks for
 * ties). Returns NaN when the lengths differ, n < 2, or either input is constant.
 * @example spearman([1, 2, 3], [10, 40, 90]) // 1
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n !== y.length || n < 2) return Number.NaN;
  const rx = ranks(x);
  const ry = ranks(y);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = (rx[i] as number) - mean;
    const b = (ry[i] as number) - mean;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}
