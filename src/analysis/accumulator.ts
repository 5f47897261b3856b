/**
 * Consumes trial rows in trial order: streaming moments of every column (optional) and
 * the raw values of a chosen set of columns, for exact quantiles and probabilities.
 * Memory is bounded by the caller choosing how many columns to keep per pass.
 */
import { ColumnMoments } from '../util/moments.js';
import type { Columns } from './columns.js';

export class Accumulator {
  readonly moments: ColumnMoments | null;
  /** Kept values per stored column, in trial order. */
  readonly kept: Map<number, Float64Array | Float32Array>;
  /** A batch's columns, row-major (grown to the largest batch seen). */
  private block = new Float64Array(0);
  private readonly keptIds: Int32Array;
  private readonly keptArrays: (Float64Array | Float32Array)[];
  private seen = 0;

  /**
   * @param keep columns whose values are kept, in `arrays` (one array of `trials` values each,
   *   typically views into one buffer reused across passes).
   */
  constructor(
    private readonly columns: Columns,
    arrays: ReadonlyMap<number, Float64Array | Float32Array>,
    withMoments: boolean,
  ) {
    this.moments = withMoments ? new ColumnMoments(columns.count) : null;
    this.kept = new Map(arrays);
    this.keptIds = Int32Array.from(arrays.keys());
    this.keptArrays = [...arrays.values()];
  }

  /** Row consumer for {@link simulate}: rows of `count` trials, one layout row each. */
  consume(count: number, rows: Float64Array): void {
    const C = this.columns.count;
    if (this.block.length < count * C) this.block = new Float64Array(count * C);
    const block = this.block;
    // A whole batch at a time, column by column: each column's sums stay in registers and
    // its kept values are written in sequence, not scattered across every array per trial.
    this.columns.fillRows(rows, count, block);
    this.moments?.pushRows(block, count);
    const at = this.seen;
    for (let k = 0; k < this.keptIds.length; k++) {
      const out = this.keptArrays[k]!;
      const j = this.keptIds[k]!;
      for (let i = 0; i < count; i++) out[at + i] = block[i * C + j]!;
    }
    this.seen += count;
  }

  /** Trials consumed. */
  get size(): number {
    return this.seen;
  }
}
