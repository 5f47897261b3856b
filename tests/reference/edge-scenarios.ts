/**
 * Hand-made plans at the edges of the model semantics, for the fidelity test: a one-period
 * calendar, roles on the first and last stage, ramps with zero productivity, attrition 0.5
 * with same-period backfill, capped rates (win factor and rate factors above 1), an
 * initiative with a zero demand multiplier outside the horizon, clamped normal capacity,
 * queue loss 0 and 1, a million accounts, lags that run past the horizon, leads_cv 1.5,
 * an opening pipeline (queued, overdue by its lag, past the horizon, under a ramping rate).
 */

/** One edge plan: a short name and its YAML. */
export interface EdgeScenario {
  readonly name: string;
  readonly yaml: string;
}

/** The edge plans. */
export const EDGE_SCENARIOS: readonly EdgeScenario[] = [
  {
    // one period: leads queue at the first stage, won deals wait for a ramping, leaving team
    name: 'one-period',
    yaml: `
calendar: {start: 2027-11, periods: 1}
markets: {a: {deal_size: 100}}
channels: {c: {response: {curve: fixed, leads: 50}}}
funnel:
  - {stage: l, worked_by: r}
  - {stage: w, rate: 0.5, worked_by: q}
team:
  r: {headcount: 1, capacity: 30, queue_loss: 0}
  q: {headcount: 2, capacity: 3.3, ramp: [0, 0.5], hires: 2, attrition: 0.5, backfill: {lag: 0}}
targets: {bookings: 600, quarterly: [600]}
`,
  },
  {
    // 30 periods, lags beyond the horizon, stacked initiatives, idle role, churn 0.3, capped rates
    name: 'long-lags',
    yaml: `
calendar: {start: 2027-01, periods: 30}
markets:
  a: {deal_size: {dist: lognormal, median: 1000, p90: 5000}, growth: -0.03, win_factor: 3}
  b: {deal_size: {dist: uniform, min: 10, max: 20}, demand_shock: {dist: normal, mean: 0.3, sd: 0.5}}
channels:
  c: {spend: [0, 0, 5000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9000], spend_before: 400, carryover: 0.9, response: {curve: linear, cost_per_lead: 10}, markets: {a: 0.5, b: 0.5}, leads_cv: 1.5, rate_factors: {w: 4}}
  d: {response: {curve: hill, max_leads: 5000, half_spend: 1, shape: 3}, spend: 0, markets: {a: 0, b: 1}}
funnel:
  - {stage: l}
  - {stage: m, rate: 0.5, lag: {median: 6, p90: 15}, worked_by: r}
  - {stage: w, rate: 0.4, lag: [0, 0, 0, 0, 0, 1]}
team:
  r: {headcount: 0, capacity: 40, hires: {default: 0, "2027-06": 3}, ramp: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], queue_loss: 0, attrition: 0.1, backfill: {lag: 4}, cost: 10}
  idle: {headcount: 3, cost: 5, attrition: 0.3, backfill: {lag: 0}}
customers: {accounts: 10, churn: 0.3, repeat: {rate: 0.9, deal_size: 7}}
initiatives:
  x: {start: 2026-12, ramp: 5, cost: {once: 100, per_period: 1}, effects: [{team: r, capacity: 2}, {team: r, capacity: 0.5}, {stage: w, rate: 3}]}
  y: {start: 2029-06, ramp: 2, cost: {once: 1000}, effects: [{market: b, demand: 0}]}
`,
  },
  {
    // three queues in one period (zero lags), clamped normal capacity, queue_loss 1, 10⁶ accounts
    name: 'three-queues',
    yaml: `
calendar: {start: 2027-03, periods: 7}
markets: {a: {deal_size: 5}}
channels: {c: {response: {curve: fixed, leads: 5000}, leads_cv: 0.5}}
funnel:
  - {stage: l}
  - {stage: m, rate: 0.9, worked_by: r}
  - {stage: n, rate: 0.9, worked_by: s}
  - {stage: w, rate: 0.9, worked_by: u}
team:
  r: {headcount: 40, capacity: 100, queue_loss: 0.01}
  s: {headcount: 7, capacity: {dist: normal, mean: 300, sd: 300}, queue_loss: {dist: uniform, min: 0, max: 1}}
  u: {headcount: "1 to 9", capacity: 250, queue_loss: 1}
customers: {accounts: 1000000, churn: 0.5, repeat: {rate: 0.001, deal_size: 9}}
`,
  },
  {
    // opening pipeline: queued at a worked stage, ages within and beyond the lag, an item
    // due past the horizon, first-stage items, a ramping rate on the resolving stage
    name: 'opening-pipeline',
    yaml: `
calendar: {start: 2027-01, periods: 6}
markets: {a: {deal_size: 100}, b: {deal_size: {dist: lognormal, median: 50, p90: 200}, win_factor: 1.5}}
channels:
  c: {response: {curve: fixed, leads: 20}, markets: {a: 0.5, b: 0.5}}
  d: {response: {curve: fixed, leads: 0}, markets: {a: 0.5, b: 0.5}, rate_factors: {w: 0.5}}
funnel:
  - {stage: l}
  - {stage: m, rate: 0.5, lag: [0.6, 0.4], worked_by: r}
  - {stage: w, rate: 0.6, lag: [0, 0.1, 0.2, 0.2, 0.2, 0.2, 0.1]}
team:
  r: {headcount: 1, capacity: 12, queue_loss: 0.2}
initiatives:
  x: {start: 2027-02, ramp: 3, effects: [{stage: w, rate: 1.5}]}
pipeline:
  - {stage: l, count: 40, age: 1, market: a}
  - {stage: m, count: 30, queued: true, market: b}
  - {stage: m, count: 25, age: 0, market: a, channel: c}
  - {stage: m, count: 15, age: 4, market: b, channel: d}
  - {stage: m, count: 12, age: 9, market: a, channel: d}
  - {stage: m, count: 10, age: 6, market: a, channel: c}
`,
  },
];
