/**
 * Cholesky factorisation of small symmetric matrices (correlation matrices).
 */

/**
 * Lower-triangular L with L·Lᵀ = a, or null when `a` is not (numerically) positive definite
 * (a pivot ≤ 1e-12). Cholesky–Banachiewicz, row by row.
 * @example cholesky([[1, 0.5], [0.5, 1]]) // [[1, 0], [0.5, 0.866…]]
 */
export function cholesky(a: readonly (readonly number[])[]): number[][] | null {
  const k = a.length;
  const l: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    const li = l[i] as number[];
    for (let j = 0; j <= i; j++) {
      const lj = l[j] as number[];
      let s = (a[i] as readonly number[])[j] as number;
      for (let m = 0; m < j; m++) s -= (li[m] as number) * (lj[m] as number);
      if (i === j) {
        if (!(s > 1e-12)) return null;
        li[i] = Math.sqrt(s);
      } else {
        li[j] = s / (lj[j] as number);
      }
    }
  }
  return l;
}
