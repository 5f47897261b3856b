/**
 * Exact quantiles without a full sort. One pass finds each column's range. Whole-number
 * columns with a narrow range (counts, headcounts, accounts: most of a forecast's columns)
 * are counted: one pass counts each value, and the order statistics are read off the
 * running count. Other finite columns are bucketed: one pass counts values in equal-width
 * buckets between min and max (a monotone map, so bucket order is value order), the count
 * names the bucket of each wanted rank, a second pass gathers only those buckets' values,
 * and the few gathered are selected. Selection is quickselect with a three-way partition
 * (Hoare's FIND with Dijkstra's Dutch-flag split, so columns full of ties stay linear),
 * pivot the median of three; all the order statistics a set of quantiles needs are found
 * in one multiselect. Every way the result is the same number `quantileSorted` gives on
 * the sorted column (type 7).
 */

/** Widest range (max − min) of a whole-number column that is counted rather than selected. */
const COUNT_RANGE = 1 << 16;
/** Values per bucket, on average, when a column is bucketed: few enough that the gathered values are few, enough that the counts stay in cache. */
const VALUES_PER_BUCKET = 8;
/** Counting scratch, grown on demand and left zeroed after each use. */
let counts = new Int32Array(0);
/** Buckets holding a wanted rank (1), grown on demand and left zeroed after each use. */
let marks = new Uint8Array(0);
/** The values of the marked buckets. */
let gathered = new Float64Array(0);

/**
 * Writes into `at` the values of `values` at the increasing ranks `ranks[0..count)` by
 * counting each value (whole numbers from min to max, max − min at most COUNT_RANGE).
 */
function countRanks(
  values: Float64Array | Float32Array,
  ranks: Int32Array,
  count: number,
  at: Float64Array,
  min: number,
  range: number,
): void {
  const n = values.length;
  if (counts.length <= range) counts = new Int32Array(range + 1);
  for (let i = 0; i < n; i++) counts[values[i]! - min]! += 1;
  let below = 0;
  let r = 0;
  for (let b = 0; b <= range && r < count; b++) {
    below += counts[b]!;
    while (r < count && ranks[r]! < below) at[r++] = min + b;
  }
  counts.fill(0, 0, range + 1);
}

/**
 * Writes into `at` the values of `values` at the increasing ranks `ranks[0..count)` by
 * bucketing (see the module doc); `scale` = buckets / (max − min), finite. Bucket
 * ⌊(v − min)·scale⌋ never decreases as v grows (each step rounds monotonically), so the
 * r-th smallest value lies in the bucket where the running count passes r, and is the
 * (r − values in lower buckets + gathered values of lower marked buckets)-th smallest of
 * the gathered values.
 */
function bucketRanks(
  values: Float64Array | Float32Array,
  ranks: Int32Array,
  count: number,
  at: Float64Array,
  min: number,
  buckets: number,
  scale: number,
): void {
  const n = values.length;
  const last = buckets - 1;
  if (counts.length < buckets) counts = new Int32Array(buckets);
  if (marks.length < buckets) marks = new Uint8Array(buckets);
  for (let i = 0; i < n; i++) counts[Math.min(last, Math.floor((values[i]! - min) * scale))]! += 1;
  const inGathered = new Int32Array(count);
  let below = 0;
  let taken = 0;
  let r = 0;
  for (let b = 0; b < buckets && r < count; b++) {
    const c = counts[b]!;
    if (ranks[r]! < below + c) {
      marks[b] = 1;
      for (; r < count && ranks[r]! < below + c; r++) inGathered[r] = taken + ranks[r]! - below;
      taken += c;
    }
    below += c;
  }
  if (gathered.length < taken) gathered = new Float64Array(taken);
  let g = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (marks[Math.min(last, Math.floor((v - min) * scale))] === 1) gathered[g++] = v;
  }
  selectRanks(gathered, 0, taken - 1, inGathered, 0, count - 1);
  for (let k = 0; k < count; k++) at[k] = gathered[inGathered[k]!]!;
  counts.fill(0, 0, buckets);
  marks.fill(0, 0, buckets);
}

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
 * Type-7 quantiles of `values` at probabilities `probs` (any order); may reorder `values`.
 * Finds the two order statistics around each (n − 1)·p by counting, bucketing or in one
 * multiselect (see the module doc).
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
  const at = new Float64Array(count);
  let min = values[0]!;
  let max = min;
  let whole = true;
  let finite = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
    if (v !== Math.floor(v)) {
      whole = false;
      // Only NaN lands here among the non-finite (±∞ are whole; they show in the range).
      if (Number.isNaN(v)) finite = false;
    }
  }
  const range = max - min;
  const buckets = Math.max(1, Math.min(COUNT_RANGE, Math.ceil(n / VALUES_PER_BUCKET)));
  const scale = buckets / range;
  if (
    whole &&
    Math.max(-min, max) <= Number.MAX_SAFE_INTEGER &&
    range <= Math.min(COUNT_RANGE, 4 * n)
  ) {
    countRanks(values, wanted, count, at, min, range);
  } else if (finite && range > 0 && range < Number.POSITIVE_INFINITY && Number.isFinite(scale)) {
    bucketRanks(values, wanted, count, at, min, buckets, scale);
  } else {
    selectRanks(values, 0, n - 1, wanted, 0, count - 1);
    for (let r = 0; r < count; r++) at[r] = values[wanted[r]!]!;
  }
  const valueAt = (rank: number): number => {
    let r = 0;
    while (wanted[r] !== rank) r++;
    return at[r]!;
  };
  probs.forEach((p, i) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = valueAt(lo);
    const b = valueAt(Math.min(lo + 1, n - 1));
    out[i] = a === b ? a : a + (h - lo) * (b - a);
  });
  return out;
}
