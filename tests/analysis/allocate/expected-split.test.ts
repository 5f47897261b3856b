/** The expected model's split: a one-step local optimum, found without asking twice. */
import { describe, expect, it } from 'vitest';
import { expectedSplit } from '../../../src/analysis/allocate/expected-split.js';
import { defineProblem, moved, transferRoom } from '../../../src/analysis/allocate/problem.js';
import { modelOf } from '../../helpers/model.js';

const N = 12;

/** Twelve hill channels, four of them S-shaped, so every favoured start runs its own path. */
const MANY = `scenario: Many channels
calendar: {start: 2027-01, periods: 3}
simulation: {trials: 10, seed: 1}
markets:
  all: {deal_size: 1000}
channels:
${Array.from(
  { length: N },
  (_, i) =>
    `  c${i}: {spend: 1000, max_spend: 6000, response: {curve: hill, max_leads: ${100 + 10 * i}, half_spend: ${800 + 150 * i}, shape: ${i % 3 === 0 ? 2 : 1}}}`,
).join('\n')}
funnel:
  - {stage: lead}
  - {stage: won, rate: 0.1}
allocation: {budget: ${1000 * N}, channels: [${Array.from({ length: N }, (_, i) => `c${i}`).join(', ')}], step: 250}
`;

/** The same curves in closed form (the split's value; the test does not need the simulation). */
function value(x: readonly number[]): number {
  let v = 0;
  for (let i = 0; i < N; i++) {
    const s = i % 3 === 0 ? 2 : 1;
    const h = 800 + 150 * i;
    v += ((100 + 10 * i) * x[i]! ** s) / (x[i]! ** s + h ** s);
  }
  return v;
}

describe('expectedSplit', () => {
  const p = defineProblem(modelOf(MANY));
  const asked = new Map<string, number>();
  const x = expectedSplit(
    p,
    (y) => {
      const key = y.join(',');
      asked.set(key, (asked.get(key) ?? 0) + 1);
      return value(y);
    },
    p.lo.map(() => 1000),
  );

  it('spends the budget on the step grid, within the bounds', () => {
    expect(x.reduce((a, b) => a + b, 0)).toBeCloseTo(p.total, 6);
    x.forEach((v, i) => {
      expect(v % p.step).toBe(0);
      expect(v).toBeGreaterThanOrEqual(p.lo[i]!);
      expect(v).toBeLessThanOrEqual(p.hi[i]!);
    });
  });

  it('ends where no one-step transfer gains', () => {
    const here = value(x);
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        const a = i === j ? 0 : transferRoom(p, x, i, j, p.step);
        if (a > 0) expect(value(moved(p, x, i, j, a))).toBeLessThanOrEqual(here * (1 + 1e-12));
      }
    }
  });

  it('asks for the value of each split once, though its starts pass the same splits', () => {
    // Fourteen starts (equal, the plan's, each channel favoured) over thousands of splits.
    expect(asked.size).toBeGreaterThan(1000);
    expect(Math.max(...asked.values())).toBe(1);
  });
});
