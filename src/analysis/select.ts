/**
 * Exact quantiles without a full sort: quickselect with a three-way partition
 * (Hoare's FIND with Dijkstra's Dutch-flag split, so columns full of ties — counts,
 * headcounts, constant costs — stay linear), pivot the median of three. All the order
 * statistics a set of quantiles needs are found in one multiselect. The result is the same
 * number `quantileSorted` gives on the sorted column (type 7).
 */

function swap(a: Float64Array | Float32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** The median of three numbers (the pivot). */
function median3(x: number, y: number, z: number): number {
  let lo = x;
  let hi = y;
  if (lo > hi) {
    lo = y;
    hi = x;
  }
  if (z <= lo) return lo;
  if (z >= hi) return hi;
  return z;
}

/**
 * Rearranges a[lo..hi] so that a[r] holds its r-th smallest value for every rank r in
 * ranks[rlo..rhi] (increasing): one three-way partition serves every rank, and only the
 * sides that still hold requested ranks are partitioned further (a multiselect), so a
 * handful of ranks cost little more than one.
 */
function selectRanks(
  a: Float64Array | Float32Array,
  lo: number,
  hi: number,
  ranks: Int32Array,
  rlo: number,
  rhi: number,
): void {
  while (hi > lo && rlo <= rhi) {
    const pivot = median3(a[lo]!, a[(lo + hi) >>> 1]!, a[hi]!);
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) swap(a, lt++, i++);
      else if (v > pivot) swap(a, i, gt--);
      else i++;
    }
    // Ranks below lt lie left, ranks above gt lie right; ranks in [lt, gt] are done.
    let left = rlo;
    while (left <= rhi && ranks[left]! < lt) left++;
    let right = left;
    while (right <= rhi && ranks[right]! <= gt) right++;
    if (left - rlo <= rhi - right + 1) {
      selectRanks(a, lo, lt - 1, ranks, rlo, left - 1);
      lo = gt + 1;
      rlo = right;
    } else {
      selectRanks(a, gt + 1, hi, ranks, right, rhi);
      hi = lt - 1;
      rhi = left - 1;
    }
  }
}

/**
 * Type-7 quantiles of `values` at probabilities `probs` (any order); reorders `values`.
 * Selects the two order statistics around each (n − 1)·p in one multiselect.
 * @example quantilesInPlace(Float64Array.of(4, 1, 3, 2), [0.5]) // Float64Array [2.5]
 */
export function quantilesInPlace(
  values: Float64Array | Float32Array,
  probs: readonly number[],
): Float64Array {
  const n = values.length;
  const out = new Float64Array(probs.length);
  if (n === 0) return out.fill(Number.NaN);
  const wanted = new Int32Array(2 * probs.length);
  probs.forEach((p, i) => {
    const lo = Math.floor((n - 1) * p);
    wanted[2 * i] = lo;
    wanted[2 * i + 1] = Math.min(lo + 1, n - 1);
  });
  wanted.sort();
  let count = 0;
  for (const r of wanted) if (count === 0 || wanted[count - 1]! < r) wanted[count++] = r;
  selectRanks(values, 0, n - 1, wanted, 0, count - 1);
  probs.forEach((p, i) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = values[lo]!;
    const b = values[Math.min(lo + 1, n - 1)]!;
    out[i] = a === b ? a : a + (h - lo) * (b - a);
  });
  return out;
}
