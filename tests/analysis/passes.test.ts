/**
 * Bounded memory: with a tiny store budget the summary keeps the columns it does not
 * retain in single precision and replays the trials once per group of columns. Means, sds
 * and retained columns (target probabilities) must be identical; other quantiles equal up
 * to float32 rounding.
 */
import { describe, expect, it } from 'vitest';
import { Columns } from '../../src/analysis/columns.js';
import { simulate } from '../../src/analysis/simulate.js';
import { summariseColumns } from '../../src/analysis/summarise.js';
import { loadModel } from '../../src/scenario/index.js';
import { buildLayout } from '../../src/sim/layout.js';
import { memoryLogger } from '../../src/util/logger.js';

describe('multi-pass summaries', () => {
  it('give the same numbers with a 1 MB budget (many passes, float32) as with the default', async () => {
    const model = await loadModel('scenarios/b2b-saas.yaml', { trials: 1500, seed: 8 });
    const layout = buildLayout(model);
    const columns = new Columns(model, layout);
    let replays = 0;
    const source = (consume: (f: number, c: number, r: Float64Array) => void) => {
      replays += 1;
      return simulate(model, { workers: 1 }, consume);
    };
    const retained = [columns.total(layout.metric.bookings)];
    const quiet = memoryLogger();
    const big = await summariseColumns(columns, 1500, source, retained, undefined, quiet);
    expect(replays).toBe(1);
    expect(quiet.warnings).toEqual([]);
    const told = memoryLogger();
    const small = await summariseColumns(columns, 1500, source, retained, 1_000_000, told);
    expect(replays - 1).toBeGreaterThanOrEqual(3);
    // The user is told why the run takes several times as long.
    expect(told.warnings).toEqual([
      expect.stringMatching(
        new RegExp(`^1,500 trials need ${replays - 1} passes for exact quantiles`),
      ),
    ]);
    for (let j = 0; j < columns.count; j++) {
      expect(small.moments.meanOf(j)).toBe(big.moments.meanOf(j));
      expect(small.moments.sdOf(j)).toBe(big.moments.sdOf(j));
    }
    for (const [j, q] of big.quantiles) {
      const s = small.quantiles.get(j)!;
      for (let i = 0; i < q.length; i++) {
        if (retained.includes(j)) expect(s[i]).toBe(q[i]);
        else expect(Math.abs(s[i]! - q[i]!)).toBeLessThanOrEqual(1e-6 * Math.abs(q[i]!) + 1e-9);
      }
    }
    expect(small.retained.get(retained[0]!)).toEqual(big.retained.get(retained[0]!));
  });
});
