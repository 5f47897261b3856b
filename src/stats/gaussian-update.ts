/**
 * The linear-Gaussian update (the Kalman filter's measurement step): a prior x ~ N(m₀, V₀)
 * observed as y = x + ε, ε ~ N(0, R), has the posterior
 *
 *   S = V₀ + R,  G = V₀ S⁻¹,  m₁ = m₀ + G (y − m₀),  V₁ = V₀ − G V₀,
 *
 * which needs only S to be positive definite: V₀ may be singular (inputs the prior fixes).
 */
import { cholesky } from '../sim/design/cholesky.js';

/** A dense symmetric matrix as rows. */
export type Matrix = readonly (readonly number[])[];

/** Solves L Lᵀ x = b for x, given the Cholesky factor L. */
function cholSolve(l: Matrix, b: readonly number[]): number[] {
  const n = b.length;
  const z = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let j = 0; j < i; j++) s -= l[i]![j]! * z[j]!;
    z[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let j = i + 1; j < n; j++) s -= l[j]![i]! * x[j]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/**
 * Posterior mean and covariance of x given y (see the module doc), or null when V₀ + R is
 * not positive definite.
 * @example gaussianUpdate([0], [[1]], [2], [[1]]) // { mean: [1], cov: [[0.5]] }
 */
export function gaussianUpdate(
  m0: readonly number[],
  v0: Matrix,
  y: readonly number[],
  r: Matrix,
): { mean: number[]; cov: number[][] } | null {
  const n = m0.length;
  const s = v0.map((row, i) => row.map((v, j) => v + r[i]![j]!));
  const l = cholesky(s);
  if (l === null) return null;
  // G = V₀ S⁻¹ (S symmetric): row i of G solves S gᵢ = V₀ row i
  const g = v0.map((row) => cholSolve(l, row));
  const innov = y.map((v, i) => v - m0[i]!);
  const mean = m0.map((m, i) => m + g[i]!.reduce((a, gij, j) => a + gij * innov[j]!, 0));
  const cov = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let gv = 0;
      for (let q = 0; q < n; q++) gv += g[i]![q]! * v0[q]![j]!;
      return v0[i]![j]! - gv;
    }),
  );
  // symmetric up to rounding: average the two halves
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const a = 0.5 * (cov[i]![j]! + cov[j]![i]!);
      cov[i]![j] = a;
      cov[j]![i] = a;
    }
  return { mean, cov };
}
