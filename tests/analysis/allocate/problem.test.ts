/** The decision space: bounds, the share cap, the total spent, starts on the step grid, moves. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AllocationProblem,
  boundAt,
  defineProblem,
  isFeasible,
  moved,
  project,
  transferRoom,
} from '../../../src/analysis/allocate/problem.js';
import { InputError } from '../../../src/util/result.js';
import { modelOf } from '../../helpers/model.js';
import { CLOSED_FORM } from './scenarios.js';

const model = modelOf(CLOSED_FORM);

describe('defineProblem', () => {
  it('reads the block: bounds, step, total', () => {
    const p = defineProblem(model);
    expect(p.ids).toEqual(['search', 'social', 'display']);
    expect(p.lo).toEqual([0, 0, 5000]);
    expect(p.hi).toEqual([60000, Number.POSITIVE_INFINITY, 15000]);
    expect(p.total).toBe(90000);
    expect(p.unspent).toBe(0);
  });

  it('spends every channel at its maximum when the budget exceeds them, and says how much is left', () => {
    const capped = modelOf(
      CLOSED_FORM.replace(
        '    spend: 30000\n    response: {curve: hill, max_leads: 2500',
        '    spend: 30000\n    max_spend: 40000\n    response: {curve: hill, max_leads: 2500',
      ),
    );
    const p = defineProblem(capped, { budget: 200000 });
    expect(p.total).toBe(115000);
    expect(p.unspent).toBe(85000);
    expect(project(p, [1, 1, 1])).toEqual([60000, 40000, 15000]);
  });

  it('caps each channel at max_share of the budget', () => {
    const shared = modelOf(CLOSED_FORM.replace('step: 1000}', 'step: 1000, max_share: 0.5}'));
    expect(defineProblem(shared).hi).toEqual([45000, 45000, 15000]);
  });

  it('refuses a budget below the minimums and a missing block, naming the field', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof InputError ? e.diagnostics[0]! : null;
      }
      return null;
    };
    expect(err(() => defineProblem(model, { budget: 4000 }))).toMatchObject({
      path: 'allocation.budget',
      message: "the budget 4000 is below the channels' total min_spend 5000",
    });
    expect(
      err(() => defineProblem(model, { budget: 4000 }, { file: 'x', budgetField: '--budget' }))
        ?.path,
    ).toBe('--budget');
    const none = modelOf(CLOSED_FORM.replace(/allocation:.*\n/, ''));
    expect(err(() => defineProblem(none))?.path).toBe('allocation');
    expect(err(() => defineProblem(model, { objective: 'target' }))?.path).toBe(
      'allocation.objective',
    );
  });
});

describe('project, transferRoom, moved', () => {
  const p = defineProblem(model);

  it('puts any non-negative direction on a feasible grid point (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (y) => {
          const x = project(p, y);
          expect(isFeasible(p, x)).toBe(true);
          for (const [i, v] of x.entries()) {
            const onGrid = Math.abs(v / p.step - Math.round(v / p.step)) < 1e-9;
            expect(onGrid || v === p.lo[i] || v === p.hi[i]).toBe(true);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('scales the plan’s split to the budget', () => {
    // 30k each → display capped at 15k, the rest split equally (37.5k each), then put on the
    // 1k grid: the odd half-steps make one whole step, which goes to the first channel.
    expect(project(p, [30000, 30000, 30000])).toEqual([38000, 37000, 15000]);
  });

  it('moves at most a step, never past a bound, and keeps the total', () => {
    const x = [60000, 15000, 15000];
    expect(transferRoom(p, x, 1, 0, 1000)).toBe(0); // search at its max
    expect(transferRoom(p, x, 0, 1, 1000)).toBe(1000);
    expect(transferRoom(p, x, 2, 1, 20000)).toBe(10000); // display down to its min
    const y = moved(p, x, 0, 1, 1000);
    expect(y).toEqual([59000, 16000, 15000]);
    expect(boundAt(p, x, 0)).toBe('max');
    expect(boundAt(p, y, 0)).toBeNull();
    expect(boundAt(p, [60000, 25000, 5000], 2)).toBe('min');
  });
});

/** A problem object built by hand for edge cases. */
function handMade(over: Partial<AllocationProblem>): AllocationProblem {
  return { ...defineProblem(model), ...over };
}

describe('project, edge cases', () => {
  it('fills channels with no weight when the others cannot take the total', () => {
    const p = handMade({ lo: [0, 0, 0], hi: [10000, 50000, 50000], total: 60000 });
    const x = project(p, [1, 0, 0]);
    expect(x[0]).toBe(10000);
    expect(x.reduce((a, b) => a + b, 0)).toBe(60000);
  });

  it('handles a budget that is not a multiple of the step', () => {
    const p = handMade({ total: 90500 });
    const x = project(p, [1, 1, 1]);
    expect(x.reduce((a, b) => a + b, 0)).toBeCloseTo(90500, 9);
    expect(isFeasible(p, x)).toBe(true);
  });
});
