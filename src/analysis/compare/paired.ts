/**
 * Paired differences under common random numbers: trial i of a variant against trial i of
 * the base. The mean difference's interval is mean ± z·sd/√n (a normal interval for a mean
 * of n paired differences; z = Φ⁻¹(0.95) for the default 90%): how far more trials could
 * move the average. One trial cannot estimate it: the interval and its error are then null. How far the difference itself varies from trial to trial is its spread,
 * the P10, P50 and P90 of the per-trial differences.
 */
import { INTERVAL_LEVEL } from '../../defaults.js';
import { normalQuantile } from '../../stats/normal.js';
import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import { meanSummary } from '../evaluator.js';
import { quantileSorted } from '../quantile.js';

/** A paired mean difference with its interval and standard error (null for one trial). */
export interface Difference {
  readonly mean: number;
  /** Lower end of the interval (default 90%) of the mean difference; null for one trial. */
  readonly lo: number | null;
  readonly hi: number | null;
  /** Monte Carlo standard error of the mean difference, sd(d)/√n; null for one trial. */
  readonly se: number | null;
}

/** Quantiles (type 7) of the per-trial differences: the change's effect, trial by trial. */
export interface DifferenceSpread {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

/** A paired mean difference, and how the difference spreads from trial to trial. */
export interface TrialDifference extends Difference {
  readonly spread: DifferenceSpread;
}

/**
 * Mean of `variant[i] − base[i]` with its interval at `level` (default 90%).
 * Identical arrays give exactly {mean 0, lo 0, hi 0, se 0}.
 * @example pairedDifference(Float64Array.of(2, 3), Float64Array.of(1, 1)) // mean 1.5
 */
export function pairedDifference(
  variant: Float64Array,
  base: Float64Array,
  level = INTERVAL_LEVEL,
): Difference {
  return meanDifference(differences('pairedDifference', variant, base), level);
}

/**
 * {@link pairedDifference} with the spread of the per-trial differences (P10, P50, P90):
 * in eight trials of ten the variant's difference to the base lies between p10 and p90.
 * Identical arrays give 0 for every field.
 * @example trialDifference(Float64Array.of(2, 3, 5), Float64Array.of(1, 1, 1)).spread.p50 // 2
 */
export function trialDifference(
  variant: Float64Array,
  base: Float64Array,
  level = INTERVAL_LEVEL,
): TrialDifference {
  const d = differences('trialDifference', variant, base);
  const mean = meanDifference(d, level);
  const sorted = d.sort();
  const spread = {
    p10: quantileSorted(sorted, 0.1),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
  };
  return { ...mean, spread };
}

function differences(fn: string, variant: Float64Array, base: Float64Array): Float64Array {
  checkPaired(fn, variant, base);
  return variant.map((v, i) => v - base[i]!);
}

/** Both the value of every trial, trial i of one paired with trial i of the other. */
function checkPaired(fn: string, variant: unknown, base: unknown): void {
  checkArgument(fn, 'variant', variant, ARG.values);
  checkArgument(fn, 'base', base, ARG.pairedValues((variant as Float64Array).length));
}

function meanDifference(d: Float64Array, level: number): Difference {
  const { mean, se } = meanSummary(d);
  if (se === null) return { mean, lo: null, hi: null, se };
  const z = normalQuantile(0.5 + level / 2);
  return { mean, lo: mean - z * se, hi: mean + z * se, se };
}

/**
 * Shares of trials in which the variant does strictly better and strictly worse than the
 * base (ties, e.g. a variant identical to the base, count as neither).
 * @example beats(Float64Array.of(2, 1, 0), Float64Array.of(1, 1, 1)) // { better: 1/3, worse: 1/3 }
 */
export function beats(
  variant: Float64Array,
  base: Float64Array,
): { better: number; worse: number } {
  checkPaired('beats', variant, base);
  let better = 0;
  let worse = 0;
  for (let i = 0; i < variant.length; i++) {
    if (variant[i]! > base[i]!) better += 1;
    else if (variant[i]! < base[i]!) worse += 1;
  }
  return { better: better / variant.length, worse: worse / variant.length };
}

/**
 * Paired difference of the probability of reaching `threshold`: the mean of
 * 1{variant ≥ t} − 1{base ≥ t}, with its interval.
 * @example targetDifference(v, b, 10_000_000).mean // P(v ≥ 10M) − P(b ≥ 10M)
 */
export function targetDifference(
  variant: Float64Array,
  base: Float64Array,
  threshold: number,
  level = INTERVAL_LEVEL,
): Difference {
  const hit = (x: Float64Array) => x.map((v) => (v >= threshold ? 1 : 0));
  return pairedDifference(hit(variant), hit(base), level);
}
