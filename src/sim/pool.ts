/**
 * A pool of `size` simulating threads for one model: the main thread plus size − 1
 * worker threads. Workers take batches as they free up; between its own batches the main
 * thread hands finished rows to the consumer, strictly in trial order. Working on the
 * main thread too saves one thread start, and the main thread runs at full speed while
 * fresh workers are still compiling the kernel (measured: the first batch on a new worker
 * takes ~6 times as long as later ones). One pool serves every simulation of an analysis
 * (the precision search, the summary passes), so threads start and warm up once.
 */
import { Worker } from 'node:worker_threads';
import { BATCH_TRIALS } from '../defaults.js';
import type { Model } from '../model/types.js';
import { detachEarly } from './detach-early.js';
import { SimulationError } from './errors.js';
import { TrialRunner } from './runner.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

/**
 * Receives `count` consecutive trials starting at `from`, as count × width values. `rows`
 * is only valid during the call (its buffer is reused for a later batch): copy what you keep.
 */
export type RowConsumer = (from: number, count: number, rows: Float64Array) => void;

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

interface RunState {
  readonly batches: readonly { readonly from: number; readonly count: number }[];
  readonly done: Map<number, Float64Array<ArrayBuffer>>;
  next: number;
  emitted: number;
  readonly consume: RowConsumer;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
  readonly start: number;
  readonly total: number;
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

export class SimPool {
  private readonly workers: Worker[];
  private readonly local: TrialRunner;
  private run: RunState | null = null;
  private broken: Error | null = null;
  /** Buffers of consumed batches, reused for new ones (saves ~50 MB of garbage per 10k B2B trials). */
  private readonly free: Float64Array<ArrayBuffer>[] = [];

  /** The main thread and `size − 1` workers, all holding `model`. */
  constructor(model: Model, size: number) {
    if (!(Number.isInteger(size) && size >= 1)) {
      throw new Error(`SimPool: expected a whole number of threads ≥ 1, got ${size}`);
    }
    detachEarly();
    this.local = new TrialRunner(model);
    this.workers = Array.from({ length: size - 1 }, startWorker);
    for (const w of this.workers) {
      // Idle workers do not keep the process alive: a script that forgets close() still
      // exits when it is done. They are held (ref) only while a run is in progress.
      w.unref();
      w.on('error', (e) => this.fail(e));
      w.on('message', (msg: WorkerReply) => this.receive(w, msg));
      const init: WorkerRequest = { type: 'init', model };
      w.postMessage(init);
    }
    // The design (stratified and correlated inputs) is built once, here, while the workers
    // start: each would otherwise spend ~20 ms of its cold start building the same one.
    const block = this.workers.length > 0 ? this.local.firstDesignBlock() : null;
    if (block) {
      const design: WorkerRequest = { type: 'design', block };
      for (const w of this.workers) w.postMessage(design);
    }
  }

  /**
   * Switches every thread to `model`, a plan of the same shape as the pool's (other values,
   * spend, seed or trial count; see {@link TrialRunner.setModel}). Threads keep their warm
   * kernel; the design block is built once, here, when it changed. Not during a run.
   */
  setModel(model: Model): void {
    if (this.run) throw new Error('SimPool.setModel: a run is in progress');
    const before = this.local.designKey;
    this.local.setModel(model);
    const block =
      this.workers.length > 0 && this.local.designKey !== before
        ? this.local.firstDesignBlock()
        : null;
    const msg: WorkerRequest = { type: 'model', model, block };
    for (const w of this.workers) w.postMessage(msg);
  }

  /** Simulating threads, the main thread included. */
  get size(): number {
    return this.workers.length + 1;
  }

  /** Simulates trials [from, to) and feeds `consume` in trial order. One run at a time. */
  simulate(
    from: number,
    to: number,
    consume: RowConsumer,
    onProgress?: (done: number, total: number) => void,
  ): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.run)
      return Promise.reject(new Error('SimPool.simulate: a run is already in progress'));
    const batches: { from: number; count: number }[] = [];
    for (let s = from; s < to; s += BATCH_TRIALS)
      batches.push({ from: s, count: Math.min(BATCH_TRIALS, to - s) });
    if (batches.length === 0) return Promise.resolve();
    const finished = new Promise<void>((resolve, reject) => {
      this.run = {
        batches,
        done: new Map(),
        next: 0,
        emitted: 0,
        consume,
        onProgress,
        start: from,
        total: to - from,
        resolve,
        reject,
      };
    });
    // Marks the rejection handled now; callers still see it through the chain below.
    finished.catch(() => {});
    for (const w of this.workers) w.ref();
    // Two batches in flight per worker keep it busy while the main thread works.
    for (const w of this.workers) {
      this.dispatch(w);
      this.dispatch(w);
    }
    return this.workLocally().then(() => finished);
  }

  /** The main thread's share: takes the next batch whenever it is free, until none is left. */
  private async workLocally(): Promise<void> {
    for (;;) {
      const run = this.run;
      if (!run || run.next >= run.batches.length) return;
      const id = run.next;
      const b = run.batches[id]!;
      run.next += 1;
      const rows = this.buffer(b.count * this.local.layout.width);
      try {
        this.local.run(b.from, b.count, rows);
      } catch (e) {
        this.fail(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      this.accept(id, rows);
      // Let the workers' finished batches in before taking the next one.
      await new Promise<void>((r) => setImmediate(r));
    }
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(w: Worker): void {
    const run = this.run;
    if (!run || run.next >= run.batches.length) return;
    const b = run.batches[run.next]!;
    const rows = this.free.pop();
    const req: WorkerRequest = {
      type: 'batch',
      id: run.next,
      from: b.from,
      count: b.count,
      ...(rows ? { rows } : {}),
    };
    run.next += 1;
    w.postMessage(req, rows ? [rows.buffer as ArrayBuffer] : []);
  }

  /** A free buffer of exactly `size` values, or a new one. */
  private buffer(size: number): Float64Array<ArrayBuffer> {
    const at = this.free.findIndex((r) => r.length === size);
    return at >= 0 ? this.free.splice(at, 1)[0]! : new Float64Array(size);
  }

  private receive(w: Worker, msg: WorkerReply): void {
    if (!this.run) return;
    if (msg.type === 'error') {
      this.fail(
        msg.name === 'SimulationError'
          ? new SimulationError(msg.message, msg.path)
          : new Error(msg.message),
      );
      return;
    }
    this.accept(msg.id, msg.rows);
    this.dispatch(w);
  }

  /** Stores a finished batch and hands every batch now in order to the consumer. */
  private accept(id: number, rows: Float64Array<ArrayBuffer>): void {
    const run = this.run;
    if (!run) return;
    run.done.set(id, rows);
    while (run.done.has(run.emitted)) {
      const ready = run.done.get(run.emitted)!;
      run.done.delete(run.emitted);
      const b = run.batches[run.emitted]!;
      try {
        run.consume(b.from, b.count, ready);
      } catch (e) {
        this.fail(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      run.emitted += 1;
      this.free.push(ready);
      run.onProgress?.(b.from + b.count - run.start, run.total);
    }
    if (run.emitted === run.batches.length) {
      this.run = null;
      this.idle();
      run.resolve();
    }
  }

  private fail(e: Error): void {
    this.broken = e;
    const run = this.run;
    this.run = null;
    this.idle();
    run?.reject(e);
  }

  /** Between runs the workers wait unreferenced (see the constructor). */
  private idle(): void {
    for (const w of this.workers) w.unref();
  }
}
