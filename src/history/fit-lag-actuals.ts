/**
 * A stage's lag from monthly arrivals alone, when no deal-level dates exist: the
 * non-negative least-squares fit of a_k(t) ≈ Σ_l β_l · a_{k−1}(t − l) over the periods
 * where every term is observed (cyclic coordinate descent, which converges for this convex
 * problem), pooled over cohorts, with the longest lag chosen by BIC; the lag pmf is β / Σβ.
 * Rough by nature: deal dates, when available, give the lag directly.
 */

/**
 * Lag pmf from arrivals before and after a stage (each summed over cohorts): the NNLS fit
 * for each longest lag L = 0 … maxLag on the same periods (those from maxLag on), and the L
 * with the smallest BIC, n·ln(RSS/n) + (L + 1)·ln n, so noise does not grow a long tail.
 * Null when the fit finds no mass.
 * @example lagFromArrivals([10, 20, 30, 20, 10, 20], [0, 3, 6, 9, 6, 3], 1) // ≈ [0, 1]
 */
export function lagFromArrivals(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  maxLag: number,
): number[] | null {
  const top = Math.max(0, Math.min(maxLag, before.length - 2));
  let best: { bic: number; pmf: number[] | null } | null = null;
  for (let L = 0; L <= top; L++) {
    const fit = nnls(before, after, L, top);
    const n = before.length - top;
    const bic = n * Math.log(Math.max(fit.rss, 1e-12) / n) + (L + 1) * Math.log(n);
    if (best === null || bic < best.bic) best = { bic, pmf: fit.pmf };
  }
  return best?.pmf ?? null;
}

/** NNLS of after(t) on before(t − l), l = 0 … L, over t = from … T−1. */
function nnls(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  L: number,
  from: number,
): { rss: number; pmf: number[] | null } {
  const T = before.length;
  const rows: number[][] = [];
  const y: number[] = [];
  for (let t = from; t < T; t++) {
    rows.push(Array.from({ length: L + 1 }, (_, l) => before[t - l]!));
    y.push(after[t]!);
  }
  const beta = new Array<number>(L + 1).fill(0);
  const norms = beta.map((_, l) => rows.reduce((a, r) => a + r[l]! ** 2, 0));
  const resid = [...y];
  for (let sweep = 0; sweep < 500; sweep++) {
    let moved = 0;
    for (let l = 0; l <= L; l++) {
      if (norms[l] === 0) continue;
      let g = 0;
      rows.forEach((r, i) => {
        g += r[l]! * resid[i]!;
      });
      const next = Math.max(0, beta[l]! + g / norms[l]!);
      const d = next - beta[l]!;
      if (d !== 0) {
        rows.forEach((r, i) => {
          resid[i]! -= d * r[l]!;
        });
        beta[l] = next;
        moved = Math.max(moved, Math.abs(d));
      }
    }
    if (moved < 1e-10) break;
  }
  const rss = resid.reduce((a, r) => a + r * r, 0);
  const sum = beta.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return { rss, pmf: null };
  const pmf = beta.map((b) => b / sum);
  while (pmf.length > 1 && pmf[pmf.length - 1]! < 1e-4) pmf.pop();
  const total = pmf.reduce((a, b) => a + b, 0);
  return { rss, pmf: pmf.map((p) => p / total) };
}
