/**
 * Keeps the rows of trials 0, 1, 2, … as they pass, up to a memory limit, and replays
 * them in the batches a simulation of the same trials would give. The precision search
 * uses it so that the forecast after it does not simulate the same trials again.
 */
import { BATCH_TRIALS } from '../defaults.js';
import type { RowConsumer } from '../sim/pool.js';

/** Rows of trials [from, from + rows.length / width). */
interface Chunk {
  readonly from: number;
  readonly rows: Float64Array;
}

export class RowCache {
  /** Kept rows as they came, one copy per batch: no regrowing and recopying one big array. */
  private chunks: Chunk[] = [];
  private trials = 0;
  private overflowed = false;

  /** @param width values per trial row; @param maxBytes the most memory to hold. */
  constructor(
    private readonly width: number,
    private readonly maxBytes: number,
  ) {}

  /** A row consumer that keeps what passes (trials must arrive in order from 0). */
  readonly keep: RowConsumer = (from, count, rows) => {
    if (this.overflowed) return;
    if (from !== this.trials || (from + count) * this.width * 8 > this.maxBytes) {
      this.drop();
      return;
    }
    this.chunks.push({ from, rows: rows.slice(0, count * this.width) });
    this.trials = from + count;
  };

  /** Whether trials [0, trials) are all held. */
  holds(trials: number): boolean {
    return !this.overflowed && this.trials >= trials;
  }

  /**
   * Feeds trials [0, trials) to `consume` in BATCH_TRIALS batches, as `simulate` would: a
   * view of the kept rows when a batch lies in one chunk, else a copy pieced together.
   */
  replay(trials: number, consume: RowConsumer): void {
    if (!this.holds(trials)) throw new Error(`RowCache: trials 0…${trials - 1} are not all held`);
    const w = this.width;
    const end = (c: Chunk) => c.from + c.rows.length / w;
    let scratch: Float64Array | null = null;
    let first = 0;
    for (let from = 0; from < trials; from += BATCH_TRIALS) {
      const count = Math.min(BATCH_TRIALS, trials - from);
      const to = from + count;
      while (end(this.chunks[first]!) <= from) first++;
      const chunk = this.chunks[first]!;
      if (to <= end(chunk)) {
        consume(from, count, chunk.rows.subarray((from - chunk.from) * w, (to - chunk.from) * w));
        continue;
      }
      scratch ??= new Float64Array(BATCH_TRIALS * w);
      for (let at = from, k = first; at < to; k++) {
        const c = this.chunks[k]!;
        const upto = Math.min(to, end(c));
        scratch.set(c.rows.subarray((at - c.from) * w, (upto - c.from) * w), (at - from) * w);
        at = upto;
      }
      consume(from, count, scratch.subarray(0, count * w));
    }
  }

  /** Frees the memory; nothing is held from now on. */
  drop(): void {
    this.overflowed = true;
    this.chunks = [];
  }
}
