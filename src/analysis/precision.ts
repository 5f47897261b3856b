/**
 * `simulation.precision`: add trials until the Monte Carlo standard error of mean horizon
 * bookings is below `relative_se` of the mean. Trials are added in batches sized from the
 * current estimate (n′ = n · (se/target)², plus 10%), always continuing the trial index, so
 * the trials used are the same whatever the worker count. Capped at
 * PRECISION_MAX_FACTOR × `simulation.trials` (and MAX_TRIALS); the cap is reported. One trial
 * cannot estimate the standard error (standard-error.ts), so it never meets the target.
 */
import { BATCH_TRIALS, MAX_TRIALS, PRECISION_MAX_FACTOR } from '../defaults.js';
import type { Model } from '../model/types.js';
import { buildLayout } from '../sim/layout.js';
import type { RowConsumer } from '../sim/pool.js';
import type { Logger } from '../util/logger.js';
import { ColumnMoments } from '../util/moments.js';
import { standardError } from './standard-error.js';

export interface PrecisionOutcome {
  readonly target: number;
  readonly achieved: number;
  readonly trials: number;
}

/** Simulates trials [from, to) of a plan and feeds `consume` in trial order. */
export type TrialSource = (from: number, to: number, consume: RowConsumer) => Promise<void>;

/**
 * Finds the number of trials that meets the relative-SE target (see module doc), simulating
 * through `simulate`. `keep`, if given, also receives every simulated row, in trial order
 * from trial 0.
 */
export async function findTrialCount(
  model: Model,
  target: number,
  simulate: TrialSource,
  logger?: Logger,
  keep?: RowConsumer,
): Promise<PrecisionOutcome> {
  const layout = buildLayout(model);
  const T = model.calendar.periods;
  const at = layout.metric.bookings * T;
  const moments = new ColumnMoments(1);
  const one = new Float64Array(1);
  const cap = Math.min(MAX_TRIALS, model.simulation.trials * PRECISION_MAX_FACTOR);
  let done = 0;
  let next = model.simulation.trials;
  let achieved = Number.POSITIVE_INFINITY;
  for (;;) {
    await simulate(done, next, (from, count, rows) => {
      keep?.(from, count, rows);
      for (let i = 0; i < count; i++) {
        let v = 0;
        for (let t = 0; t < T; t++) v += rows[i * layout.width + at + t]!;
        one[0] = v;
        moments.push(one);
      }
    });
    done = next;
    const mean = moments.meanOf(0);
    const se = standardError(moments.sdOf(0), done);
    // An error one trial cannot estimate is not small: keep adding trials.
    achieved =
      se === null
        ? Number.POSITIVE_INFINITY
        : mean > 0
          ? se / mean
          : se === 0
            ? 0
            : Number.POSITIVE_INFINITY;
    if (achieved <= target) break;
    if (done >= cap) {
      logger?.warn(
        `precision: stopped at ${done} trials (the cap) with relative standard error ${achieved.toPrecision(3)}, above the target ${target}`,
      );
      break;
    }
    const needed = Number.isFinite(achieved)
      ? Math.ceil(done * (achieved / target) ** 2 * 1.1)
      : done * 2;
    next = Math.min(
      cap,
      Math.max(done + BATCH_TRIALS, Math.ceil(needed / BATCH_TRIALS) * BATCH_TRIALS),
    );
  }
  return { target, achieved, trials: done };
}
