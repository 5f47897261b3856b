/**
 * `simulate`: every trial's row of a plan, in trial order — the evaluator's trials for a
 * caller that wants the rows themselves (a trials file, a custom summary).
 */
import type { Model } from '../model/types.js';
import type { RowConsumer } from '../sim/pool.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { prepare } from './evaluator.js';
import { checkOptionNames, checkRunOptions, type OptionNames } from './run-options.js';

export interface SimulateOptions {
  /** First trial (inclusive); default 0. */
  readonly from?: number;
  /** Last trial (exclusive); default model.simulation.trials. */
  readonly to?: number;
  /** Threads, the main thread included; default every core. Small runs stay on the main thread. */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

const SIMULATE_OPTIONS: OptionNames<SimulateOptions> = {
  from: true,
  to: true,
  workers: true,
  onProgress: true,
};

/**
 * Simulates trials [from, to) of `model` (default every trial: `opts` may be left out) and
 * feeds `consume` in trial order, in batches of 250 trials (`rows` holds count × layout.width
 * values; see `buildLayout`).
 * @example await simulate(model, { to: 1000 }, (from, count, rows) => { … });
 */
export async function simulate(
  model: Model,
  opts: SimulateOptions = {},
  consume: RowConsumer,
): Promise<void> {
  checkArgument('simulate', 'model', model, ARG.model);
  checkOptionNames('simulate', opts, SIMULATE_OPTIONS);
  checkArgument('simulate', 'consume', consume, ARG.rowConsumer);
  const from = opts.from ?? 0;
  const to = opts.to ?? model.simulation.trials;
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0)) {
    throw new Error(
      `simulate: expected whole trial numbers 0 ≤ from ≤ to, got from ${from}, to ${to}`,
    );
  }
  checkRunOptions('simulate', opts);
  const ev = prepare(model, opts.workers === undefined ? {} : { workers: opts.workers });
  try {
    await ev.source(model, opts.onProgress)(from, to, consume);
  } finally {
    await ev.close();
  }
}
