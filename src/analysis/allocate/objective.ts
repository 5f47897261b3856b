/**
 * The four objectives, read off per-trial horizon values of one metric:
 *
 *   revenue  mean horizon bookings
 *   profit   mean horizon profit (gross margin · bookings − spend − team − initiative costs)
 *   p10      10th percentile of horizon bookings (downside-aware)
 *   target   probability that horizon bookings reach targets.bookings
 *
 * Paired comparisons (two plans on the same trials) need a standard error of the difference
 * of objective values. Each objective therefore also gives per-trial *pseudo-values* whose
 * mean is (to first order) its value: the values themselves for a mean, the indicator
 * 1{bookings ≥ target} for a probability, and for the quantile its influence function
 * q + (τ − 1{x ≤ q}) / f(q) (Serfling 1980, §2.5; f estimated by a kernel density at q).
 * The paired standard error is then sd(pseudo_B − pseudo_A)/√n.
 */
import type { AllocationObjective } from '../../model/types.js';
import { quantileSorted } from '../quantile.js';

/** How one objective reads per-trial values. */
export interface Objective {
  readonly name: AllocationObjective;
  /** The metric (a horizon total) it is computed from. */
  readonly metric: 'bookings' | 'profit';
  /** What the objective is, in words (for tables and docs). */
  readonly describe: string;
  /** Its value over the given trials. */
  value(x: Float64Array): number;
  /** Per-trial pseudo-values (mean ≈ value) for paired standard errors. */
  pseudo(x: Float64Array): Float64Array;
}

/** Quantile level of the p10 objective. */
const P10 = 0.1;

/**
 * The objective `name`; `target` needs the bookings target.
 * @example objectiveOf('p10', null).value(Float64Array.of(1, 2, 3, 4, 5)) // 1.4
 */
export function objectiveOf(name: AllocationObjective, target: number | null): Objective {
  switch (name) {
    case 'revenue':
      return meanOf('revenue', 'bookings', 'mean horizon bookings');
    case 'profit':
      return meanOf('profit', 'profit', 'mean horizon profit after spend and team costs');
    case 'p10':
      return {
        name,
        metric: 'bookings',
        describe: '10th percentile of horizon bookings',
        value: (x) => quantileSorted(sorted(x), P10),
        pseudo: (x) => quantilePseudo(x, P10),
      };
    case 'target': {
      const t = target ?? Number.NaN;
      const hit = (x: Float64Array) => x.map((v) => (v >= t ? 1 : 0));
      return {
        name,
        metric: 'bookings',
        describe: 'probability that horizon bookings reach the target',
        value: (x) => mean(hit(x)),
        pseudo: hit,
      };
    }
  }
}

function meanOf(
  name: AllocationObjective,
  metric: 'bookings' | 'profit',
  describe: string,
): Objective {
  return { name, metric, describe, value: mean, pseudo: (x) => x };
}

/** The paired difference of an objective between plans A and B on the same trials. */
export interface PairedDifference {
  /** value(B) − value(A). */
  readonly mean: number;
  /**
   * Standard error of that difference, from the per-trial pseudo-values; Infinity with one
   * trial, which cannot estimate it (so no move ever passes a test against it).
   */
  readonly se: number;
}

/**
 * value(b) − value(a) with its paired standard error; a and b are the same trials.
 * @example paired(objectiveOf('revenue', null), a, b) // { mean, se }
 */
export function paired(o: Objective, a: Float64Array, b: Float64Array): PairedDifference {
  const pa = o.pseudo(a);
  const pb = o.pseudo(b);
  const n = a.length;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = pb[i]! - pa[i]!;
  const m = mean(d);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i]! - m) ** 2;
  const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : Number.POSITIVE_INFINITY;
  return { mean: o.value(b) - o.value(a), se };
}

/**
 * Influence-function pseudo-values of the τ-quantile: q + (τ − 1{x ≤ q}) / f̂(q), with f̂ a
 * Gaussian-kernel density at q, bandwidth 0.9·min(sd, IQR/1.34)·n^(−1/5) (Silverman's rule).
 */
function quantilePseudo(x: Float64Array, tau: number): Float64Array {
  const s = sorted(x);
  const n = s.length;
  const q = quantileSorted(s, tau);
  const m = mean(x);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - m) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const iqr = quantileSorted(s, 0.75) - quantileSorted(s, 0.25);
  const spread = Math.min(sd, iqr / 1.34) || sd;
  const h = 0.9 * spread * n ** -0.2;
  let f = 0;
  if (h > 0) {
    for (let i = 0; i < n; i++) {
      const z = (x[i]! - q) / h;
      if (z > -8 && z < 8) f += Math.exp(-0.5 * z * z);
    }
    f /= n * h * Math.sqrt(2 * Math.PI);
  }
  // Every trial equal (no spread): the quantile moves with the trials themselves.
  if (!(f > 0)) return Float64Array.from(x);
  return x.map((v) => q + (tau - (v <= q ? 1 : 0)) / f);
}

function sorted(x: Float64Array): Float64Array {
  return Float64Array.from(x).sort();
}

/**
 * Compensated mean (Kahan), as the evaluator's summaries.
 * @example mean([1, 2, 3]) // 2
 */
export function mean(x: ArrayLike<number>): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const y = x[i]! - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return x.length > 0 ? sum / x.length : Number.NaN;
}
