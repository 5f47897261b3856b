/**
 * The accumulator takes a batch of trials at a time; its moments and kept values must be
 * exactly those of taking the trials one by one, and its columns what their definitions
 * say (horizon sums, last values, cumulative bookings, quarterly sums).
 */
import { describe, expect, it } from 'vitest';
import { Accumulator } from '../../src/analysis/accumulator.js';
import { Columns, QUARTERLY_METRICS } from '../../src/analysis/columns.js';
import { simulate } from '../../src/analysis/simulate.js';
import { loadModel } from '../../src/scenario/index.js';
import { buildLayout } from '../../src/sim/layout.js';

describe('Accumulator', () => {
  it('gives the same bits batch by batch as trial by trial, and the columns their definitions', async () => {
    const trials = 613; // two whole batches of 250 and a part one
    const model = await loadModel('scenarios/b2b-saas.yaml', { trials, seed: 4 });
    const layout = buildLayout(model);
    const columns = new Columns(model, layout);
    const W = layout.width;
    const T = model.calendar.periods;
    const keep = () =>
      new Map(columns.quantiled.map((j) => [j, new Float64Array(trials)] as const));
    const batched = new Accumulator(columns, keep(), true);
    const single = new Accumulator(columns, keep(), true);
    const rowsOf: Float64Array[] = [];
    await simulate(model, { workers: 1 }, (_from, count, rows) => {
      batched.consume(count, rows);
      for (let i = 0; i < count; i++) {
        const row = rows.slice(i * W, (i + 1) * W);
        single.consume(1, row);
        rowsOf.push(row);
      }
    });
    expect(batched.size).toBe(trials);
    for (let j = 0; j < columns.count; j++) {
      expect(batched.moments!.meanOf(j)).toBe(single.moments!.meanOf(j));
      expect(batched.moments!.sdOf(j)).toBe(single.moments!.sdOf(j));
    }
    for (const [j, values] of batched.kept) expect(values).toEqual(single.kept.get(j));

    const kept = (j: number) => batched.kept.get(j)!;
    const bookings = layout.metric.bookings;
    const headcount = layout.metric.headcount;
    const quarterOf = model.calendar.quarterOf;
    rowsOf.forEach((row, i) => {
      let total = 0;
      for (let t = 0; t < T; t++) {
        total += row[bookings * T + t]!;
        expect(kept(columns.cumulativeAt + t)[i]).toBe(total);
        expect(kept(columns.period(bookings, t))[i]).toBe(row[bookings * T + t]);
      }
      expect(kept(columns.total(bookings))[i]).toBe(total);
      expect(kept(columns.total(headcount))[i]).toBe(row[headcount * T + T - 1]);
      QUARTERLY_METRICS.forEach((m, k) => {
        const s = layout.metric[m];
        const sums = new Array<number>(columns.quarters).fill(0);
        for (let t = 0; t < T; t++) sums[quarterOf[t]!]! += row[s * T + t]!;
        sums.forEach((v, q) => {
          expect(kept(columns.quarterly(k, q))[i]).toBe(v);
        });
      });
    });
  });
});
