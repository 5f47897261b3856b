/**
 * Runs a range of trials on worker threads (or in-process) and hands the rows to a
 * consumer strictly in trial order, in fixed batches of BATCH_TRIALS. Because batch
 * boundaries and per-trial streams do not depend on the worker count, neither does any
 * number computed from the rows.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BATCH_TRIALS } from '../defaults.js';
import type { Model } from '../model/types.js';
import { SimulationError } from './errors.js';
import { TrialRunner } from './runner.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

/** Receives `count` consecutive trials starting at `from`, as count × width values. */
export type RowConsumer = (from: number, count: number, rows: Float64Array) => void;

export interface SimulateOptions {
  /** First trial (inclusive); default 0. */
  readonly from?: number;
  /** Last trial (exclusive); default model.simulation.trials. */
  readonly to?: number;
  /** Worker threads; default all cores; 1 runs in-process. Small runs always run in-process. */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Below this many trial-periods, starting threads costs more than it saves. */
const IN_PROCESS_LIMIT = 60_000;

/** Default worker count: every core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Simulates trials [from, to) and feeds `consume` in trial order. */
export async function simulate(
  model: Model,
  opts: SimulateOptions,
  consume: RowConsumer,
): Promise<void> {
  const from = opts.from ?? 0;
  const to = opts.to ?? model.simulation.trials;
  const workers = Math.max(1, Math.floor(opts.workers ?? defaultWorkers()));
  const total = to - from;
  if (total <= 0) return;
  if (workers === 1 || total * model.calendar.periods < IN_PROCESS_LIMIT) {
    simulateInProcess(model, from, to, consume, opts.onProgress);
    return;
  }
  await simulateOnWorkers(
    model,
    from,
    to,
    Math.min(workers, Math.ceil(total / BATCH_TRIALS)),
    consume,
    opts.onProgress,
  );
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

/**
 * Starts a worker running worker.js next to this module. Under vitest or tsx this module
 * is TypeScript: the worker then registers tsx's loader before importing worker.ts.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const target = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  // Resolve tsx from here: an eval worker would resolve it from the working folder.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const boot = `import(${tsx}).then((m) => { m.register(); return import(${target}); });`;
  return new Worker(boot, { eval: true });
}

async function simulateOnWorkers(
  model: Model,
  from: number,
  to: number,
  nWorkers: number,
  consume: RowConsumer,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const pool = Array.from({ length: nWorkers }, startWorker);
  const batches: { from: number; count: number }[] = [];
  for (let start = from; start < to; start += BATCH_TRIALS)
    batches.push({ from: start, count: Math.min(BATCH_TRIALS, to - start) });
  const done = new Map<number, Float64Array>();
  let next = 0;
  let emitted = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (e: Error) => {
        if (!failed) {
          failed = true;
          reject(e);
        }
      };
      const dispatch = (w: Worker) => {
        if (next >= batches.length) return;
        const b = batches[next]!;
        const req: WorkerRequest = { type: 'batch', id: next, from: b.from, count: b.count };
        next += 1;
        w.postMessage(req);
      };
      for (const w of pool) {
        w.on('error', fail);
        w.on('message', (msg: WorkerReply) => {
          if (failed) return;
          if (msg.type === 'error') {
            fail(
              msg.name === 'SimulationError'
                ? new SimulationError(msg.message)
                : new Error(msg.message),
            );
            return;
          }
          done.set(msg.id, msg.rows);
          while (done.has(emitted)) {
            const rows = done.get(emitted)!;
            done.delete(emitted);
            const b = batches[emitted]!;
            consume(b.from, b.count, rows);
            emitted += 1;
            onProgress?.(b.from + b.count - from, to - from);
          }
          if (emitted === batches.length) resolve();
          else dispatch(w);
        });
        const init: WorkerRequest = { type: 'init', model };
        w.postMessage(init);
        // Two batches in flight per worker keep it busy while the main thread consumes.
        dispatch(w);
        dispatch(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
