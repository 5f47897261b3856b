/**
 * Correlated parameters for the reference, by a Gaussian copula instead of the engine's
 * Iman–Conover: the rank correlation ρₛ becomes the normal correlation 2·sin(πρₛ/6)
 * (Pearson 1907; exact for a bivariate normal), z = L·ε with L the Cholesky factor, and
 * each input is its distribution's quantile at Φ(zᵢ). Iman–Conover with van der Waerden
 * scores induces the same normal-score dependence, so the joint law — and E[f(X, Y)] for
 * a nonlinear f such as demand × rate — agrees to within the design's sampling noise.
 */
import type { Model } from '../../src/model/types.js';
import type { Rng } from '../../src/sim/rng.js';
import { distQuantile } from '../../src/stats/dist-math.js';
import { refNormal } from './ref-random.js';

/** Φ(x) by Abramowitz & Stegun 7.1.26 (|error| < 1.5·10⁻⁷, ample for a copula). */
export function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Lower Cholesky factor of a positive definite matrix. */
function cholesky(a: readonly number[][]): number[][] {
  const n = a.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(s) : s / l[j]![j]!;
    }
  }
  return l;
}

/** The correlated inputs of a model and the Cholesky factor of their normal-score correlation. */
export interface Copula {
  readonly params: readonly number[];
  readonly factor: readonly number[][];
}

/** Builds the copula of `model.correlations`, or null when there are none. */
export function buildCopula(model: Model): Copula | null {
  if (model.correlations.length === 0) return null;
  const params = [...new Set(model.correlations.flatMap((c) => [c.a, c.b]))];
  const r = params.map((_, i) => params.map((__, j): number => (i === j ? 1 : 0)));
  for (const c of model.correlations) {
    const i = params.indexOf(c.a);
    const j = params.indexOf(c.b);
    r[i]![j] = r[j]![i] = 2 * Math.sin((Math.PI * c.rank) / 6);
  }
  return { params, factor: cholesky(r) };
}

/** Overwrites the correlated entries of a drawn parameter vector `values` (before clamping). */
export function drawCorrelated(model: Model, copula: Copula, rng: Rng, values: number[]): void {
  const eps = copula.params.map(() => refNormal(rng));
  copula.params.forEach((p, i) => {
    let z = 0;
    for (let k = 0; k <= i; k++) z += copula.factor[i]![k]! * eps[k]!;
    const u = Math.min(1 - 1e-12, Math.max(1e-12, phi(z)));
    values[p] = distQuantile(model.params[p]!.dist, u);
  });
}
