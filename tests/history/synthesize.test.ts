/**
 * The item-level synthesizer is a second implementation of docs/model.md: its mean leads,
 * stage arrivals, wins, new bookings, pipeline, items taken on and accounts per period agree
 * with the engine's forecast within Monte Carlo error (both sides' standard errors, at 4.5
 * combined standard errors for ~150 comparisons: a false alarm has probability < 0.1%).
 */
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/analysis/forecast.js';
import { synthesize } from '../../src/history/synthesize.js';
import { modelOf } from '../helpers/model.js';

const SCENARIO = `scenario: synth
calendar: {start: 2026-10, periods: 9}
simulation: {trials: 4000, seed: 11}
markets:
  smb: {deal_size: {dist: lognormal, median: 9000, p90: 25000}, growth: 0.02, seasonality: [1, 1, 1.2, 1, 1, 1, 1, 1, 1, 0.9, 1.1, 0.8]}
  ent: {deal_size: 50000, win_factor: 0.8, demand_shock: "0.8 to 1.2"}
channels:
  search:
    spend: {default: 20000, "2027-02": 40000}
    response: {curve: hill, max_leads: 300, half_spend: 25000, shape: 1.2}
    carryover: 0.3
    leads_cv: 0.2
    markets: {smb: 0.7, ent: 0.3}
    rate_factors: {mql: 0.8}
  referrals:
    response: {curve: fixed, leads: "20 to 40"}
    markets: {smb: 0.5, ent: 0.5}
    rate_factors: {won: 1.3}
funnel:
  - {stage: lead}
  - {stage: mql, rate: "30% to 45%", lag: [0.6, 0.4]}
  - {stage: opp, rate: 0.5, worked_by: ae, lag: 1}
  - {stage: won, rate: {successes: 25, trials: 100}, lag: {median: 1.5, p90: 3}}
team:
  ae: {headcount: 3, capacity: 5, ramp: [0.3, 0.7], attrition: 0.05, backfill: {lag: 1}, hires: {"2027-01": 2}, queue_loss: 0.3}
customers: {accounts: 80, churn: 0.02, repeat: {rate: 0.03, deal_size: 4000}}
initiatives:
  enablement: {start: 2027-01, ramp: 2, effects: [{stage: won, rate: 1.2}, {team: ae, capacity: 1.1}]}
pipeline:
  - {stage: opp, count: 20, age: 1, channel: search, market: smb}
  - {stage: mql, count: 15, queued: false, age: 3}
  - {stage: mql, count: 6, channel: referrals, market: ent}
  - {stage: opp, count: 8, queued: true, channel: search, market: ent}
`;

/** Mean and standard error of the mean of each period's values over trials. */
function meanSe(rows: Float64Array[]): { mean: number[]; se: number[] } {
  const n = rows.length;
  const T = rows[0]!.length;
  const mean: number[] = [];
  const se: number[] = [];
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (const r of rows) s += r[t]!;
    const m = s / n;
    let v = 0;
    for (const r of rows) v += (r[t]! - m) ** 2;
    mean.push(m);
    se.push(Math.sqrt(v / (n - 1) / n));
  }
  return { mean, se };
}

describe('synthesize', () => {
  it('agrees with the engine on every per-period mean, within Monte Carlo error', async () => {
    // Both start from the opening pipeline (taken-on items of several ages, queued items of a
    // worked stage, a stage whose rate an initiative ramps): two implementations of it.
    const model = modelOf(SCENARIO);
    const plain = model;
    const result = await forecast(plain, { workers: 1 });
    const N = 800;
    const T = model.calendar.periods;
    const series = new Map<string, Float64Array[]>();
    const push = (key: string, v: Float64Array) => {
      const l = series.get(key) ?? [];
      l.push(v);
      series.set(key, l);
    };
    for (let i = 0; i < N; i++) {
      const h = synthesize(plain, { seed: 5, trial: i, deals: false });
      const sum = (pick: (c: (typeof h.cohorts)[number]) => Float64Array) => {
        const out = new Float64Array(T);
        for (const c of h.cohorts)
          pick(c).forEach((v, t) => {
            out[t]! += v;
          });
        return out;
      };
      push(
        'leads',
        sum((c) => c.leads),
      );
      plain.stages.forEach((s, k) => {
        push(
          `stages.${s.id}`,
          sum((c) => c.arrivals[k]!),
        );
      });
      push(
        'new_bookings',
        sum((c) => c.bookings),
      );
      push('pipeline', h.pipeline);
      push('accounts', h.accounts);
      push('repeat_bookings', h.repeatBookings);
      push('roles.ae.taken', h.taken[0]!);
    }
    const engine = (key: string) => {
      if (key.startsWith('stages.')) return result.stages[key.slice(7)]!.periods;
      if (key === 'roles.ae.taken') return result.roles.ae!.taken.periods;
      return result.metrics[key as 'leads'].periods;
    };
    let compared = 0;
    for (const [key, rows] of series) {
      const syn = meanSe(rows);
      engine(key).forEach((s, t) => {
        const tol = 4.5 * Math.hypot(s.se!, syn.se[t]!);
        expect(Math.abs(syn.mean[t]! - s.mean), `${key} period ${t}`).toBeLessThanOrEqual(tol);
        compared += 1;
      });
    }
    expect(compared).toBe(series.size * T);
  }, 120_000);

  it('starts from the opening pipeline: with no leads, wins follow the age-conditioned lag', () => {
    // closed form (docs/model.md): n items of age a, rate r, lag pmf p →
    // E[wins in period l] = n · r · p[a+l] / Σ_{j≥a} p[j]
    const model = modelOf(`calendar: {start: 2027-01, periods: 4}
markets: {m: {deal_size: 1}}
channels: {c: {spend: 0, response: {curve: linear, cost_per_lead: 1}}}
funnel:
  - {stage: lead}
  - {stage: opp, rate: 0.5}
  - {stage: won, rate: 0.4, lag: [0.1, 0.2, 0.3, 0.25, 0.15]}
pipeline:
  - {stage: opp, count: 50, age: 2}
`);
    const N = 400;
    const wins = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) {
      const h = synthesize(model, { seed: 3, trial: i, deals: false });
      h.cohorts[0]!.arrivals[2]!.forEach((v, t) => {
        wins[t]! += v / N;
      });
    }
    const p = [0.3, 0.25, 0.15, 0];
    p.forEach((q, l) => {
      const expected = (50 * 0.4 * q) / 0.7;
      // Binomial(50, 0.4·q/0.7) per trial: se of the mean = √(50·π(1−π)/N)
      const pi = (0.4 * q) / 0.7;
      expect(Math.abs(wins[l]! - expected)).toBeLessThanOrEqual(
        4.5 * Math.sqrt((50 * pi * (1 - pi)) / N) + 1e-12,
      );
    });
  });
});
