/**
 * The engine against expectations worked out by hand from docs/model.md's semantics. Every
 * tolerance is 4.5 Monte Carlo standard errors of the simulated mean (reported `se`): this
 * file makes 83 such checks, so a correct engine fails one of them with probability
 * 83 · 6.8·10⁻⁶ ≈ 6·10⁻⁴ (at 4 SE it is 0.5%, and a change of the kernel's draws hit a 4.4 SE
 * value; over 60 seeds × 18 checks of that test the z-scores had mean square 1.03).
 */
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/analysis/forecast.js';
import type { Summary } from '../../src/analysis/types.js';
import { modelOf } from '../helpers/model.js';

function within(s: Summary, expected: number, label = ''): void {
  const tol = 4.5 * s.se! + 1e-9 * Math.abs(expected);
  expect(
    Math.abs(s.mean - expected),
    `${label}: mean ${s.mean} vs ${expected} (se ${s.se})`,
  ).toBeLessThanOrEqual(tol);
}

const header = (periods: number, trials = 4000) => `
scenario: closed form
currency: USD
calendar: {start: 2027-01, periods: ${periods}}
simulation: {trials: ${trials}, seed: 11}
`;

describe('fixed leads, no capacity', () => {
  // leads ~ Poisson(400) each period; mql = Binomial(leads, 0.3); won = Binomial(mql, 0.2);
  // E[won] = 400 · 0.3 · 0.2 = 24 per period; deal size lognormal mean 10,000.
  const model = modelOf(`${header(6)}
markets: {m: {deal_size: {dist: lognormal, mean: 10000, sd: 4000}}}
channels: {c: {response: {curve: fixed, leads: 400}}}
funnel:
  - {stage: lead}
  - {stage: mql, rate: 0.3}
  - {stage: won, rate: 0.2}
`);
  it('matches leads, arrivals, wins and bookings per period and for the horizon', async () => {
    const r = await forecast(model, { workers: 1 });
    for (let t = 0; t < 6; t++) {
      within(r.metrics.leads.periods[t]!, 400, `leads ${t}`);
      within(r.stages.mql!.periods[t]!, 120, `mql ${t}`);
      within(r.metrics.wins.periods[t]!, 24, `wins ${t}`);
      within(r.metrics.bookings.periods[t]!, 240_000, `bookings ${t}`);
    }
    within(r.metrics.wins.total, 144, 'wins total');
    within(r.metrics.bookings.total, 1_440_000, 'bookings total');
    // Var(leads) = 400 for a Poisson: sd close to 20 (relative error of a sample sd ≈ 1/√(2n)).
    expect(r.metrics.leads.periods[0]!.sd).toBeGreaterThan(20 * (1 - 4 / Math.sqrt(2 * 4000)));
    expect(r.metrics.leads.periods[0]!.sd).toBeLessThan(20 * (1 + 4 / Math.sqrt(2 * 4000)));
    expect(r.metrics.pipeline.total.mean).toBe(0);
  });
});

describe('lags push items past the horizon', () => {
  // mql lag 1 and won lag [0.5, 0.5] over 0/1 periods, T = 4, 200 leads a period.
  // mql arrivals at t: 0 for t = 0, else 200 · 0.5 = 100.
  // won arrivals at t: items that entered mql at s resolve at s or s+1 with prob ½ each:
  //   E[won_t] = 0.25 · (½ · mql_t + ½ · mql_(t−1)) → t=0: 0, t=1: 12.5, t≥2: 25.
  // Open pipeline at the end: mql items not yet resolved: ½ · mql_3 = 50 in expectation,
  // plus stage-0 items are not pipeline (lead stage is the first stage).
  const model = modelOf(`${header(4)}
markets: {m: {deal_size: 1000}}
channels: {c: {response: {curve: fixed, leads: 200}}}
funnel:
  - {stage: lead}
  - {stage: mql, rate: 0.5, lag: 1}
  - {stage: won, rate: 0.25, lag: [0.5, 0.5]}
`);
  it('delays arrivals and leaves the tail open', async () => {
    const r = await forecast(model, { workers: 1 });
    const mql = [0, 100, 100, 100];
    const won = [0, 12.5, 25, 25];
    for (let t = 0; t < 4; t++) {
      within(r.stages.mql!.periods[t]!, mql[t]!, `mql ${t}`);
      within(r.metrics.wins.periods[t]!, won[t]!, `won ${t}`);
    }
    // Fixed deal size 1000: bookings = 1000 · wins exactly.
    expect(r.metrics.bookings.total.mean).toBeCloseTo(1000 * r.metrics.wins.total.mean, 6);
    within(r.metrics.pipeline.total, 50, 'pipeline');
    // Leads of the last period sit in stage 0 (mql lag 1): in flight, but not pipeline.
  });
});

describe('a capacity-bound team', () => {
  // 1000 leads a period all reach sql (rate 1); one AE takes on 100 a period; queue_loss 1
  // drops everything left. So 100 taken on each period, won ~ Binomial(100, 0.3): 30.
  const model = modelOf(`${header(3)}
markets: {m: {deal_size: 1}}
channels: {c: {response: {curve: fixed, leads: 1000}}}
funnel:
  - {stage: lead}
  - {stage: sql, rate: 1, worked_by: ae}
  - {stage: won, rate: 0.3}
team:
  ae: {headcount: 1, capacity: 100, queue_loss: 1}
`);
  it('caps throughput at capacity and loses the rest', async () => {
    const r = await forecast(model, { workers: 1 });
    for (let t = 0; t < 3; t++) {
      expect(r.roles.ae!.taken.periods[t]!.mean).toBe(100);
      expect(r.roles.ae!.utilisation.periods[t]!.mean).toBe(1);
      within(r.metrics.wins.periods[t]!, 30, `wins ${t}`);
      within(r.roles.ae!.lost.periods[t]!, 900, `lost ${t}`);
      expect(r.roles.ae!.queue.periods[t]!.mean).toBe(0);
    }
  });

  it('carries a queue with partial loss', async () => {
    // 150 arrivals a period (rate 0.15 of 1000), capacity 100, queue_loss 0.5:
    // t=0: wait 150 → take 100, left 50 → lose 25 → q0 = 25.
    // t=1: wait 175 → take 100, left 75 → q1 = 37.5; t=2: wait 187.5 → q2 = 43.75 (means; the
    // binomial noise is linear here because capacity always binds).
    const m = modelOf(`${header(3)}
markets: {m: {deal_size: 1}}
channels: {c: {response: {curve: fixed, leads: 1000}}}
funnel:
  - {stage: lead}
  - {stage: sql, rate: 0.15, worked_by: ae}
  - {stage: won, rate: 0.3}
team:
  ae: {headcount: 1, capacity: 100, queue_loss: 0.5}
`);
    const r = await forecast(m, { workers: 1 });
    const q = [25, 37.5, 43.75];
    for (let t = 0; t < 3; t++) within(r.roles.ae!.queue.periods[t]!, q[t]!, `queue ${t}`);
    // The queue is open pipeline (sql is after the first stage).
    within(r.metrics.pipeline.total, 43.75, 'pipeline');
  });
});

describe('an installed base', () => {
  // No new deals (fixed 0 leads). accounts_t = accounts after churn: E = 1000 · 0.99^(t+1);
  // repeat deals at t ~ Binomial(accounts before churn, 0.02): E = 20 · 0.99^t, size 500 each.
  const model = modelOf(`${header(6)}
markets: {m: {deal_size: 1000}}
channels: {c: {response: {curve: fixed, leads: 0}}}
funnel:
  - {stage: lead}
  - {stage: won, rate: 0.5}
customers:
  accounts: 1000
  churn: 0.01
  repeat: {rate: 0.02, deal_size: 500}
`);
  it('churns and repeats from the base', async () => {
    const r = await forecast(model, { workers: 1 });
    for (let t = 0; t < 6; t++) {
      within(r.metrics.accounts.periods[t]!, 1000 * 0.99 ** (t + 1), `accounts ${t}`);
      within(r.metrics.repeat_deals.periods[t]!, 20 * 0.99 ** t, `repeat ${t}`);
      within(r.metrics.repeat_bookings.periods[t]!, 500 * 20 * 0.99 ** t, `repeat bookings ${t}`);
    }
  });
});

describe('team: ramp, attrition, hires and backfill', () => {
  // 10 reps, attrition 0.1, backfill after 1 period, 2 hires in period 2 (index), ramp [0.5].
  // E[headcount_t] = E[stayers] + hires joined + backfills due:
  //   ramped stayers after t+1 rounds of attrition: 10 · 0.9^(t+1) (initial reps);
  //   backfills: leavers of t−1 join at t. Simulated separately by hand below.
  const model = modelOf(`${header(5)}
markets: {m: {deal_size: 1}}
channels: {c: {response: {curve: fixed, leads: 0}}}
funnel:
  - {stage: lead}
  - {stage: won, rate: 0.5, worked_by: ae}
team:
  ae: {headcount: 10, capacity: 10, ramp: [0.5], attrition: 0.1, backfill: {lag: 1}, hires: {"2027-03": 2}, cost: 100}
`);
  it('matches the expected headcount recursion', async () => {
    // Expected-value recursion (linear, so exact for means): groups by tenure.
    const T = 5;
    let ramped = 10;
    let fresh = 0; // tenure 0
    let pendingBackfill = 0;
    const heads: number[] = [];
    const fte: number[] = [];
    for (let t = 0; t < T; t++) {
      ramped += fresh;
      fresh = 0;
      const leavers = 0.1 * ramped;
      ramped -= leavers;
      fresh += (t === 2 ? 2 : 0) + pendingBackfill;
      pendingBackfill = leavers;
      heads.push(ramped + fresh);
      fte.push(ramped + 0.5 * fresh);
    }
    const r = await forecast(model, { workers: 1 });
    for (let t = 0; t < T; t++) {
      within(r.roles.ae!.headcount.periods[t]!, heads[t]!, `heads ${t}`);
      within(r.metrics.team_cost.periods[t]!, 100 * heads[t]!, `cost ${t}`);
    }
    // Capacity is ⌊10 · fte⌋ per trial, so its mean is within 1 of 10 · E[fte].
    for (let t = 0; t < T; t++) {
      expect(Math.abs(r.roles.ae!.capacity.periods[t]!.mean - 10 * fte[t]!)).toBeLessThan(
        1 + 4 * r.roles.ae!.capacity.periods[t]!.se!,
      );
    }
  });
});

describe('channel response, carryover, growth and seasonality', () => {
  // hill: leads = 1000 · s/(s + 50,000); spend 50,000 with carryover 0.5 → effective spend
  // e_0 = 50k, e_1 = 75k, e_2 = 87.5k. Demand (1.02)^t · seasonality[month]; start 2027-03
  // so periods use March, April, May factors 1.1, 0.9, 1.2. leads_cv 0.2: E unchanged,
  // Var = λ + 0.04 λ².
  /** The channel above, with `spendBefore` spent per period before the horizon when given. */
  const channelModel = (spendBefore?: number) =>
    modelOf(
      `${header(3, 6000)}
markets:
  m:
    growth: 0.02
    seasonality: [1, 1, 1.1, 0.9, 1.2, 1, 1, 1, 1, 1, 1, 1]
    deal_size: 1
channels:
  c:
    spend: 50000${spendBefore === undefined ? '' : `\n    spend_before: ${spendBefore}`}
    carryover: 0.5
    leads_cv: 0.2
    response: {curve: hill, max_leads: 1000, half_spend: 50000}
funnel:
  - {stage: lead}
  - {stage: won, rate: 0.1}
`.replace('start: 2027-01', 'start: 2027-03'),
    );
  const model = channelModel();
  it('gives the expected leads and variance', async () => {
    const r = await forecast(model, { workers: 1 });
    const eff = [50_000, 75_000, 87_500];
    const season = [1.1, 0.9, 1.2];
    for (let t = 0; t < 3; t++) {
      const lambda = ((1000 * eff[t]!) / (eff[t]! + 50_000)) * 1.02 ** t * season[t]!;
      within(r.metrics.leads.periods[t]!, lambda, `leads ${t}`);
      const sd = Math.sqrt(lambda + 0.04 * lambda * lambda);
      const s = r.metrics.leads.periods[t]!.sd!;
      // A sample sd's relative SE is about √((κ−1)/(4n)); κ ≈ 3 here: ±4 of that.
      expect(Math.abs(s / sd - 1)).toBeLessThan(4 * Math.sqrt(2 / (4 * 6000)));
    }
    expect(r.metrics.spend.total.mean).toBe(150_000);
  });

  it('starts the adstock at the steady state of spend_before', async () => {
    // spend_before 50,000 with carryover 0.5: e_(−1) = 100,000, so e_t = 50k + 0.5 · 100k =
    // 100k in every period, as for a channel running at that spend all along.
    const warm = channelModel(50_000);
    const r = await forecast(warm, { workers: 1 });
    const season = [1.1, 0.9, 1.2];
    for (let t = 0; t < 3; t++) {
      const lambda = ((1000 * 100_000) / (100_000 + 50_000)) * 1.02 ** t * season[t]!;
      within(r.metrics.leads.periods[t]!, lambda, `leads ${t}`);
    }
    // spend_before is not spent in the horizon.
    expect(r.metrics.spend.total.mean).toBe(150_000);
  });
});

describe('initiatives ramp linearly', () => {
  // Won-rate multiplier F = 1.5 starting 2027-02 with ramp 2: factors 1, 1.25, 1.5, 1.5.
  // Cost: once 1000 in 2027-02, 100 per period from then: 0, 1100, 100, 100.
  const model = modelOf(`${header(4)}
markets: {m: {deal_size: 1}}
channels: {c: {response: {curve: fixed, leads: 1000}}}
funnel:
  - {stage: lead}
  - {stage: won, rate: 0.2}
initiatives:
  crm: {start: 2027-02, ramp: 2, cost: {once: 1000, per_period: 100}, effects: [{stage: won, rate: 1.5}]}
`);
  it('applies 1 + (F − 1)(i + 1)/ramp and its costs', async () => {
    const r = await forecast(model, { workers: 1 });
    const f = [1, 1.25, 1.5, 1.5];
    const cost = [0, 1100, 100, 100];
    for (let t = 0; t < 4; t++) {
      within(r.metrics.wins.periods[t]!, 200 * f[t]!, `wins ${t}`);
      expect(r.metrics.initiative_cost.periods[t]!.mean).toBe(cost[t]);
    }
  });
});
