/**
 * Exact quantiles without a full sort: quickselect with a three-way partition
 * (Hoare's FIND with Dijkstra's Dutch-flag split, so columns full of ties — counts,
 * headcounts, constant costs — stay linear), pivot the median of three. For increasing
 * probabilities each selection works on what lies right of the previous one. The result
 * is the same number `quantileSorted` gives on the sorted column (type 7).
 */

function swap(a: Float64Array | Float32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Rearranges a[lo..hi] so that a[k] holds its k-th smallest value, smaller ones left, larger right. */
export function selectInPlace(
  a: Float64Array | Float32Array,
  lo: number,
  hi: number,
  k: number,
): void {
  while (hi > lo) {
    const x = a[lo]!;
    const y = a[(lo + hi) >>> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) swap(a, lt++, i++);
      else if (v > pivot) swap(a, i, gt--);
      else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return;
  }
}

/**
 * Type-7 quantiles of `values` at increasing probabilities `probs`; reorders `values`.
 * @example quantilesInPlace(Float64Array.of(4, 1, 3, 2), [0.5]) // Float64Array [2.5]
 */
export function quantilesInPlace(
  values: Float64Array | Float32Array,
  probs: readonly number[],
): Float64Array {
  const n = values.length;
  const out = new Float64Array(probs.length);
  if (n === 0) return out.fill(Number.NaN);
  let start = 0;
  probs.forEach((p, i) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    selectInPlace(values, start, n - 1, lo);
    start = lo;
    const a = values[lo]!;
    if (lo + 1 >= n) {
      out[i] = a;
      return;
    }
    let b = Number.POSITIVE_INFINITY;
    for (let j = lo + 1; j < n; j++) if (values[j]! < b) b = values[j]!;
    out[i] = a === b ? a : a + (h - lo) * (b - a);
  });
  return out;
}
