/**
 * Contribution to variance: two runs of the plan with its inputs uncertain.
 *
 *   run A (seed s): the metric and every uncertain input's draw, trial by trial
 *        └─► each input's first-order share, from the given data (first-order.ts)
 *   run B (seed s + offset, every uncertain input reseeded to s): the same inputs, other
 *        funnel noise └─► with run A, the share all inputs explain together (closed-share.ts);
 *        the rest is the funnel's own randomness
 *
 * Errors: a bootstrap over trial pairs (A_i, B_i), the same resamples for every share, so
 * the error of the remainder (interactions) is that of the same difference; null for one trial
 * (as is the metric's sd).
 */
import { NOISE_SEED_OFFSET, SENSITIVITY_BOOTSTRAP } from '../../defaults.js';
import type { Override } from '../../scenario/overrides.js';
import { streamRng } from '../../sim/rng.js';
import { meanSummary } from '../evaluator.js';
import { MIN_TRIALS_FOR_ERROR } from '../standard-error.js';
import { bootstrapSe } from './bootstrap.js';
import { closedShare } from './closed-share.js';
import { binCount, FirstOrder } from './first-order.js';
import type { SensitivityRunner } from './runner.js';
import type { Share } from './types.js';

/** Seeds are whole numbers below 2⁵³. */
const SEED_SPAN = 2 ** 53;

export interface Shares {
  /** Per uncertain input path: its first-order share (clipped at 0) and error. */
  readonly inputs: ReadonlyMap<string, Share>;
  readonly noise: Share;
  readonly interactions: Share;
  readonly mean: number;
  /** The metric's sample sd over run A's trials; null for one trial. */
  readonly sd: number | null;
  readonly bins: number;
}

/**
 * The seed of the run that keeps run A's inputs and redraws the funnel's noise.
 * @example noiseSeed(2027) // 1002030
 */
export function noiseSeed(seed: number): number {
  return (seed + NOISE_SEED_OFFSET) % SEED_SPAN;
}

/**
 * Variance shares of the runner's metric over `trials` trials: each of `paths` (uncertain
 * inputs), the funnel's own noise, and the remainder.
 * @example (await varianceShares(runner, ['funnel.won.rate'], 4000)).noise // { share, se }
 */
export async function varianceShares(
  runner: SensitivityRunner,
  paths: readonly string[],
  trials: number,
  resamples = SENSITIVITY_BOOTSTRAP,
): Promise<Shares> {
  const { seed, plan } = runner;
  const a = await runner.run(plan, trials, { inputs: paths });
  const reseed: Override[] = paths.map((p) => ({ reseed: p, value: seed }));
  const b = await runner.run(runner.with(reseed), trials, { seed: noiseSeed(seed) });
  const y = a.values;
  const bins = binCount(trials);
  const fits = paths.map((p) => new FirstOrder(y, a.evaluation.inputs[p]!, bins));
  const estimate = (w?: Uint32Array): number[] => {
    const first = fits.map((f) => f.share(w));
    const closed = closedShare(y, b.values, w);
    const clipped = first.map((s) => Math.max(0, s));
    return [...clipped, closed, closed - clipped.reduce((s, v) => s + v, 0)];
  };
  const point = estimate();
  // One trial has no spread to resample: every bootstrap replicate is that trial, and an
  // error of 0 would claim a precision the run does not have.
  const se: (number | null)[] =
    trials < MIN_TRIALS_FOR_ERROR
      ? point.map(() => null)
      : bootstrapSe(trials, resamples, streamRng(seed, 'sensitivity', 'bootstrap'), estimate);
  const inputs = new Map<string, Share>();
  paths.forEach((p, k) => {
    inputs.set(p, { share: point[k]!, se: se[k]! });
  });
  const closed = point[paths.length]!;
  const noise = Math.min(1, Math.max(0, 1 - closed));
  const explained = point.slice(0, paths.length).reduce((s, v) => s + v, 0);
  const { mean, sd } = meanSummary(y);
  return {
    inputs,
    noise: { share: noise, se: se[paths.length]! },
    interactions: { share: 1 - noise - explained, se: se[paths.length + 1]! },
    mean,
    sd,
    bins,
  };
}
