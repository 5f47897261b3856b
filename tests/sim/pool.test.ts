/**
 * How a pool shares a run among its threads: tasks that cover every batch exactly, split
 * finely enough that no thread waits on another's whole batch, and rows that reach the
 * consumer in the same batches, with the same values, whatever the split.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BATCH_TRIALS } from '../../src/defaults.js';
import { loadModel } from '../../src/scenario/index.js';
import { SimPool, taskPlan } from '../../src/sim/pool.js';
import { TrialRunner } from '../../src/sim/runner.js';

/** The batches `simulate` makes of trials [from, to). */
function batchesOf(from: number, to: number) {
  const out: { from: number; count: number }[] = [];
  for (let s = from; s < to; s += BATCH_TRIALS)
    out.push({ from: s, count: Math.min(BATCH_TRIALS, to - s) });
  return out;
}

describe('taskPlan', () => {
  it('covers each batch exactly, in order, with tasks of at least 25 trials', () => {
    fc.assert(
      fc.property(
        fc.nat(20_000),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 8 }),
        (from, n, threads) => {
          const batches = batchesOf(from, from + n);
          const tasks = taskPlan(batches, threads);
          let at = from;
          for (const t of tasks) {
            const b = batches[t.batch]!;
            expect(t.from).toBe(at);
            expect(t.from).toBeGreaterThanOrEqual(b.from);
            expect(t.from + t.count).toBeLessThanOrEqual(b.from + b.count);
            // Only a batch smaller than the minimum is a task smaller than it.
            expect(t.count).toBeGreaterThanOrEqual(Math.min(25, b.count));
            at += t.count;
          }
          expect(at).toBe(from + n);
        },
      ),
    );
  });

  it('gives one thread one task per batch', () => {
    expect(taskPlan(batchesOf(0, 500), 1)).toEqual([
      { from: 0, count: 250, batch: 0 },
      { from: 250, count: 250, batch: 1 },
    ]);
  });

  it('splits a short run so every thread has several tasks', () => {
    // 500 trials are two batches: whole, one thread would take both while the other waits.
    const tasks = taskPlan(batchesOf(0, 500), 2);
    expect(tasks.length).toBe(8);
    expect(tasks.map((t) => t.count)).toEqual([62, 63, 62, 63, 62, 63, 62, 63]);
  });

  it('keeps the middle of a long run in whole batches and splits its last ones', () => {
    const tasks = taskPlan(batchesOf(0, 10_000), 2);
    const whole = tasks.filter((t) => t.count === BATCH_TRIALS).length;
    expect(whole).toBe(36);
    // The last 2 batches per thread come in quarters.
    expect(tasks.slice(whole).every((t) => t.count < 64)).toBe(true);
    expect(tasks.length).toBe(36 + 16);
  });
});

describe('SimPool', () => {
  it('hands the consumer whole batches with the rows one thread computes, also from split tasks', async () => {
    const model = await loadModel('scenarios/minimal.yaml', { trials: 700, seed: 11 });
    const runner = new TrialRunner(model);
    const width = runner.layout.width;
    const expected = new Float64Array(700 * width);
    runner.run(0, 700, expected);

    const pool = new SimPool(model, 2);
    try {
      const got = new Float64Array(700 * width);
      const seen: [number, number][] = [];
      // A short run (split into parts) and a run that starts mid-way, as a precision search does.
      for (const [from, to] of [
        [0, 500],
        [500, 700],
      ] as const) {
        await pool.simulate(from, to, (f, count, rows) => {
          seen.push([f, count]);
          got.set(rows.subarray(0, count * width), f * width);
        });
      }
      expect(seen).toEqual([
        [0, 250],
        [250, 250],
        [500, 200],
      ]);
      // Count the differences (a failing toEqual on 700 rows would print them all).
      let differ = 0;
      for (let i = 0; i < expected.length; i++) if (!Object.is(got[i], expected[i])) differ++;
      expect(differ).toBe(0);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
