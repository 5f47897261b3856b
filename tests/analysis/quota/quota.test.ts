/**
 * quota() end to end: quotas add up, a mid-year hire gets the prorated share, attainment
 * keeps the team's bookings, the reps rebuilt per trial agree with the expected seats, and
 * reading the trials twice gives the same numbers as keeping them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { forecast } from '../../../src/analysis/forecast.js';
import { SeatCredit } from '../../../src/analysis/quota/credit.js';
import { quota, quotaWithForecast } from '../../../src/analysis/quota/index.js';
import { buildRoster } from '../../../src/analysis/quota/roster.js';
import type { TrialRows } from '../../../src/analysis/quota/rows.js';
import type { QuotaResult } from '../../../src/analysis/quota/types.js';
import { simulate } from '../../../src/analysis/simulate.js';
import { buildLayout } from '../../../src/sim/layout.js';
import { memoryLogger } from '../../../src/util/logger.js';
import { modelOf } from '../../helpers/model.js';

const B2B = readFileSync(join(import.meta.dirname, '../../../scenarios/b2b-saas.yaml'), 'utf8');

/**
 * Twelve periods, bookings of exactly 1,000 a period (one account that buys one repeat deal
 * of fixed size every period, no leads), so the bookings profile is flat and the team target
 * is 12,000 at any confidence.
 */
const flat = (team: string, over = 1) =>
  modelOf(`
scenario: flat bookings
calendar: {start: 2027-01, periods: 12}
simulation: {trials: 50, seed: 1}
markets: {m: {deal_size: 1000}}
channels: {none: {response: {curve: fixed, leads: 0}}}
funnel: [{stage: lead}, {stage: won, rate: 0.5, worked_by: ae}]
team: {ae: ${team}}
customers: {accounts: 1, churn: 0, repeat: {rate: 1, deal_size: 1000}}
quota: {role: ae, confidence: 0.6, over_assignment: ${over}}
`);

describe('per-rep quotas', () => {
  it('a rep hired in month 7 gets the prorated share: half the year, shared by five', async () => {
    const q = await quota(flat('{headcount: 4, capacity: 10, hires: {"2027-07": 1}}', 1.1), {
      workers: 1,
    });
    expect(q.team_target).toBe(12_000);
    expect(q.total_quota).toBeCloseTo(13_200, 9);
    const hire = q.reps.find((r) => r.kind === 'hire')!;
    expect(hire.start).toBe('2027-07');
    expect(hire.start_period).toBe(6);
    // Months 1–6 are shared by 4 reps, months 7–12 by 5: the hire carries 6/12 · 1/5.
    expect(hire.quota).toBeCloseTo(13_200 * (6 / 12) * (1 / 5), 6);
    // Each of its quarters: three months of 1,100 of quota shared by five.
    expect(hire.quarterly).toEqual([0, 0, expect.closeTo(660, 6), expect.closeTo(660, 6)]);
    for (const r of q.reps.filter((r) => r.kind === 'starting'))
      expect(r.quota).toBeCloseTo(13_200 * ((6 / 12) * (1 / 4) + (6 / 12) * (1 / 5)), 6);
  });

  it('a ramping hire gets less: ramp [0.5] halves the first month', async () => {
    const q = await quota(
      flat('{headcount: 4, capacity: 10, ramp: [0.5], hires: {"2027-07": 1}}'),
      { workers: 1 },
    );
    const hire = q.reps.find((r) => r.kind === 'hire')!;
    // July: 0.5 of 4.5 ramped reps; August to December: 1 of 5.
    expect(hire.capacity_share).toBeCloseTo((1 / 12) * (0.5 / 4.5) + (5 / 12) * (1 / 5), 12);
    expect(hire.ramped_months).toBeCloseTo(5.5, 12);
  });

  it('add up to the total quota, per rep over quarters and per quarter over reps (B2B example)', async () => {
    const q = await quota(modelOf(B2B, { trials: 600 }), { workers: 1 });
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(q.reps.map((r) => r.quota))).toBeCloseTo(q.total_quota, 4);
    expect(sum(q.reps.map((r) => r.capacity_share))).toBeCloseTo(1, 12);
    expect(sum(q.quarterly_quota)).toBeCloseTo(q.total_quota, 4);
    for (const r of q.reps) {
      expect(sum(r.quarterly)).toBeCloseTo(r.quota, 6);
      expect(sum(r.monthly)).toBeCloseTo(r.quota, 6);
      expect(r.quota).toBeCloseTo(r.capacity_share * q.total_quota, 6);
    }
    // Seven starting AEs, two hired in March and one in July (the example's plan).
    expect(q.reps.map((r) => r.start)).toEqual([
      ...Array(7).fill('2027-01'),
      '2027-03',
      '2027-03',
      '2027-07',
    ]);
    expect(q.reps.map((r) => r.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `ae-${String(i + 1).padStart(2, '0')}`),
    );
  });
});

describe('an uncertain starting headcount', () => {
  it('plans seats for its median and credits reps above it to no seat, saying so', async () => {
    // "5 to 9" is a lognormal with median √45 ≈ 6.7: the roster plans 7 starting seats.
    const model = modelOf(B2B.replace('headcount: 7', 'headcount: "5 to 9"'), { trials: 400 });
    const q = await quota(model, { workers: 1 });
    expect(q.reps.filter((r) => r.kind === 'starting')).toHaveLength(7);
    expect(q.warnings[0]).toMatch(
      /starting headcount is uncertain: the roster plans for its median, 7 reps/,
    );
    expect(q.outside_roster.unrostered).toBeGreaterThan(0);
    const credited = q.reps.reduce((s, r) => s + r.quota * r.expected_attainment!, 0);
    expect(credited / q.bookings.mean).toBeCloseTo(1 - q.outside_roster.unrostered, 2);
  });
});

describe('bookings in months with no rep of the role', () => {
  it('are credited to no seat, and the result says how much they inflate the quotas', async () => {
    // No rep until the July hire: half of the flat bookings fall before anyone can earn them.
    const q = await quota(flat('{headcount: 0, capacity: 10, hires: {"2027-07": 1}}'), {
      workers: 1,
    });
    expect(q.outside_roster.uncredited).toBeCloseTo(0.5, 12);
    expect(q.warnings).toContain(
      '50.0% of horizon bookings fall in months with no ae rep: they count towards the team target and total quota but no seat can earn them, so rep quotas are inflated by about 2.00× (1/(1 − share))',
    );
    // A February hire leaves one month in twelve uncredited: 8.3%, above the 5% threshold.
    const feb = await quota(flat('{headcount: 0, capacity: 10, hires: {"2027-02": 1}}'), {
      workers: 1,
    });
    expect(feb.warnings.some((w) => w.startsWith('8.3% of horizon bookings'))).toBe(true);
    // A rep from the start: nothing uncredited, nothing said.
    const staffed = await quota(flat('{headcount: 1, capacity: 10}'), { workers: 1 });
    expect(staffed.outside_roster.uncredited).toBe(0);
    expect(staffed.warnings.some((w) => w.includes('no ae rep'))).toBe(false);
  });
});

describe('attainment', () => {
  const b2b = modelOf(B2B, { trials: 1500 });
  const logger = memoryLogger();
  let q: QuotaResult;
  beforeAll(async () => {
    q = await quota(b2b, { workers: 1, logger });
  });

  it('credits all of the team bookings: Σ quota × mean attainment = mean bookings', () => {
    expect(q.outside_roster).toEqual({ unrostered: 0, uncredited: 0 });
    const credited = q.reps.reduce((s, r) => s + r.quota * r.expected_attainment!, 0);
    expect(credited).toBeCloseTo(q.bookings.mean, 4);
    expect(q.team_attainment).toBeCloseTo(q.bookings.mean / q.total_quota, 12);
  });

  it('rebuilds the seats the plan expects: simulated ramped months within 4.5 SE of the expectation', () => {
    for (const r of q.reps) {
      expect(
        Math.abs(r.simulated_ramped_months - r.ramped_months),
        `${r.id}: ${r.simulated_ramped_months} vs ${r.ramped_months}`,
      ).toBeLessThanOrEqual(4.5 * r.simulated_ramped_months_se!);
    }
  });

  it('warns when fewer than half the reps are expected to reach quota', async () => {
    expect(q.share_reaching_quota.mean).toBeLessThan(0.5);
    expect(q.warnings.some((w) => w.startsWith('fewer than half of the reps'))).toBe(true);
    expect(logger.warnings).toEqual(q.warnings);
    // A target the team reaches 9 times in 10, not over-assigned: most reps make it, nothing is said.
    const easy = await quota(b2b, { workers: 1, confidence: 0.9, overAssignment: 1 });
    expect(easy.share_reaching_quota.mean).toBeGreaterThan(0.5);
    expect(easy.warnings).toEqual([]);
  });

  it('identical reps without performance spread all reach quota exactly when the team does', async () => {
    const model = modelOf(`
scenario: one lognormal deal
calendar: {start: 2027-01, periods: 1}
simulation: {trials: 2000, seed: 5}
markets: {m: {deal_size: 1000}}
channels: {none: {response: {curve: fixed, leads: 0}}}
funnel: [{stage: lead}, {stage: won, rate: 0.5, worked_by: ae}]
team: {ae: {headcount: 4, capacity: 10}}
customers: {accounts: 1, churn: 0, repeat: {rate: 1, deal_size: {dist: lognormal, median: 10000, p90: 25000}}}
quota: {role: ae, confidence: 0.6, over_assignment: 1.2, performance_cv: 0}
`);
    const q = await quota(model, { workers: 1 });
    const p = q.probability_total_quota.probability;
    expect(q.share_reaching_quota.mean).toBeCloseTo(p, 12);
    expect(q.reps_reaching).toEqual([expect.closeTo(1 - p, 12), 0, 0, 0, expect.closeTo(p, 12)]);
    for (const r of q.reps) {
      expect(r.probability_reaching).toBeCloseTo(p, 12);
      expect(r.expected_attainment).toBeCloseTo(q.bookings.mean / q.total_quota, 9);
    }
  });

  it('spreads attainment with performance_cv and keeps its mean', async () => {
    // The example's own spread is 0.3 (q); none and 0.6 around it.
    const none = await quota(b2b, { workers: 1, performanceCv: 0 });
    const wide = await quota(b2b, { workers: 1, performanceCv: 0.6 });
    const spread = (h: readonly number[]) => {
      const n = h.reduce((a, b) => a + b, 0);
      const mean = h.reduce((a, c, i) => a + c * (i + 0.5), 0) / n;
      return Math.sqrt(h.reduce((a, c, i) => a + c * (i + 0.5 - mean) ** 2, 0) / n);
    };
    expect(spread(wide.attainment_histogram.counts)).toBeGreaterThan(
      1.3 * spread(none.attainment_histogram.counts),
    );
    // Renormalised within each period: the team total, and so the team's attainment, is kept.
    expect(wide.team_attainment).toBeCloseTo(none.team_attainment, 12);
  });
});

describe('per-trial rows', () => {
  const model = modelOf(B2B, { trials: 500 });

  it('reading the trials twice (over the memory budget) gives the numbers of keeping them', async () => {
    const kept = await quota(model, { workers: 1 });
    const twice = await quota(model, { workers: 1, storeBytes: 0 });
    expect(twice).toEqual(kept);
  });

  it('any trial credited alone gives what it gives in sequence', async () => {
    const layout = buildLayout(model);
    const roster = buildRoster(model, model.quota!.role);
    const inOrder = new SeatCredit(model, layout, roster, 0.3);
    const alone = new SeatCredit(model, layout, roster, 0.3);
    const all: Float64Array[] = [];
    const rows: Float64Array[] = [];
    await simulate(model, { workers: 1, to: 40 }, (_from, count, batch) => {
      for (let i = 0; i < count; i++) {
        all.push(inOrder.credit(i, batch, i * layout.width).credit.slice());
        rows.push(batch.slice(i * layout.width, (i + 1) * layout.width));
      }
    });
    for (const i of [39, 7, 0, 22]) expect(alone.credit(i, rows[i]!, 0).credit).toEqual(all[i]);
  });

  it('stops with a clear error when a row cannot come from the plan', async () => {
    const layout = buildLayout(model);
    const T = layout.periods;
    const headcount = layout.role[model.quota!.role]!.headcount;
    const broken: TrialRows = {
      forecast: (consume) =>
        forecast(model, {
          workers: 1,
          tee: (from, count, batch) => {
            const copy = batch.slice();
            // Trial 0 gains a rep in May that no hire, backfill or leaver explains.
            if (from === 0) copy[headcount * T + 4] = copy[headcount * T + 4]! + 1;
            consume(from, count, copy);
          },
        }),
      replay: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
    await expect(quota(model, { rows: broken })).rejects.toThrow(
      /trial 0, role ae, 2027-05: the row gives a headcount of \d+ where its leavers, hires and backfills give \d+/,
    );
  });
});

describe('the forecast it comes with', () => {
  it('is the forecast of the model: same trials, same numbers', async () => {
    const model = modelOf(B2B, { trials: 300 });
    const { quota: q, forecast: f } = await quotaWithForecast(model, { workers: 1 });
    const plain = await forecast(model, { workers: 1 });
    expect(f).toEqual(plain);
    expect(q.bookings.mean).toBeCloseTo(plain.metrics.bookings.total.mean, 6);
    expect(q.bookings.p50).toBe(plain.metrics.bookings.total.p50);
  });
});
