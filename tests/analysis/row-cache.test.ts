import { describe, expect, it } from 'vitest';
import { RowCache } from '../../src/analysis/row-cache.js';
import { BATCH_TRIALS } from '../../src/defaults.js';

/** Rows of `count` trials from `from`, width 3: trial i's row is [i, i + 0.5, −i]. */
function rowsOf(from: number, count: number): Float64Array {
  return Float64Array.from({ length: count * 3 }, (_, k) => {
    const i = from + Math.floor(k / 3);
    return [i, i + 0.5, -i][k % 3]!;
  });
}

describe('RowCache', () => {
  it('replays what it kept in the batches a simulation of those trials would give', () => {
    const cache = new RowCache(3, 1e6);
    // Kept in uneven pieces, as the precision search's ranges come.
    for (const [from, count] of [
      [0, 250],
      [250, 130],
      [380, 400],
    ] as const)
      cache.keep(from, count, rowsOf(from, count));
    expect(cache.holds(780)).toBe(true);
    expect(cache.holds(781)).toBe(false);
    const seen: [number, number][] = [];
    cache.replay(700, (from, count, rows) => {
      seen.push([from, count]);
      expect(Array.from(rows)).toEqual(Array.from(rowsOf(from, count)));
    });
    expect(seen).toEqual([
      [0, BATCH_TRIALS],
      [250, BATCH_TRIALS],
      [500, 200],
    ]);
  });

  it('pieces a batch together from as many kept pieces as it spans', () => {
    const cache = new RowCache(3, 1e6);
    for (let from = 0; from < 600; from += 60) cache.keep(from, 60, rowsOf(from, 60));
    const seen: number[] = [];
    cache.replay(600, (from, count, rows) => {
      seen.push(from);
      expect(Array.from(rows)).toEqual(Array.from(rowsOf(from, count)));
    });
    expect(seen).toEqual([0, 250, 500]);
  });

  it('lets go of everything past its memory limit, or when trials come out of order', () => {
    const small = new RowCache(3, 250 * 3 * 8);
    small.keep(0, 250, rowsOf(0, 250));
    expect(small.holds(250)).toBe(true);
    small.keep(250, 1, rowsOf(250, 1));
    expect(small.holds(1)).toBe(false);
    expect(() => small.replay(1, () => {})).toThrow(/not all held/);

    const gap = new RowCache(3, 1e6);
    gap.keep(10, 5, rowsOf(10, 5));
    expect(gap.holds(0)).toBe(false);
  });
});
