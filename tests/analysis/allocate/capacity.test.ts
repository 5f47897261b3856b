/**
 * A capacity-bound scenario: the recommendation must not buy leads the SDRs cannot work.
 * Checked against a grid search of the simulation itself (every split on the step grid, on
 * the run's own trials, paired), and against the same funnel without a team, where the
 * cheap leads are the right buy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../../src/analysis/allocate/allocate.js';
import { capacityLoads, capacityMetrics } from '../../../src/analysis/allocate/capacity.js';
import { objectiveOf, paired } from '../../../src/analysis/allocate/objective.js';
import type { AllocationResult } from '../../../src/analysis/allocate/types.js';
import { type Evaluator, prepare } from '../../../src/analysis/evaluator.js';
import { allocateTable } from '../../../src/cli/allocate-table.js';
import { modelOf } from '../../helpers/model.js';
import { CAPACITY, NO_TEAM } from './scenarios.js';

describe('capacity binds', () => {
  const model = modelOf(CAPACITY);
  let result: AllocationResult;
  let ev: Evaluator;
  beforeAll(async () => {
    result = await allocate(model, { workers: 2 });
    ev = prepare(model, { workers: 2, threadMin: 0 });
  }, 120_000);
  afterAll(() => ev?.close());

  it('matches the best split of a grid search of the simulation within two paired standard errors', async () => {
    const o = objectiveOf('revenue', null);
    const at = async (volume: number) =>
      (
        await ev.evaluate(
          [
            { spend: 'volume', value: volume },
            { spend: 'quality', value: 20000 - volume },
          ],
          { trials: result.trials, seed: result.seed, metrics: ['bookings'] },
        )
      ).values.bookings!;
    const grid: { volume: number; values: Float64Array }[] = [];
    for (let v = 0; v <= 20000; v += 1000) grid.push({ volume: v, values: await at(v) });
    const best = grid.reduce((a, b) => (o.value(b.values) > o.value(a.values) ? b : a));
    const mine = await at(result.recommended.volume!);
    const d = paired(o, best.values, mine);
    expect(d.mean).toBeGreaterThanOrEqual(-2 * d.se);
    // The grid's best is an interior split: quality first, volume only to fill the SDRs.
    expect(best.volume).toBeGreaterThan(0);
    expect(best.volume).toBeLessThan(10000);
  }, 120_000);

  it('keeps volume spend low and says that capacity binds', () => {
    expect(result.recommended.volume).toBeLessThan(5000);
    expect(result.recommended.quality).toBeGreaterThan(15000);
    expect(result.capacity.binding).toEqual(['sdr']);
    const sdr = result.capacity.recommended[0]!;
    expect(sdr.saturated).toBe(true);
    // The current plan floods the queue: most of what reaches the SDRs is lost.
    expect(result.capacity.current[0]!.lost_share).toBeGreaterThan(
      result.capacity.recommended[0]!.lost_share,
    );
    expect(allocateTable(result)).toMatch(/capacity binds at the recommendation: sdr/);
  });

  it('spends on the cheap leads when nobody has to work them (no team)', async () => {
    const free = await allocate(modelOf(NO_TEAM), { workers: 2, curves: false });
    expect(free.recommended.volume).toBe(20000);
    expect(free.capacity.binding).toEqual([]);
    expect(allocateTable(free)).toMatch(/capacity: no role works a stage/);
  }, 120_000);
});

describe('a role with no capacity', () => {
  // The kernel writes utilisation 0 when there is no capacity (docs/model.md); with no queue
  // loss nothing is lost either, so neither utilisation nor loss says the role binds.
  const model = modelOf(
    CAPACITY.replace(
      '{headcount: 4, capacity: 50, queue_loss: 0.5}',
      '{headcount: 4, capacity: 0, queue_loss: 0}',
    ),
  );
  const values = (capacity: number, arrived: number) => {
    const [utilisation, lost, cap, stage] = capacityMetrics(model);
    return {
      [utilisation!]: Float64Array.of(0, 0),
      [lost!]: Float64Array.of(0, 0),
      [cap!]: Float64Array.of(capacity, capacity),
      [stage!]: Float64Array.of(arrived, arrived),
    };
  };

  it('is saturated when items reach it, and not when nothing does', () => {
    expect(capacityMetrics(model)).toEqual([
      'roles.sdr.utilisation',
      'roles.sdr.lost',
      'roles.sdr.capacity',
      'stages.sql',
    ]);
    expect(capacityLoads(model, values(0, 600))[0]!.saturated).toBe(true);
    expect(capacityLoads(model, values(0, 0))[0]!.saturated).toBe(false);
    // Capacity it does not use is spare.
    expect(capacityLoads(model, values(600, 600))[0]!.saturated).toBe(false);
  });
});
