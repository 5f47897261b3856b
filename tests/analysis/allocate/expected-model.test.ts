/** The expected model: exact where the simulation's expectation is linear, and what it costs. */
import { describe, expect, it } from 'vitest';
import { ExpectedModel } from '../../../src/analysis/allocate/expected-model.js';
import { prepare } from '../../../src/analysis/evaluator.js';
import { modelOf } from '../../helpers/model.js';

/** One linear channel with adstock, a lagged won stage, a fixed deal size, repeat business. */
const LINEAR = `scenario: Linear
calendar: {start: 2027-01, periods: 6}
simulation: {trials: 4000, seed: 3}
markets:
  all: {deal_size: 500}
channels:
  ads:
    spend: 1000
    carryover: 0.5
    response: {curve: linear, cost_per_lead: 10}
funnel:
  - {stage: lead}
  - {stage: won, rate: 0.2, lag: [0.5, 0.5]}
customers: {accounts: 100, churn: 0.1, repeat: {rate: 0.05, deal_size: 200}}
economics: {gross_margin: 0.5}
allocation: {budget: 2000, channels: [ads]}
`;

/** The same by hand: effective spend, leads, wins after the lag, accounts, repeat deals. */
function byHand(spend: number): { bookings: number; profit: number } {
  let effective = 0;
  const leads: number[] = [];
  let accounts = 100;
  let bookings = 0;
  for (let t = 0; t < 6; t++) {
    effective = spend + 0.5 * effective;
    leads.push(effective / 10);
    // Half of a month's leads resolve that month, half the next; 20% of them win.
    const wins = 0.2 * (0.5 * leads[t]! + (t > 0 ? 0.5 * leads[t - 1]! : 0));
    accounts += wins;
    bookings += wins * 500 + accounts * 0.05 * 200;
    accounts -= accounts * 0.1;
  }
  return { bookings, profit: 0.5 * bookings - 6 * spend };
}

describe('ExpectedModel', () => {
  const model = modelOf(LINEAR);
  const em = new ExpectedModel(model, [0]);

  it('is exact for a linear funnel with adstock, lags and an installed base (worked by hand)', () => {
    for (const spend of [0, 1000, 2500]) {
      const e = em.evaluate([spend]);
      const h = byHand(spend);
      expect(e.bookings).toBeCloseTo(h.bookings, 6);
      expect(e.profit).toBeCloseTo(h.profit, 6);
    }
  });

  it('agrees with the simulation’s mean within 4 standard errors', async () => {
    const ev = prepare(model, { workers: 1 });
    try {
      const r = await ev.evaluate([{ spend: 'ads', value: 1000 }], { metrics: ['bookings'] });
      const s = r.summary.bookings!;
      expect(Math.abs(s.mean - em.evaluate([1000]).bookings)).toBeLessThan(4 * s.se!);
    } finally {
      await ev.close();
    }
  }, 60_000);

  it('counts its calls', () => {
    const fresh = new ExpectedModel(model, [0]);
    fresh.evaluate([1]);
    fresh.evaluate([2]);
    expect(fresh.calls).toBe(2);
  });
});
