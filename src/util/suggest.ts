/**
 * "Did you mean …?": the closest valid name to a misspelt one, by optimal string
 * alignment distance (Damerau–Levenshtein restricted to adjacent transpositions).
 */

/**
 * Optimal string alignment distance between `a` and `b` (insertions, deletions,
 * substitutions and swaps of neighbours each cost 1).
 * @example editDistance('spned', 'spend') // 1
 */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2]! + 1);
      }
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/**
 * The candidate closest to `name` (case-insensitive), or null when none is close enough:
 * the distance must be at most max(1, ⌊length/3⌋), or one name must contain the other.
 * @example closest('dealer', ['dealers', 'social']) // 'dealers'
 */
export function closest(name: string, candidates: Iterable<string>): string | null {
  const lower = name.toLowerCase();
  let best: string | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    let d = editDistance(lower, cl);
    if (d > Math.max(1, Math.floor(Math.max(lower.length, cl.length) / 3))) {
      if (lower.length >= 3 && (cl.includes(lower) || lower.includes(cl))) d = 100;
      else continue;
    }
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
