/**
 * Runs a range of trials on worker threads (or in-process) and hands the rows to a
 * consumer strictly in trial order, in fixed batches of BATCH_TRIALS. Because batch
 * boundaries and per-trial streams do not depend on the worker count, neither does any
 * number computed from the rows.
 */
import { availableParallelism } from 'node:os';
import { BATCH_TRIALS } from '../defaults.js';
import type { Model } from '../model/types.js';
import { type RowConsumer, SimPool } from './pool.js';
import { TrialRunner } from './runner.js';

export type { RowConsumer } from './pool.js';

export interface SimulateOptions {
  /** First trial (inclusive); default 0. */
  readonly from?: number;
  /** Last trial (exclusive); default model.simulation.trials. */
  readonly to?: number;
  /** Worker threads; default all cores; 1 runs in-process. Small runs always run in-process. */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Threads already holding this model (see {@link poolFor}); used instead of starting new ones. */
  readonly pool?: SimPool | null;
}

/** Below this many trial-periods, starting threads costs more than it saves. */
const IN_PROCESS_LIMIT = 60_000;

/** Default worker count: every core. */
function defaultWorkers(): number {
  return availableParallelism();
}

/** The worker count to use: `requested` (a whole number ≥ 1) or every core. */
function workerCount(requested: number | undefined): number {
  const n = requested ?? defaultWorkers();
  if (!(Number.isInteger(n) && n >= 1))
    throw new Error(`simulate: expected a whole number of workers ≥ 1, got ${n}`);
  return n;
}

/** Simulates trials [from, to) and feeds `consume` in trial order. */
export async function simulate(
  model: Model,
  opts: SimulateOptions,
  consume: RowConsumer,
): Promise<void> {
  const from = opts.from ?? 0;
  const to = opts.to ?? model.simulation.trials;
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0)) {
    throw new Error(
      `simulate: expected whole trial numbers 0 ≤ from ≤ to, got from ${from}, to ${to}`,
    );
  }
  const workers = workerCount(opts.workers);
  const total = to - from;
  if (total <= 0) return;
  if (workers === 1 || total * model.calendar.periods < IN_PROCESS_LIMIT) {
    simulateInProcess(model, from, to, consume, opts.onProgress);
    return;
  }
  if (opts.pool) {
    await opts.pool.simulate(from, to, consume, opts.onProgress);
    return;
  }
  const pool = new SimPool(model, Math.min(workers, Math.ceil(total / BATCH_TRIALS)));
  try {
    await pool.simulate(from, to, consume, opts.onProgress);
  } finally {
    await pool.close();
  }
}

/**
 * A worker pool for `model` when a run of `trials` trials is worth threads with `workers`
 * requested (default all cores), or null to run in-process. Close it when done.
 */
export function poolFor(model: Model, trials: number, workers?: number): SimPool | null {
  const n = workerCount(workers);
  if (n === 1 || trials * model.calendar.periods < IN_PROCESS_LIMIT) return null;
  return new SimPool(model, Math.min(n, Math.ceil(trials / BATCH_TRIALS)));
}

function simulateInProcess(
  model: Model,
  from: number,
  to: number,
  consume: RowConsumer,
  onProgress?: (done: number, total: number) => void,
): void {
  const runner = new TrialRunner(model);
  const rows = new Float64Array(Math.min(BATCH_TRIALS, to - from) * runner.layout.width);
  for (let start = from; start < to; start += BATCH_TRIALS) {
    const count = Math.min(BATCH_TRIALS, to - start);
    const view = rows.subarray(0, count * runner.layout.width);
    runner.run(start, count, view);
    consume(start, count, view);
    onProgress?.(start + count - from, to - from);
  }
}
