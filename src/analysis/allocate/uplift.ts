/**
 * Current against recommended, honestly: both re-evaluated on the run's own trials (the
 * plan's seed and trial count), which the search never saw — it searched on another seed —
 * so the optimiser's winner's curse (a candidate chosen because its noise happened to be
 * favourable) cannot inflate the uplift. Paired trial by trial: the mean uplift with its 90%
 * interval, and the share of trials in which the recommendation does better.
 */
import { HISTOGRAM_BINS, Z90 } from '../../defaults.js';
import type { Model } from '../../model/types.js';
import type { Histogram, Summary } from '../types.js';
import { summaryOf } from '../value-summary.js';
import type { Candidates, TrialSet } from './candidates.js';
import { capacityLoads, capacityMetrics, type RoleLoad } from './capacity.js';
import { mean, type Objective, paired } from './objective.js';

/**
 * An objective's value over a set of trials with its Monte Carlo standard error (Infinity with
 * one trial, which cannot estimate it; the JSON writes null).
 */
export interface Estimate {
  readonly value: number;
  readonly se: number;
}

/** What the confirmation finds. */
export interface Confirmation {
  /** The objective's metric (horizon bookings or profit) across trials. */
  readonly value: { readonly current: Summary; readonly recommended: Summary };
  /** The objective itself (mean, P10 or probability) with its standard error. */
  readonly objective_value: { readonly current: Estimate; readonly recommended: Estimate };
  /**
   * Recommended − current in the objective, paired: mean and 90% interval. With one trial the
   * error cannot be estimated: se is Infinity and the interval unbounded (null in the JSON).
   */
  readonly uplift: {
    readonly mean: number;
    readonly lo: number;
    readonly hi: number;
    readonly se: number;
  };
  /** Share of trials in which the recommendation's metric beats the current plan's. */
  readonly probability_better: number;
  /** Per-trial difference of the metric (recommended − current), as a histogram. */
  readonly distribution: Histogram;
  readonly capacity: { readonly current: RoleLoad[]; readonly recommended: RoleLoad[] };
}

/**
 * Evaluates the plan as written and the recommendation `x` on `set`, paired.
 * @example await confirm(model, candidates, objective, x, { seed: 2027, trials: 10000 })
 */
export async function confirm(
  model: Model,
  cands: Candidates,
  o: Objective,
  x: readonly number[],
  set: TrialSet,
): Promise<Confirmation> {
  const extra = capacityMetrics(model);
  const cur = await cands.metricsOf(null, set, extra);
  const rec = await cands.metricsOf(x, set, extra);
  const a = cur[o.metric]!;
  const b = rec[o.metric]!;
  const d = paired(o, a, b);
  const diff = b.map((v, i) => v - a[i]!);
  let better = 0;
  for (const v of diff) if (v > 0) better += 1;
  return {
    value: { current: summaryOf(a), recommended: summaryOf(b) },
    objective_value: { current: estimate(o, a), recommended: estimate(o, b) },
    uplift: { mean: d.mean, lo: d.mean - Z90 * d.se, hi: d.mean + Z90 * d.se, se: d.se },
    probability_better: better / diff.length,
    distribution: zeroAlignedHistogram(diff, HISTOGRAM_BINS),
    capacity: { current: capacityLoads(model, cur), recommended: capacityLoads(model, rec) },
  };
}

/**
 * Equal-width histogram of `x` in about `bins` bins, one edge at 0 when the values straddle
 * it, so every bin holds only gains or only losses.
 * @example zeroAlignedHistogram(Float64Array.of(-1, 0.5, 2), 3).edges // [-1, 0, 1, 2]
 */
export function zeroAlignedHistogram(x: Float64Array, bins: number): Histogram {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of x) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (!(max > min)) return { edges: [min, max], counts: [x.length] };
  const width = (max - min) / bins;
  const first = min < 0 && max > 0 ? Math.floor(min / width) * width : min;
  const k = Math.max(1, Math.ceil((max - first) / width - 1e-9));
  const edges = Array.from({ length: k + 1 }, (_, i) => first + i * width);
  const counts = new Array<number>(k).fill(0);
  for (const v of x) counts[Math.min(k - 1, Math.floor((v - first) / width))]! += 1;
  return { edges, counts };
}

/**
 * The objective over `x` with the standard error of its pseudo-values' mean.
 * @example estimate(objectiveOf('revenue', null), Float64Array.of(1, 2, 3)) // { value: 2, se: 0.577… }
 */
export function estimate(o: Objective, x: Float64Array): Estimate {
  const p = o.pseudo(x);
  const m = mean(p);
  let ss = 0;
  for (const v of p) ss += (v - m) ** 2;
  const n = p.length;
  return { value: o.value(x), se: n > 1 ? Math.sqrt(ss / (n - 1) / n) : Number.POSITIVE_INFINITY };
}
