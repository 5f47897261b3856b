/**
 * The opening pipeline in the engine (docs/model.md, "Opening pipeline") against closed
 * forms, and the bundled B2B example's first quarter with and without it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/analysis/forecast.js';
import { loadModel } from '../../src/scenario/index.js';
import { modelOf } from '../helpers/model.js';

const ROOT = join(import.meta.dirname, '../..');

describe('the opening pipeline', () => {
  it('resolves taken-on items by their remaining lag given their age: E[wins in l] = n·r·lag[a+l]/Σ_{j≥a} lag[j]', async () => {
    const trials = 3000;
    const model = modelOf(
      `calendar: {start: 2027-01, periods: 4}
simulation: {trials: ${trials}, seed: 9}
markets: {m: {deal_size: 1}}
channels: {c: {spend: 0, response: {curve: linear, cost_per_lead: 1}}}
funnel:
  - {stage: lead}
  - {stage: opp, rate: 0.5}
  - {stage: won, rate: 0.4, lag: [0.1, 0.2, 0.3, 0.25, 0.15]}
pipeline:
  - {stage: opp, count: 50, age: 2}
  - {stage: opp, count: 30, age: 9}
`,
    );
    const r = await forecast(model, { workers: 1 });
    const lag = [0.1, 0.2, 0.3, 0.25, 0.15];
    // Age 2: lag[2 + l] / 0.7 for l = 0, 1, 2 (then nothing); age 9 is past the lag's last
    // period (4), so those items resolve in period 0.
    const expected = [0, 1, 2, 3].map(
      (l) => 50 * 0.4 * ((lag[2 + l] ?? 0) / 0.7) + (l === 0 ? 30 * 0.4 : 0),
    );
    r.metrics.wins.periods.forEach((s, l) => {
      // Two binomials per period: var = Σ n·π(1−π); se of the mean over the trials.
      const pi1 = (0.4 * (lag[2 + l] ?? 0)) / 0.7;
      const pi2 = l === 0 ? 0.4 : 0;
      const se = Math.sqrt((50 * pi1 * (1 - pi1) + 30 * pi2 * (1 - pi2)) / trials);
      expect(Math.abs(s.mean - expected[l]!), `period ${l}`).toBeLessThanOrEqual(4.5 * se + 1e-12);
    });
    // Open items count as pipeline until they resolve: 80 at the start of period 0, of which
    // the 30 overdue and the age-2 items due in period 0 resolve then.
    const open0 = 50 * (1 - 0.3 / 0.7);
    expect(Math.abs(r.metrics.pipeline.periods[0]!.mean - open0)).toBeLessThanOrEqual(
      4.5 * Math.sqrt((50 * (0.3 / 0.7) * (0.4 / 0.7)) / trials),
    );
    expect(r.metrics.leads.total.mean).toBe(0);
  });

  it('queues items for the role that works their stage, and the role takes them on from period 0', async () => {
    // Ten queued opportunities, an AE who takes on 4 a month and loses none, every one won at
    // once: wins 4, 4, 2, 0 in every trial.
    const model = modelOf(`calendar: {start: 2027-01, periods: 4}
simulation: {trials: 50, seed: 2}
markets: {m: {deal_size: 1000}}
channels: {c: {spend: 0, response: {curve: linear, cost_per_lead: 1}}}
funnel:
  - {stage: lead}
  - {stage: opp, rate: 0.5, worked_by: ae}
  - {stage: won, rate: 1}
team:
  ae: {headcount: 1, capacity: 4, queue_loss: 0}
pipeline:
  - {stage: opp, count: 10, queued: true}
`);
    const r = await forecast(model, { workers: 1 });
    expect(r.metrics.wins.periods.map((s) => [s.mean, s.sd])).toEqual([
      [4, 0],
      [4, 0],
      [2, 0],
      [0, 0],
    ]);
    // Queued items are not arrivals of their stage.
    expect(r.stages.opp!.total.mean).toBe(0);
    expect(r.metrics.bookings.total.mean).toBe(10_000);
  });

  it('fills the B2B example’s first quarter: deals in flight on 1 January are booked', async () => {
    const model = await loadModel(join(ROOT, 'scenarios/b2b-saas.yaml'), { trials: 2000 });
    expect(model.pipeline.length).toBeGreaterThan(0);
    const withIt = await forecast(model, { workers: 1 });
    const without = await forecast({ ...model, pipeline: [] }, { workers: 1 });
    const a = withIt.quarterly.bookings![0]!;
    const b = without.quarterly.bookings![0]!;
    // Many standard errors apart, and a sizeable share of the quarter.
    expect(a.mean - b.mean).toBeGreaterThan(6 * Math.hypot(a.se!, b.se!));
    expect(a.mean / b.mean).toBeGreaterThan(1.15);
  });
});
