/**
 * The {@link Summary} of one quantity from its value in every trial: compensated mean,
 * sample sd, Monte Carlo standard error, and exact quantiles (type 7, as the forecast's).
 */
import { QUANTILES } from '../defaults.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { meanSummary } from './evaluator.js';
import { quantileSorted } from './quantile.js';
import { proportionError } from './standard-error.js';
import type { Summary } from './types.js';

/**
 * Summary of `values` (one per trial); the input is not modified.
 * @example summaryOf(Float64Array.of(1, 2, 3, 4)).p50 // 2.5
 */
export function summaryOf(values: Float64Array): Summary {
  checkArgument('summaryOf', 'values', values, ARG.values);
  return withQuantiles(values, meanSummary(values));
}

/**
 * `moments` with the type-7 quantiles of QUANTILES of `values` (sorted in a copy).
 * @example withQuantiles(Float64Array.of(1, 2, 3), { mean: 2, sd: 1, se: 0.58 }).p50 // 2
 */
export function withQuantiles(
  values: Float64Array,
  moments: { readonly mean: number; readonly sd: number | null; readonly se: number | null },
): Summary {
  const sorted = values.slice().sort();
  const [p5, p10, p25, p50, p75, p90, p95] = QUANTILES.map((p) => quantileSorted(sorted, p));
  return {
    mean: moments.mean,
    sd: moments.sd,
    se: moments.se,
    p5: p5!,
    p10: p10!,
    p25: p25!,
    p50: p50!,
    p75: p75!,
    p90: p90!,
    p95: p95!,
  };
}

/**
 * P(value ≥ threshold) over the trials and its standard error √(p(1 − p)/n) (null for one trial).
 * @example exceedanceOf(Float64Array.of(1, 2, 3, 4), 3) // { probability: 0.5, se: 0.25 }
 */
export function exceedanceOf(
  values: Float64Array,
  threshold: number,
): { probability: number; se: number | null } {
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! >= threshold) k += 1;
  const n = values.length;
  const p = k / n;
  return { probability: p, se: proportionError(p, n) };
}
