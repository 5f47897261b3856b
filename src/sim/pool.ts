/**
 * A pool of `size` simulating threads for one model: the main thread plus size − 1
 * worker threads. Workers take tasks as they free up; between its own tasks the main
 * thread hands finished rows to the consumer in batches of BATCH_TRIALS, strictly in trial
 * order. A task is a whole batch, or a part of one where a whole batch would leave a thread
 * waiting (a short run, the end of a run: see {@link taskPlan}); the consumer sees the same
 * batches either way, so results do not depend on the thread count. Working on the
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

/** Fewest trials in a task: below this the per-task messages outweigh the sharing. */
const MIN_TASK_TRIALS = 25;
/** Tasks per thread a run should have, so that all threads finish at about the same time. */
const TASKS_PER_THREAD = 4;
/** Most buffers kept for reuse (a 250-trial B2B batch is 1.5 MB). */
const FREE_BUFFERS = 16;

/** A unit of work: trials [from, from + count), all in batch `batch` of its run. */
export interface Task {
  readonly from: number;
  readonly count: number;
  readonly batch: number;
}

/**
 * The tasks of a run of `batches` on `threads` threads: one per batch, except
 *  - in a run of few batches (allocation and sensitivity runs are often 300–1,000 trials, one
 *    to four batches), each batch is split into equal parts, so that the run has about
 *    TASKS_PER_THREAD tasks per thread: otherwise one thread simulates a whole 250-trial
 *    batch while the others wait;
 *  - the last 2 batches per thread are split in TASKS_PER_THREAD parts, so that at the end
 *    of a run no thread waits long for another's last task.
 * No task is smaller than MIN_TASK_TRIALS; one thread gets one task per batch.
 * @example taskPlan([{ from: 0, count: 250 }, { from: 250, count: 250 }], 2) // 8 tasks of 62–63
 */
export function taskPlan(
  batches: readonly { readonly from: number; readonly count: number }[],
  threads: number,
): Task[] {
  const few = Math.ceil((TASKS_PER_THREAD * threads) / batches.length);
  const tail = batches.length - 2 * threads;
  const tasks: Task[] = [];
  batches.forEach((b, batch) => {
    const parts = threads === 1 ? 1 : Math.max(few, batch >= tail ? TASKS_PER_THREAD : 1);
    const k = Math.max(1, Math.min(parts, Math.floor(b.count / MIN_TASK_TRIALS)));
    for (let i = 0; i < k; i++) {
      const from = b.from + Math.floor((i * b.count) / k);
      const to = b.from + Math.floor(((i + 1) * b.count) / k);
      tasks.push({ from, count: to - from, batch });
    }
  });
  return tasks;
}

/** A batch whose tasks are still coming in: its rows, and how many tasks it still awaits. */
interface Assembly {
  readonly rows: Float64Array<ArrayBuffer>;
  awaiting: number;
}

interface RunState {
  readonly batches: readonly { readonly from: number; readonly count: number }[];
  readonly tasks: readonly Task[];
  /** Per batch: the number of tasks it is split into. */
  readonly parts: Int32Array;
  readonly assembling: Map<number, Assembly>;
  readonly done: Map<number, Float64Array<ArrayBuffer>>;
  /** The next task to hand out. */
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
  /**
   * Buffers of consumed batches and assembled tasks, reused for new ones (saves ~50 MB of
   * garbage per 10k B2B trials); at most FREE_BUFFERS, the oldest dropped first.
   */
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
    const tasks = taskPlan(batches, this.size);
    const parts = new Int32Array(batches.length);
    for (const t of tasks) parts[t.batch]! += 1;
    const finished = new Promise<void>((resolve, reject) => {
      this.run = {
        batches,
        tasks,
        parts,
        assembling: new Map(),
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

  /** The main thread's share: takes the next task whenever it is free, until none is left. */
  private async workLocally(): Promise<void> {
    for (;;) {
      const run = this.run;
      if (!run || run.next >= run.tasks.length) return;
      const id = run.next;
      const task = run.tasks[id]!;
      run.next += 1;
      const rows = this.buffer(task.count * this.local.layout.width);
      try {
        this.local.run(task.from, task.count, rows);
      } catch (e) {
        this.fail(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      this.accept(id, rows);
      // Let the workers' finished tasks in before taking the next one.
      await new Promise<void>((r) => setImmediate(r));
    }
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(w: Worker): void {
    const run = this.run;
    if (!run || run.next >= run.tasks.length) return;
    const task = run.tasks[run.next]!;
    const rows = this.takeFree(task.count * this.local.layout.width);
    const req: WorkerRequest = {
      type: 'batch',
      id: run.next,
      from: task.from,
      count: task.count,
      ...(rows ? { rows } : {}),
    };
    run.next += 1;
    w.postMessage(req, rows ? [rows.buffer as ArrayBuffer] : []);
  }

  /** A free buffer of exactly `size` values, or a new one. */
  private buffer(size: number): Float64Array<ArrayBuffer> {
    return this.takeFree(size) ?? new Float64Array(size);
  }

  /** Takes a free buffer of exactly `size` values off the free list, if there is one. */
  private takeFree(size: number): Float64Array<ArrayBuffer> | undefined {
    const at = this.free.findLastIndex((r) => r.length === size);
    return at >= 0 ? this.free.splice(at, 1)[0]! : undefined;
  }

  /** Puts a buffer the pool is done with on the free list (see {@link free}). */
  private release(rows: Float64Array<ArrayBuffer>): void {
    this.free.push(rows);
    if (this.free.length > FREE_BUFFERS) this.free.shift();
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

  /**
   * Stores a finished task (into its batch, when the batch is split) and hands every batch
   * now complete and in order to the consumer.
   */
  private accept(id: number, rows: Float64Array<ArrayBuffer>): void {
    const run = this.run;
    if (!run) return;
    const task = run.tasks[id]!;
    if (run.parts[task.batch] === 1) run.done.set(task.batch, rows);
    else {
      const b = run.batches[task.batch]!;
      const width = this.local.layout.width;
      let a = run.assembling.get(task.batch);
      if (a === undefined) {
        a = { rows: this.buffer(b.count * width), awaiting: run.parts[task.batch]! };
        run.assembling.set(task.batch, a);
      }
      a.rows.set(rows, (task.from - b.from) * width);
      this.release(rows);
      a.awaiting -= 1;
      if (a.awaiting === 0) {
        run.assembling.delete(task.batch);
        run.done.set(task.batch, a.rows);
      }
    }
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
      this.release(ready);
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
