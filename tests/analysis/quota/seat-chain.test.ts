/**
 * The seat chain against closed forms worked out by hand from docs/model.md "Team", and the
 * roster's expected headcount, leavers and capacity against the engine's simulated means.
 */
import { describe, expect, it } from 'vitest';
import { forecast } from '../../../src/analysis/forecast.js';
import { expectedCapacity } from '../../../src/analysis/quota/expected-capacity.js';
import { buildRoster } from '../../../src/analysis/quota/roster.js';
import { seatExpectation } from '../../../src/analysis/quota/seat-chain.js';
import type { Summary } from '../../../src/analysis/types.js';
import { modelOf } from '../../helpers/model.js';

const none = new Float64Array();
const a = 0.1;

describe('seatExpectation', () => {
  it('no ramp, no backfill: a starting rep is there with (1 − a)^(t+1), a hire with (1 − a)^t', () => {
    const start = seatExpectation({ ramp: none, backfillLag: -1 }, a, 5, 'ramped');
    const hire = seatExpectation({ ramp: none, backfillLag: -1 }, a, 5, 'new');
    for (let t = 0; t < 5; t++) {
      expect(start.capacity[t]).toBeCloseTo((1 - a) ** (t + 1), 14);
      expect(start.leavers[t]).toBeCloseTo(a * (1 - a) ** t, 14);
      // A joiner is not exposed to attrition in the period it joins.
      expect(hire.capacity[t]).toBeCloseTo((1 - a) ** t, 14);
    }
    expect([...start.backfills]).toEqual([0, 0, 0, 0, 0]);
  });

  it('backfill lag 0 keeps the seat held; a ramp makes the backfill work at ramp[0]', () => {
    const flat = seatExpectation({ ramp: none, backfillLag: 0 }, a, 4, 'ramped');
    for (let t = 0; t < 4; t++) expect(flat.heads[t]).toBeCloseTo(1, 14);
    const ramped = seatExpectation({ ramp: Float64Array.of(0.5), backfillLag: 0 }, a, 2, 'ramped');
    // t = 0: kept (1 − a) at 1, replaced a at 0.5.
    expect(ramped.capacity[0]).toBeCloseTo(1 - a + 0.5 * a, 14);
    // t = 1: the period-0 backfill is ramped now and exposed: everyone who holds the seat at
    // the start of period 1 works at 1 unless they leave, and a leaver's backfill works at 0.5.
    expect(ramped.capacity[1]).toBeCloseTo(1 - a + 0.5 * a, 14);
  });

  it('backfill lag 2: the seat is empty for two periods after a leaver', () => {
    const e = seatExpectation({ ramp: none, backfillLag: 2 }, a, 4, 'ramped');
    expect(e.heads[0]).toBeCloseTo(1 - a, 14);
    expect(e.heads[1]).toBeCloseTo((1 - a) ** 2, 14);
    // The original rep, or the backfill of a period-0 leaver (joins at 2, not yet exposed).
    expect(e.heads[2]).toBeCloseTo((1 - a) ** 3 + a, 14);
    expect(e.backfills[2]).toBeCloseTo(a, 14);
    // Period 3: original (1 − a)^4; period-0 backfill stayed (a(1 − a)); period-1 leaver's backfill joins (a(1 − a)).
    expect(e.heads[3]).toBeCloseTo((1 - a) ** 4 + 2 * a * (1 - a), 14);
  });
});

describe('expected team of the roster against the simulated team', () => {
  // capacity × every ramp step is a whole number, so E[capacity] = 20 · E[Σ ramp] exactly.
  const model = modelOf(`
scenario: team check
calendar: {start: 2027-01, periods: 12}
simulation: {trials: 3000, seed: 3}
markets: {m: {deal_size: 1000}}
channels: {c: {response: {curve: fixed, leads: 50}}}
funnel: [{stage: lead}, {stage: won, rate: 0.3, worked_by: ae}]
team:
  ae:
    headcount: 6
    capacity: 20
    ramp: [0.25, 0.5, 0.75]
    attrition: {dist: beta, alpha: 3, beta: 47}
    backfill: {lag: 2}
    hires: {"2027-03": 2, "2027-08": 1}
quota: {role: ae, confidence: 0.5}
`);
  const roster = buildRoster(model, 0);
  const e = expectedCapacity(model, roster);
  const T = 12;
  const team = (values: Float64Array, t: number) =>
    roster.seats.reduce((sum, _s, s) => sum + values[s * T + t]!, 0);
  const within = (s: Summary, expected: number, label: string) =>
    expect(
      Math.abs(s.mean - expected),
      `${label}: ${s.mean} vs ${expected} ± ${s.se}`,
    ).toBeLessThanOrEqual(4.5 * s.se! + 1e-9);

  it('headcount, leavers and capacity per period match the engine within 4.5 SE', async () => {
    const r = (await forecast(model, { workers: 1 })).roles.ae!;
    for (let t = 0; t < T; t++) {
      within(r.headcount.periods[t]!, team(e.heads, t), `headcount ${t}`);
      within(r.leavers.periods[t]!, team(e.leaversByPeriod, t), `leavers ${t}`);
      within(r.capacity.periods[t]!, 20 * team(e.capacity, t), `capacity ${t}`);
    }
  });
});
