/**
 * The {@link Summary} of one quantity kept for every trial: compensated mean and Welford sd
 * in trial order (as every forecast column), and type-7 quantiles of the sorted values.
 */
import { ColumnMoments } from '../util/moments.js';
import { sampleSd, standardError } from './standard-error.js';
import type { Summary } from './types.js';
import { withQuantiles } from './value-summary.js';

/**
 * Summarises per-trial values given in trial order; `values` is left unchanged.
 * se = sd/√n (sd and se null for one value); quantiles are Hyndman–Fan type 7 (docs/model.md, Summaries).
 * @example summaryOf(Float64Array.of(1, 2, 3, 4)).p50 // 2.5
 */
export function summaryOf(values: Float64Array): Summary {
  const moments = new ColumnMoments(1);
  const one = new Float64Array(1);
  for (let i = 0; i < values.length; i++) {
    one[0] = values[i]!;
    moments.push(one);
  }
  const sd = moments.sdOf(0);
  return withQuantiles(values, {
    mean: moments.meanOf(0),
    sd: sampleSd(sd, values.length),
    se: standardError(sd, values.length),
  });
}
