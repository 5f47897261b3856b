/** Worker thread: receives the model once, then simulates batches and transfers the rows back. */
import { parentPort } from 'node:worker_threads';
import type { Model } from '../model/types.js';
import type { DesignBlock } from './design-plan.js';
import { detachEarly } from './detach-early.js';
import { SimulationError } from './errors.js';
import { TrialRunner } from './runner.js';

export type WorkerRequest =
  | { readonly type: 'init'; readonly model: Model }
  | { readonly type: 'design'; readonly block: DesignBlock }
  /** Switch to a plan of the same shape; `block` is its first design block when it has one. */
  | { readonly type: 'model'; readonly model: Model; readonly block: DesignBlock | null }
  | {
      readonly type: 'batch';
      readonly id: number;
      readonly from: number;
      readonly count: number;
      /** A consumed batch's buffer handed back for reuse (transferred), if one is free. */
      readonly rows?: Float64Array<ArrayBuffer>;
    };

export type WorkerReply =
  | { readonly type: 'rows'; readonly id: number; readonly rows: Float64Array<ArrayBuffer> }
  | {
      readonly type: 'error';
      readonly id: number;
      readonly name: string;
      readonly message: string;
      /** A SimulationError's field path ('' otherwise). */
      readonly path: string;
    };

detachEarly();

let runner: TrialRunner | null = null;
let broken: Error | null = null;
const port = parentPort;
if (port) {
  port.on('message', (msg: WorkerRequest) => {
    if (msg.type === 'init') {
      runner = new TrialRunner(msg.model);
      return;
    }
    if (msg.type === 'design') {
      runner?.primeDesign(msg.block);
      return;
    }
    if (msg.type === 'model') {
      // A failure here (a plan of another shape) is reported with the next batch.
      try {
        runner?.setModel(msg.model);
        if (msg.block) runner?.primeDesign(msg.block);
      } catch (e) {
        runner = null;
        broken = e instanceof Error ? e : new Error(String(e));
      }
      return;
    }
    try {
      if (broken) throw broken;
      if (!runner) throw new Error('worker used before init');
      const size = msg.count * runner.layout.width;
      const rows = msg.rows?.length === size ? msg.rows : new Float64Array(size);
      runner.run(msg.from, msg.count, rows);
      const reply: WorkerReply = { type: 'rows', id: msg.id, rows };
      port.postMessage(reply, [rows.buffer]);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const reply: WorkerReply = {
        type: 'error',
        id: msg.id,
        name: err.name,
        message: err.message,
        path: err instanceof SimulationError ? err.path : '',
      };
      port.postMessage(reply);
    }
  });
}
