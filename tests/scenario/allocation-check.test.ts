/** Whether a budget can be split: minimums, the share cap, and a budget above every maximum. */
import { describe, expect, it } from 'vitest';
import { budgetProblems } from '../../src/scenario/allocation-check.js';
import { compileScenario } from '../../src/scenario/index.js';
import { BASE } from './base.js';

const two = { ids: ['a', 'b'], minSpend: [100, 200], maxSpend: [1000, 500] };

describe('budgetProblems', () => {
  it('accepts a budget between the minimums and the maximums', () => {
    expect(budgetProblems({ ...two, budget: 1000, maxShare: null })).toEqual([]);
    // Worked by hand: caps min(1000, 0.7·1000) + min(500, 700) = 1200 ≥ 1000.
    expect(budgetProblems({ ...two, budget: 1000, maxShare: 0.7 })).toEqual([]);
  });

  it('accepts a budget above every maximum (the optimiser spends all and says so)', () => {
    expect(budgetProblems({ ...two, budget: 5000, maxShare: null })).toEqual([]);
    expect(budgetProblems({ ...two, budget: 5000, maxShare: 0.5 })).toEqual([]);
  });

  it('refuses a budget below the minimums, naming the budget', () => {
    expect(budgetProblems({ ...two, budget: 250, maxShare: null })).toEqual([
      { field: 'budget', message: "the budget 250 is below the channels' total min_spend 300" },
    ]);
  });

  it('refuses a share cap below a minimum, naming the channel', () => {
    const p = budgetProblems({ ...two, budget: 1000, maxShare: 0.15 });
    expect(p).toHaveLength(1);
    expect(p[0]!.field).toBe('max_share');
    expect(p[0]!.message).toContain(
      '150 (15% of the budget 1000), below the min_spend 200 of channel "b"',
    );
  });

  it('refuses a share cap that leaves budget unplaced, with the smallest share that works', () => {
    // Caps min(1000, 0.55·1400) + min(500, 770) = 770 + 500 = 1270 < 1400; the smallest
    // share s with min(1000, 1400 s) + 500 ≥ 1400 is 900/1400 = 0.6429 → 0.643.
    const p = budgetProblems({ ...two, budget: 1400, maxShare: 0.55 });
    expect(p).toEqual([
      {
        field: 'max_share',
        message:
          'with max_share 0.55 the 2 channels can take at most 1270 of the budget 1400; raise max_share to at least 0.643, lower the budget or allocate more channels',
      },
    ]);
  });
});

describe('compileAllocation', () => {
  const withAllocation = (block: string) =>
    compileScenario(
      `${BASE.replace(
        '    rate_factors: {mql: 1.1}\n',
        '    rate_factors: {mql: 1.1}\n    max_spend: 90000\n',
      )}allocation: ${block}\n`,
      'test.yaml',
    );

  it('compiles max_share, and no cap without it', () => {
    const a = withAllocation('{budget: 50000, channels: [paid_search], max_share: 1}');
    if (!a.ok) throw new Error(a.errors[0]!.message);
    expect(a.value.allocation).toEqual({
      budget: 50000,
      channels: [0],
      objective: 'revenue',
      step: 500,
      maxShare: 1,
    });
    const b = withAllocation('{budget: 50000}');
    if (!b.ok) throw new Error(b.errors[0]!.message);
    expect(b.value.allocation?.maxShare).toBeNull();
  });

  it('accepts a budget above the maximums', () => {
    expect(withAllocation('{budget: 200000, channels: [paid_search]}').ok).toBe(true);
  });

  it('refuses max_share outside (0, 1]', () => {
    for (const share of [0, 1.5, -0.2]) {
      const r = withAllocation(`{budget: 50000, max_share: ${share}}`);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]!.path).toBe('allocation.max_share');
    }
  });
});
