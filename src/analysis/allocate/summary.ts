/** The forecast's {@link Summary} (mean, sd, se and the quantile list) of per-trial values. */
import { QUANTILES } from '../../defaults.js';
import { meanSummary } from '../evaluator.js';
import { quantileSorted } from '../quantile.js';
import type { Summary } from '../types.js';

/**
 * Summary of `x`: compensated mean, sample sd, se = sd/√n, and the type-7 quantiles of
 * QUANTILES (the same definitions as the forecast).
 * @example summaryOf(Float64Array.of(1, 2, 3)).p50 // 2
 */
export function summaryOf(x: Float64Array): Summary {
  const { mean, sd, se } = meanSummary(x);
  const s = Float64Array.from(x).sort();
  const [p5, p10, p25, p50, p75, p90, p95] = QUANTILES.map((q) => quantileSorted(s, q)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { mean, sd, se, p5, p10, p25, p50, p75, p90, p95 };
}
