/**
 * Iman–Conover: induce a target rank correlation between sampled inputs by reordering them
 * (R. L. Iman & W. J. Conover, "A distribution-free approach to inducing rank correlation
 * among input variables", Commun. Statist. Simul. Comput. 11(3), 1982).
 */
import { normalQuantile } from '../../stats/normal.js';
import type { Rng } from '../rng.js';
import { cholesky } from './cholesky.js';
import { randomPermutation } from './permutation.js';

/**
 * Whether `target` is a valid correlation matrix for {@link imanConover}: square, symmetric,
 * unit diagonal, off-diagonal entries in (−1, 1), and positive definite (Cholesky succeeds).
 * @example nearestCorrelationOk([[1, 0.6], [0.6, 1]]) // true
 */
export function nearestCorrelationOk(target: readonly (readonly number[])[]): boolean {
  const k = target.length;
  for (let i = 0; i < k; i++) {
    const row = target[i] as readonly number[];
    if (row.length !== k || row[i] !== 1) return false;
    for (let j = 0; j < k; j++) {
      const v = row[j] as number;
      if (
        !Number.isFinite(v) ||
        Math.abs(v - ((target[j] as readonly number[])[i] as number)) > 1e-12
      ) {
        return false;
      }
      if (i !== j && !(Math.abs(v) < 1)) return false;
    }
  }
  return cholesky(target) !== null;
}

/** Ranks 0 … n−1 of `y` (ties broken by index). */
function zeroBasedRanks(y: Float64Array): Uint32Array {
  const n = y.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (y[a] as number) - (y[b] as number) || a - b);
  const r = new Uint32Array(n);
  for (let i = 0; i < n; i++) r[order[i] as number] = i;
  return r;
}

/** Pearson correlation matrix of equal-length columns. */
function correlation(cols: readonly Float64Array[], n: number): number[][] {
  const k = cols.length;
  const means = cols.map((c) => c.reduce((s, x) => s + x, 0) / n);
  const cov = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      const ca = cols[a] as Float64Array;
      const cb = cols[b] as Float64Array;
      const ma = means[a] as number;
      const mb = means[b] as number;
      let s = 0;
      for (let i = 0; i < n; i++) s += ((ca[i] as number) - ma) * ((cb[i] as number) - mb);
      (cov[a] as number[])[b] = s;
      (cov[b] as number[])[a] = s;
    }
  }
  return cov.map((row, a) =>
    row.map((v, b) =>
      a === b ? 1 : v / Math.sqrt((cov[a] as number[])[a]! * (cov[b] as number[])[b]!),
    ),
  );
}

/** Inverse of a lower-triangular matrix by forward substitution. */
function invertLower(l: readonly (readonly number[])[]): number[][] {
  const k = l.length;
  const inv = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let c = 0; c < k; c++) {
    for (let i = c; i < k; i++) {
      let s = i === c ? 1 : 0;
      for (let m = c; m < i; m++) s -= (l[i] as readonly number[])[m]! * (inv[m] as number[])[c]!;
      (inv[i] as number[])[c] = s / (l[i] as readonly number[])[i]!;
    }
  }
  return inv;
}

/**
 * Iman–Conover for k columns of n trials: returns, per column j, a permutation strata[j] of
 * 0 … n−1 (trial i takes column j's value of rank strata[j][i]) whose Spearman rank
 * correlations are close to `target` (within ~0.02 for n = 10,000). Steps: van der Waerden
 * scores Φ⁻¹(i/(n+1)) in an independent random order per column; target Spearman ρ turned into
 * the normal-scores Pearson correlation 2·sin(πρ/6) (kept as given if that is not positive
 * definite); with target = P·Pᵀ and the scores' sample correlation = E·Eᵀ (Cholesky), the
 * rows become P·E⁻¹·row, whose Pearson correlation equals the adjusted target exactly; their
 * ranks are the strata. Throws when `target` fails {@link nearestCorrelationOk}.
 * @example imanConover(streamRng(1, 'ic'), 10_000, [[1, 0.6], [0.6, 1]]).strata
 */
export function imanConover(
  rng: Rng,
  n: number,
  target: readonly (readonly number[])[],
): { strata: Uint32Array[] } {
  if (!nearestCorrelationOk(target)) {
    throw new Error(
      'imanConover: the target must be a symmetric, positive definite correlation matrix (unit diagonal, entries in (−1, 1))',
    );
  }
  const k = target.length;
  const perms = target.map(() => randomPermutation(rng, n));
  if (k < 2 || n <= k + 1) return { strata: perms };
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = normalQuantile((i + 1) / (n + 1));
  const cols = perms.map((perm) => Float64Array.from(perm, (r) => scores[r] as number));
  const adjusted = target.map((row, i) =>
    row.map((r, j) => (i === j ? 1 : 2 * Math.sin((Math.PI * r) / 6))),
  );
  const p = cholesky(adjusted) ?? (cholesky(target) as number[][]);
  const e = cholesky(correlation(cols, n));
  if (e === null) return { strata: perms };
  const eInv = invertLower(e);
  // M = P·E⁻¹ (both lower triangular, so M is too).
  const mix = p.map((row) =>
    eInv[0]!.map((_, c) => row.reduce((s, v, m) => s + v * (eInv[m] as number[])[c]!, 0)),
  );
  const strata: Uint32Array[] = [];
  const y = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    const mj = mix[j] as number[];
    y.fill(0);
    for (let m = 0; m <= j; m++) {
      const w = mj[m] as number;
      const col = cols[m] as Float64Array;
      for (let i = 0; i < n; i++) y[i] = (y[i] as number) + w * (col[i] as number);
    }
    strata.push(zeroBasedRanks(y));
  }
  return { strata };
}
