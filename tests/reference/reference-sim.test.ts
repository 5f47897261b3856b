/**
 * The reference checked against hand-worked expectations, so that agreement with the
 * engine means something: capacity sharing, and a plan whose means are closed forms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/index.js';
import { shareCapacity } from './ref-queue.js';
import { runReference } from './ref-summary.js';

describe('reference simulator', () => {
  it('shares capacity in proportion: whole parts always, odd items by their fractional parts', () => {
    // shares 1.5 and 0.5: floors 1 and 0, and the odd item to either cohort half the time
    const seen = new Map<string, number>();
    let u = 0;
    const grid = () => (u++ + 0.5) / 1000; // u over (0, 1) evenly
    for (let i = 0; i < 1000; i++) {
      const key = shareCapacity([3, 1], 2, grid).join(',');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(seen)).toEqual({ '2,0': 500, '1,1': 500 });
    // shares 7·(5, 3, 2)/10 = 3.5, 2.1, 1.4: floors 3, 2, 1 and one odd item, to cohort 0,
    // 1 or 2 with probability 0.5, 0.1, 0.4 (exact over an even grid of u)
    const counts = [0, 0, 0];
    u = 0;
    for (let i = 0; i < 1000; i++) {
      const got = shareCapacity([5, 3, 2], 7, grid);
      got.forEach((g, h) => {
        counts[h]! += g - [3, 2, 1][h]!;
      });
    }
    expect(counts).toEqual([500, 100, 400]);
    fc.assert(
      fc.property(
        fc.array(fc.nat(50), { minLength: 1, maxLength: 6 }),
        fc.nat(400),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (w, cap, v) => {
          const total = w.reduce((a, b) => a + b, 0);
          const take = Math.min(cap, total);
          const got = shareCapacity(w, take, () => v);
          expect(got.reduce((a, b) => a + b, 0)).toBe(take);
          got.forEach((g, h) => {
            expect(g).toBeLessThanOrEqual(w[h]!);
            expect(Math.abs(g - (take * w[h]!) / Math.max(1, total))).toBeLessThan(1);
          });
        },
      ),
      { seed: 3 },
    );
  });

  it('matches closed-form means on a plan it can be worked out by hand', () => {
    // 200 leads a period (Poisson), 30% advance after 1 period, the team takes ≤ 40 a
    // period and loses half of what waits, then 50% win at once at 10 per deal; 100
    // accounts churn 10% and 20% buy a 5-unit repeat deal.
    const yaml = `
calendar: {start: 2027-01, periods: 4}
markets: {m: {deal_size: 10}}
channels: {c: {response: {curve: fixed, leads: 200}}}
funnel:
  - {stage: lead}
  - {stage: opp, rate: 0.3, lag: 1, worked_by: ae}
  - {stage: won, rate: 0.5}
team: {ae: {headcount: 2, capacity: 20, queue_loss: 0.5, cost: 100}}
customers: {accounts: 100, churn: 0.1, repeat: {rate: 0.2, deal_size: 5}}
`;
    const r = compileScenario(yaml, 'hand.yaml');
    if (!r.ok) throw new Error(r.errors[0]?.message);
    const n = 4000;
    const ref = runReference(r.value, n, 5);
    const s = (key: string) => ref.series.get(key)!;
    const near = (got: { mean: number; se: number }, want: number) => {
      expect(Math.abs(got.mean - want)).toBeLessThanOrEqual(4 * got.se + 1e-9);
    };
    near(s('metrics.leads').periods[0]!, 200);
    near(s('stages.opp').periods[0]!, 0);
    near(s('stages.opp').periods[1]!, 60); // 200 · 0.3, one period later
    // ~60 arrive, 40 are taken (capacity binds: P(Binomial-Poisson ≥ 40) ≈ 1), 20 wait
    near(s('roles.ae.taken').periods[1]!, 40);
    near(s('stages.won').periods[1]!, 20); // 40 · 0.5, zero lag
    near(s('metrics.new_bookings').periods[1]!, 200);
    expect(s('metrics.team_cost').periods[3]!.mean).toBe(200);
    // accounts: 100 → repeat on 100 (20 deals, 100), churn 10 → 90 at the end of period 0
    near(s('metrics.repeat_bookings').periods[0]!, 100);
    near(s('metrics.accounts').periods[0]!, 90);
  });
});
