/**
 * Rank correlations between uncertain inputs: both paths must name uncertain params, each
 * pair once, and the matrix must be positive definite (a Cholesky factorisation succeeds).
 */
import type { Correlation, Param } from '../model/types.js';
import { closest } from '../util/suggest.js';
import { msg } from './messages.js';
import { canonicalParamPath } from './params.js';
import type { Segment } from './path.js';

/** One correlation as the schema gives it. */
export interface CorrelationInput {
  readonly between: readonly [string, string];
  readonly rank: number;
}

/**
 * True when the symmetric matrix `m` (row-major, n×n) has a Cholesky factor, i.e. is
 * positive definite (every pivot > 1e-12).
 * @example isPositiveDefinite([1, 0.5, 0.5, 1], 2) // true
 */
export function isPositiveDefinite(m: readonly number[], n: number): boolean {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(s > 1e-12)) return false;
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j]!;
      }
    }
  }
  return true;
}

/** Resolves correlations to param indices; problems go to `report` with a path relative to `correlations`. */
export function resolveCorrelations(
  inputs: readonly CorrelationInput[],
  params: readonly Param[],
  stageIds: readonly string[],
  report: (path: readonly Segment[], message: string) => void,
): Correlation[] {
  const index = new Map(params.map((p, i) => [p.path, i]));
  const out: Correlation[] = [];
  const pairs = new Set<string>();
  let ok = true;
  inputs.forEach((c, ci) => {
    const refs: number[] = [];
    c.between.forEach((raw, k) => {
      const path = canonicalParamPath(raw, stageIds);
      const ref = path === null ? undefined : index.get(path);
      if (ref === undefined) {
        report([ci, 'between', k], msg.corrNoParam(raw, closest(raw, index.keys())));
      } else if (params[ref]!.dist.kind === 'fixed') {
        report([ci, 'between', k], msg.corrFixed(path!));
      } else refs.push(ref);
    });
    if (refs.length !== 2) {
      ok = false;
      return;
    }
    const [a, b] = refs as [number, number];
    if (a === b) {
      ok = false;
      report([ci, 'between'], msg.corrSame);
      return;
    }
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (pairs.has(key)) {
      ok = false;
      report([ci, 'between'], msg.corrDuplicate(params[a]!.path, params[b]!.path));
      return;
    }
    pairs.add(key);
    out.push({ a, b, rank: c.rank });
  });
  if (ok && out.length > 0) {
    const ids = [...new Set(out.flatMap((c) => [c.a, c.b]))];
    const pos = new Map(ids.map((id, i) => [id, i]));
    const n = ids.length;
    const m = new Array<number>(n * n).fill(0);
    for (let i = 0; i < n; i++) m[i * n + i] = 1;
    for (const c of out) {
      const i = pos.get(c.a)!;
      const j = pos.get(c.b)!;
      m[i * n + j] = c.rank;
      m[j * n + i] = c.rank;
    }
    if (!isPositiveDefinite(m, n)) report([], msg.corrNotPd);
  }
  return out;
}
