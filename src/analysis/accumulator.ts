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
  private readonly scratch: Float64Array;
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
    this.scratch = new Float64Array(columns.count);
    this.kept = new Map(arrays);
    this.keptIds = Int32Array.from(arrays.keys());
    this.keptArrays = [...arrays.values()];
  }

  /** Row consumer for {@link simulate}: rows of `count` trials, width `layoutWidth` each. */
  consume(count: number, rows: Float64Array, layoutWidth: number): void {
    for (let i = 0; i < count; i++) {
      const row = rows.subarray(i * layoutWidth, (i + 1) * layoutWidth);
      this.columns.fill(row, this.scratch);
      this.moments?.push(this.scratch);
      for (let j = 0; j < this.keptIds.length; j++)
        this.keptArrays[j]![this.seen] = this.scratch[this.keptIds[j]!]!;
      this.seen += 1;
    }
  }

  /** Trials consumed. */
  get size(): number {
    return this.seen;
  }
}
