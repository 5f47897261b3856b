/**
 * Keeps the rows of trials 0, 1, 2, … as they pass, up to a memory limit, and replays
 * them in the batches a simulation of the same trials would give. The precision search
 * uses it so that the forecast after it does not simulate the same trials again.
 */
import { BATCH_TRIALS } from '../defaults.js';
import type { RowConsumer } from '../sim/driver.js';

export class RowCache {
  private rows: Float64Array;
  private trials = 0;
  private overflowed = false;

  /** @param width values per trial row; @param maxBytes the most memory to hold. */
  constructor(
    private readonly width: number,
    private readonly maxBytes: number,
  ) {
    this.rows = new Float64Array(0);
  }

  /** A row consumer that keeps what passes (trials must arrive in order from 0). */
  readonly keep: RowConsumer = (from, count, rows) => {
    if (this.overflowed) return;
    if (from !== this.trials || (from + count) * this.width * 8 > this.maxBytes) {
      this.drop();
      return;
    }
    const need = (from + count) * this.width;
    if (need > this.rows.length) {
      const grown = new Float64Array(
        Math.min(Math.max(need, 2 * this.rows.length), Math.floor(this.maxBytes / 8)),
      );
      grown.set(this.rows.subarray(0, this.trials * this.width));
      this.rows = grown;
    }
    this.rows.set(rows.subarray(0, count * this.width), from * this.width);
    this.trials = from + count;
  };

  /** Whether trials [0, trials) are all held. */
  holds(trials: number): boolean {
    return !this.overflowed && this.trials >= trials;
  }

  /** Feeds trials [0, trials) to `consume` in BATCH_TRIALS batches, as `simulate` would. */
  replay(trials: number, consume: RowConsumer): void {
    if (!this.holds(trials)) throw new Error(`RowCache: trials 0…${trials - 1} are not all held`);
    for (let from = 0; from < trials; from += BATCH_TRIALS) {
      const count = Math.min(BATCH_TRIALS, trials - from);
      consume(from, count, this.rows.subarray(from * this.width, (from + count) * this.width));
    }
  }

  /** Frees the memory; nothing is held from now on. */
  drop(): void {
    this.overflowed = true;
    this.rows = new Float64Array(0);
  }
}
