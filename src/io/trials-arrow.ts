/**
 * Per-trial results as an Apache Arrow IPC file (readable by DuckDB, Polars, pandas):
 * one row per trial, a `trial` column, then one Float64 column per series and period
 * (`metrics.bookings@2027-01`) in the engine's row order. Schema metadata records what is
 * needed to summarise the file again without the original scenario file: the scenario
 * text, variant, seed, total trials and the slice this file holds.
 */
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import {
  AsyncByteQueue,
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
import { cannotWrite } from '../util/output-paths.js';

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

/** Bytes of trial values gathered into one record batch (fewer, larger batches: less metadata per value). */
const BATCH_BYTES = 32 * 2 ** 20;
/** Bytes the file sink gathers before it writes them out in one system call. */
const FLUSH_BYTES = 16 * 2 ** 20;

/** What the Arrow writer hands its sink (the parameter type of `AsyncByteQueue.write`). */
type SinkChunk = Parameters<AsyncByteQueue['write']>[0];

/**
 * The Arrow writer's byte sink, writing straight to a file descriptor: chunks are gathered
 * and written synchronously once {@link FLUSH_BYTES} have come. Arrow's own route to a file
 * (its writer piped into a Node stream) moves every buffer of every column through an async
 * queue and a stream, one chunk at a time, which made `--trials-out` cost more than the
 * simulation (50,000 B2B trials: 40 s for 265 MB).
 */
class FileSink extends AsyncByteQueue {
  private chunks: Uint8Array[] = [];
  private bytes = 0;

  constructor(private readonly fd: number) {
    super();
  }

  override write(value: SinkChunk): void {
    const chunk = toBytes(value);
    if (chunk.byteLength === 0) return;
    this.chunks.push(chunk);
    this.bytes += chunk.byteLength;
    if (this.bytes >= FLUSH_BYTES) this.flush();
  }

  /** Writes what was gathered. */
  flush(): void {
    if (this.chunks.length === 0) return;
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.bytes);
    let off = 0;
    while (off < all.byteLength) off += writeSync(this.fd, all, off, all.byteLength - off);
    this.chunks = [];
    this.bytes = 0;
  }

  override close(): void {
    this.flush();
  }

  override abort(): void {
    this.chunks = [];
    this.bytes = 0;
  }
}

/** A chunk the Arrow writer hands to its sink, as bytes. */
function toBytes(value: SinkChunk): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new Error('TrialsWriter: unexpected chunk from the Arrow writer');
}

/**
 * Writes per-trial rows into an Arrow IPC file. Rows are gathered into record batches of
 * about {@link BATCH_BYTES} and written through a synchronous file sink; everything goes to
 * a temporary sibling that `close` renames into place, so a failed run never leaves a partly
 * written file.
 */
export class TrialsWriter {
  private readonly fd: number;
  private readonly sink: FileSink;
  private readonly writer: RecordBatchFileWriter;
  private readonly schema: Schema;
  private readonly partial: string;
  /** Trials per record batch, and the batch being filled: one column per name, plus `trial`. */
  private readonly capacity: number;
  private readonly columns: Float64Array[];
  private readonly trials: Int32Array;
  private filled = 0;
  private wroteBatch = false;
  private closed = false;

  /** `batchTrials`: trials per record batch (default: as many as fill about 32 MiB). */
  constructor(
    private readonly path: string,
    private readonly names: readonly string[],
    meta: TrialsFileMeta,
    opts: { readonly batchTrials?: number } = {},
  ) {
    const fields = [
      new Field('trial', new Int32(), false),
      ...names.map((n) => new Field(n, new Float64(), false)),
    ];
    this.schema = new Schema(fields, new Map([[META_KEY, JSON.stringify(meta)]]));
    this.capacity = Math.max(
      1,
      opts.batchTrials ?? Math.floor(BATCH_BYTES / (8 * Math.max(1, names.length))),
    );
    this.columns = names.map(() => new Float64Array(this.capacity));
    this.trials = new Int32Array(this.capacity);
    this.partial = `${path}.partial-${process.pid}`;
    removeOnInterrupt(this.partial);
    this.fd = openSync(this.partial, 'w');
    this.sink = new FileSink(this.fd);
    this.writer = new RecordBatchFileWriter();
    this.writer.reset(this.sink, this.schema);
  }

  /** Appends `count` trials starting at `from` (row-major rows of names.length values). */
  write(from: number, count: number, rows: Float64Array): void {
    const w = this.names.length;
    let i = 0;
    while (i < count) {
      const n = Math.min(count - i, this.capacity - this.filled);
      for (let j = 0; j < w; j++) {
        const col = this.columns[j]!;
        for (let k = 0; k < n; k++) col[this.filled + k] = rows[(i + k) * w + j]!;
      }
      for (let k = 0; k < n; k++) this.trials[this.filled + k] = from + i + k;
      this.filled += n;
      i += n;
      if (this.filled === this.capacity) this.writeBatch();
    }
  }

  /** Writes the gathered trials as one record batch. */
  private writeBatch(): void {
    const count = this.filled;
    const children: Data[] = [
      makeData({ type: new Int32(), length: count, data: this.trials.subarray(0, count) }),
      ...this.columns.map((col) =>
        makeData({ type: new Float64(), length: count, data: col.subarray(0, count) }),
      ),
    ];
    const data = makeData({ type: new Struct(this.schema.fields), length: count, children });
    try {
      this.writer.write(new RecordBatch(this.schema, data));
      // The sink keeps views of the column buffers until it flushes: write them out now,
      // before the next batch reuses them.
      this.sink.flush();
    } catch (e) {
      throw cannotWrite(this.path, e);
    }
    this.filled = 0;
    this.wroteBatch = true;
  }

  /**
   * Finishes the file and moves it into place. A file without trials (a shard of a run with
   * fewer trials than shards) still gets its schema and metadata, from one empty batch.
   */
  async close(): Promise<void> {
    if (this.filled > 0 || !this.wroteBatch) this.writeBatch();
    try {
      this.writer.finish();
      this.sink.flush();
      this.closed = true;
      closeSync(this.fd);
      await rename(this.partial, this.path);
    } catch (e) {
      throw cannotWrite(this.path, e);
    }
    keep(this.partial);
  }

  /** Stops writing and removes the temporary file. */
  async abort(): Promise<void> {
    this.sink.abort();
    if (!this.closed) {
      this.closed = true;
      closeSync(this.fd);
    }
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
