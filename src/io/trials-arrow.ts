/**
 * Per-trial results as an Apache Arrow IPC file (readable by DuckDB, Polars, pandas):
 * one row per trial, a `trial` column, then one Float64 column per series and period
 * (`metrics.bookings@2027-01`) in the engine's row order. Schema metadata records what is
 * needed to summarise the file again without the original scenario file: the scenario
 * text, variant, seed, total trials and the slice this file holds.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import {
  type Data,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  RecordBatchFileWriter,
  RecordBatchReader,
  Schema,
  Struct,
} from 'apache-arrow';
import type { Layout } from '../sim/layout.js';
import { keep, removeOnInterrupt } from '../util/cleanup.js';

/** What a trials file says about where it came from. */
export interface TrialsFileMeta {
  readonly version: string;
  readonly file: string;
  readonly scenario: string;
  readonly variant: string | null;
  /** One-off `--set` edits applied on top of the variant, as [dot path, value] pairs. */
  readonly edits: readonly (readonly [string, unknown])[];
  readonly seed: number;
  /** Trials of the whole run. */
  readonly trials: number;
  /** This file's slice [from, to). */
  readonly from: number;
  readonly to: number;
  /** `K/N` for a shard, or `1/1`. */
  readonly shard: string;
}

const META_KEY = 'salesops';

/** Column names of a layout in row order. */
export function trialColumnNames(layout: Layout, labels: readonly string[]): string[] {
  return layout.series.flatMap((s) => labels.map((l) => `${s.key}@${l}`));
}

/**
 * Streams batches of rows into an Arrow IPC file. Writes go to a temporary sibling that
 * `close` renames into place, so a failed run never leaves a partly written file.
 */
export class TrialsWriter {
  private readonly writer = new RecordBatchFileWriter();
  private readonly schema: Schema;
  private readonly done: Promise<void>;
  private readonly partial: string;
  private wroteBatch = false;

  constructor(
    private readonly path: string,
    private readonly names: readonly string[],
    meta: TrialsFileMeta,
  ) {
    const fields = [
      new Field('trial', new Int32(), false),
      ...names.map((n) => new Field(n, new Float64(), false)),
    ];
    this.schema = new Schema(fields, new Map([[META_KEY, JSON.stringify(meta)]]));
    this.partial = `${path}.partial-${process.pid}`;
    removeOnInterrupt(this.partial);
    const out = createWriteStream(this.partial);
    this.writer.pipe(out);
    this.done = finished(out);
    // A write error (disk full, folder gone) surfaces from close(); until then it is held
    // here instead of crashing the process as an unhandled rejection.
    this.done.catch(() => {});
  }

  /** Appends `count` trials starting at `from` (row-major rows of names.length values). */
  write(from: number, count: number, rows: Float64Array): void {
    const w = this.names.length;
    const children: Data[] = [
      makeData({
        type: new Int32(),
        length: count,
        data: Int32Array.from({ length: count }, (_, i) => from + i),
      }),
    ];
    for (let j = 0; j < w; j++) {
      const col = new Float64Array(count);
      for (let i = 0; i < count; i++) col[i] = rows[i * w + j]!;
      children.push(makeData({ type: new Float64(), length: count, data: col }));
    }
    const data = makeData({ type: new Struct(this.schema.fields), length: count, children });
    this.writer.write(new RecordBatch(this.schema, data));
    this.wroteBatch = true;
  }

  /**
   * Finishes the file and moves it into place. A file without trials (a shard of a run with
   * fewer trials than shards) still gets its schema and metadata, from one empty batch.
   */
  async close(): Promise<void> {
    if (!this.wroteBatch) this.write(0, 0, new Float64Array(0));
    this.writer.finish();
    await this.done;
    await rename(this.partial, this.path);
    keep(this.partial);
  }

  /** Stops writing and removes the temporary file. */
  async abort(): Promise<void> {
    this.writer.finish();
    await this.done.catch(() => {});
    await rm(this.partial, { force: true });
    keep(this.partial);
  }
}

/**
 * Reads a trials file's metadata and column names.
 * @throws Error whose message says, for a user, what is wrong with the file.
 */
export async function readTrialsMeta(
  path: string,
): Promise<{ meta: TrialsFileMeta; names: string[] }> {
  await stat(path).catch(() => {
    throw new Error('no such file');
  });
  let schema: Schema | null = null;
  try {
    const reader = await RecordBatchReader.from(createReadStream(path));
    await reader.open();
    schema = reader.schema ?? null;
    await reader.cancel();
  } catch {
    // apache-arrow's own errors on a damaged file say nothing useful to a user.
  }
  if (!schema) {
    throw new Error(
      'not a readable salesops trials file (empty, cut short, or not an Arrow IPC file)',
    );
  }
  const raw = schema.metadata.get(META_KEY);
  if (raw === undefined) {
    throw new Error(`not a salesops trials file (an Arrow file without ${META_KEY} metadata)`);
  }
  let meta: TrialsFileMeta;
  try {
    const parsed = JSON.parse(raw) as Partial<TrialsFileMeta>;
    meta = { ...(parsed as TrialsFileMeta), edits: parsed.edits ?? [] };
  } catch {
    throw new Error(`not a readable salesops trials file (its ${META_KEY} metadata is damaged)`);
  }
  return { meta, names: schema.fields.slice(1).map((f) => f.name) };
}

/** Replays the rows of a trials file in order: consume(from, count, rows). */
export async function readTrialRows(
  path: string,
  width: number,
  consume: (from: number, count: number, rows: Float64Array) => void,
): Promise<void> {
  const reader = await RecordBatchReader.from(createReadStream(path));
  for await (const batch of reader) {
    const count = batch.numRows;
    if (count === 0) continue;
    const trial = batch.getChildAt(0)!.toArray() as Int32Array;
    const rows = new Float64Array(count * width);
    for (let j = 0; j < width; j++) {
      const col = batch.getChildAt(j + 1)!.toArray() as Float64Array;
      for (let i = 0; i < count; i++) rows[i * width + j] = col[i]!;
    }
    consume(trial[0]!, count, rows);
  }
}
