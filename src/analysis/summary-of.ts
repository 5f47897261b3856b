/**
 * The {@link Summary} of one quantity kept for every trial: compensated mean and Welford sd
 * in trial order (as every forecast column), and type-7 quantiles of the sorted values.
 */
import { QUANTILES } from '../defaults.js';
import { ColumnMoments } from '../util/moments.js';
import { quantileSorted } from './quantile.js';
import type { Summary } from './types.js';

/**
 * Summarises per-trial values given in trial order; `values` is left unchanged.
 * se = sd/√n; quantiles are Hyndman–Fan type 7 (docs/model.md, Summaries).
 * @example summaryOf(Float64Array.of(1, 2, 3, 4)).p50 // 2.5
 */
export function summaryOf(values: Float64Array): Summary {
  const moments = new ColumnMoments(1);
  const one = new Float64Array(1);
  for (let i = 0; i < values.length; i++) {
    one[0] = values[i]!;
    moments.push(one);
  }
  const sorted = values.slice().sort();
  const [p5, p10, p25, p50, p75, p90, p95] = QUANTILES.map((p) => quantileSorted(sorted, p));
  const sd = moments.sdOf(0);
  return {
    mean: moments.meanOf(0),
    sd,
    se: sd / Math.sqrt(Math.max(1, values.length)),
    p5: p5!,
    p10: p10!,
    p25: p25!,
    p50: p50!,
    p75: p75!,
    p90: p90!,
    p95: p95!,
  };
}
