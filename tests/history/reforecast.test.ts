/**
 * reforecast: the replayed state against closed forms worked by hand, the rate and lead-level
 * updates against their conjugate answers, the stitched rows (actuals fixed in every trial,
 * totals and targets counting them), actuals that do not fit the scenario, and the must-show:
 * actuals taken from one synthetic world (the item-level synthesizer's trial of the B2B plan)
 * narrow the interval and keep that world's outcome inside it — and over a batch of worlds the
 * intervals cover what they claim.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forecast } from '../../src/analysis/forecast.js';
import type { Summary } from '../../src/analysis/types.js';
import { readActuals } from '../../src/history/read-actuals.js';
import { checkStageTotals } from '../../src/history/reforecast/align.js';
import { expectedTeam } from '../../src/history/reforecast/expected-team.js';
import { impliedState } from '../../src/history/reforecast/implied-state.js';
import { readActualsFor } from '../../src/history/reforecast/read.js';
import { reforecast } from '../../src/history/reforecast/reforecast.js';
import { posteriorRate } from '../../src/history/reforecast/update-rates.js';
import { synthesize } from '../../src/history/synthesize.js';
import { actualsCsv } from '../../src/history/write-csv.js';
import type { Model } from '../../src/model/types.js';
import { distMean, distVariance } from '../../src/stats/dist-math.js';
import { normalQuantile } from '../../src/stats/normal.js';
import { InputError } from '../../src/util/result.js';
import { modelOf } from '../helpers/model.js';

/** φ(z) at z = Φ⁻¹(0.9): the standard normal density where P10 and P90 sit. */
const PHI_Z90 = Math.exp(-(normalQuantile(0.9) ** 2) / 2) / Math.sqrt(2 * Math.PI);

const ROOT = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'salesops-reforecast-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CHAIN = `scenario: replay
calendar: {start: 2027-01, periods: 6}
markets: {m: {deal_size: 1000}}
channels:
  c: {response: {curve: fixed, leads: 100}}
funnel:
  - {stage: lead}
  - {stage: opp, rate: 0.5, lag: [0.6, 0.4]}
  - {stage: won, rate: 0.3, lag: [0.3, 0.4, 0.3]}
`;

/** Writes `rows` (after the header) as an actuals CSV and returns its path. */
function csv(name: string, header: string, rows: readonly string[]): string {
  const path = join(tmp, name);
  writeFileSync(path, `${[header, ...rows].join('\n')}\n`);
  return path;
}

/** The first k months of a synthetic world of `model` as an actuals file. */
function worldActuals(model: Model, seed: number, k: number): { path: string; outcome: number } {
  const h = synthesize(model, { seed, deals: false });
  const months = new Set(model.calendar.labels.slice(0, k));
  const [header, ...lines] = actualsCsv(model, h).trimEnd().split('\n');
  const path = csv(
    `world-${seed}-${k}.csv`,
    header!,
    lines.filter((l) => months.has(l.slice(0, 7))),
  );
  let outcome = 0;
  for (let t = 0; t < model.calendar.periods; t++) {
    outcome += h.repeatBookings[t]!;
    for (const c of h.cohorts) outcome += c.bookings[t]!;
  }
  return { path, outcome };
}

describe('the state the actuals imply', () => {
  const arrivals = (k: number, lead: number[], opp: number[], won: number[]) =>
    [lead, opp, won].map((a) => Float64Array.from(a.slice(0, k)));

  it('replays a funnel without roles in closed form', () => {
    const model = modelOf(CHAIN);
    const s = impliedState(model, {
      k: 3,
      arrivals: arrivals(3, [100, 120, 80], [50, 60, 40], [10, 20, 15]),
      capacity: new Float64Array(0),
      queueLoss: new Float64Array(0),
    });
    // leads resolve into opp after [0.6, 0.4]: month 0: 100·0.6; 1: 100·0.4 + 120·0.6; 2: 120·0.4 + 80·0.6
    expect([...s.resolved[1]!]).toEqual([60, 112, 96].map((x) => expect.closeTo(x, 12)));
    // opp resolves into won after [0.3, 0.4, 0.3]
    expect([...s.resolved[2]!]).toEqual([15, 38, 51].map((x) => expect.closeTo(x, 12)));
    // open at month 3: 80 leads · P(lag ≥ 1) = 32 at age 1; opps 40 · 0.7 = 28 (age 1), 60 · 0.3 = 18 (age 2)
    expect(s.openTaken[0]).toBeCloseTo(32, 12);
    expect(s.openTaken[1]).toBeCloseTo(46, 12);
    expect(s.pipeline).toEqual([
      { stage: 0, channel: 0, market: 0, age: 1, count: 32, queued: false },
      { stage: 1, channel: 0, market: 0, age: 1, count: 28, queued: false },
      { stage: 1, channel: 0, market: 0, age: 2, count: 18, queued: false },
    ]);
  });

  it('replays a role’s queue at its expected capacity, and the scenario’s opening pipeline', () => {
    const model = modelOf(
      `${CHAIN.replace('{stage: opp, rate: 0.5,', '{stage: opp, worked_by: ae, rate: 0.5,')}team: {ae: {headcount: 1, capacity: 40, queue_loss: 0.5}}
pipeline:
  - {stage: opp, count: 10, age: 1}
`,
    );
    const team = expectedTeam(
      model,
      3,
      Float64Array.from(model.params, (p) => distMean(p.dist)),
      new Float64Array(6).fill(1),
    );
    expect([...team.capacity]).toEqual([40, 40, 40]);
    const s = impliedState(model, {
      k: 3,
      arrivals: arrivals(3, [100, 120, 80], [50, 60, 40], [10, 20, 15]),
      capacity: team.capacity,
      queueLoss: Float64Array.of(0.5),
    });
    // waiting 50 → take 40, 10 left, half lost: 5; 65 → 40, 12.5; 52.5 → 40, 6.25 queued at k
    expect([...s.taken[1]!]).toEqual([40, 40, 40]);
    expect(s.openQueued[1]).toBeCloseTo(6.25, 12);
    // the opening 10 items of age 1 resolve with lag[1 + l] / 0.7: months 0, 1 (4/7, 3/7)
    expect(s.resolved[2]![0]).toBeCloseTo(40 * 0.3 + (10 * 0.4) / 0.7, 12);
    expect(s.resolved[2]![1]).toBeCloseTo(40 * 0.4 + 40 * 0.3 + (10 * 0.3) / 0.7, 12);
    // taken 40 a month: open 40 · 0.7 = 28 (age 1) and 40 · 0.3 = 12 (age 2), and 6 queued
    expect(s.pipeline.filter((e) => e.stage === 1)).toEqual([
      { stage: 1, channel: 0, market: 0, age: 1, count: 28, queued: false },
      { stage: 1, channel: 0, market: 0, age: 2, count: 12, queued: false },
      { stage: 1, channel: 0, market: 0, age: 0, count: 6, queued: true },
    ]);
  });
});

describe('updates', () => {
  it('updates a beta prior by conjugacy and any other prior numerically', () => {
    expect(posteriorRate({ kind: 'beta', alpha: 2, beta: 8 }, 30, 100)).toEqual({
      dist: { kind: 'beta', alpha: 32, beta: 78 },
      method: 'conjugate',
    });
    expect(posteriorRate({ kind: 'fixed', value: 0.4 }, 30, 100).method).toBe('fixed');
    // a uniform prior on [0, 1] has the posterior Beta(s + 1, n − s + 1) exactly
    const u = posteriorRate({ kind: 'uniform', min: 0, max: 1 }, 30, 100);
    const exact = { kind: 'beta', alpha: 31, beta: 71 } as const;
    expect(u.method).toBe('moments');
    expect(distMean(u.dist)).toBeCloseTo(distMean(exact), 5);
    expect(Math.sqrt(distVariance(u.dist)) / Math.sqrt(distVariance(exact))).toBeCloseTo(1, 3);
  });

  it('moves an uncertain demand shock to the leads seen, and leaves a certain plan’s level alone', async () => {
    const yaml = (shock: string) =>
      `${CHAIN.replace('markets: {m: {deal_size: 1000}}', `markets: {m: {deal_size: 1000, demand_shock: ${shock}}}`).replace('leads: 100', 'leads: 1000')}simulation: {trials: 400, seed: 5}\n`;
    const rows = ['2027-01', '2027-02', '2027-03'].map((p) => `${p},c,m,0,1500,700,200,100000`);
    const header = 'period,channel,market,spend,leads,opp,wins,bookings';
    const uncertain = modelOf(yaml('"0.5 to 2"'));
    const r = await reforecast(
      uncertain,
      await readActualsFor(uncertain, csv('level.csv', header, rows)),
      { workers: 1 },
    );
    // prior log-sd ln(4)/3.29 ≈ 0.42 against the Poisson noise 1/√4500: the posterior is the data
    expect(r.leads[0]!.level.p50).toBeCloseTo(1.5, 2);
    for (let t = 3; t < 6; t++) {
      const s = r.forecast.metrics.leads.periods[t]!;
      expect(Math.abs(s.mean - 1500)).toBeLessThan(4 * s.se! + 1500 * 0.002);
    }
    const fixed = modelOf(yaml('1'));
    const f = await reforecast(fixed, await readActualsFor(fixed, csv('fixed.csv', header, rows)), {
      workers: 1,
    });
    expect(f.leads[0]!.level).toEqual({ p5: 1, p50: 1, p95: 1 });
    for (let t = 3; t < 6; t++) {
      const s = f.forecast.metrics.leads.periods[t]!;
      expect(Math.abs(s.mean - 1000)).toBeLessThan(4 * s.se!);
    }
    expect(f.notes.join('\n')).toContain(
      'leads in market m ran 50.0% above the plan (4.5k against 3k at its medians), but nothing in the plan',
    );
  });
});

describe('stitched trials', () => {
  it('fixes the actuals in every trial and counts them in totals and targets', async () => {
    const model = modelOf(
      `${CHAIN}customers: {accounts: 100, churn: 0.01, repeat: {rate: 0.05, deal_size: 500}}
targets: {bookings: 100000, quarterly: [60000, 1]}
economics: {gross_margin: 0.5}
simulation: {trials: 300, seed: 3}
`,
    );
    const header = 'period,channel,market,spend,leads,opp,wins,bookings';
    const path = csv('stitch.csv', header, [
      '2027-01,c,m,0,90,40,10,30000',
      '2027-02,c,m,0,110,55,20,45000',
    ]);
    const r = await reforecast(model, await readActualsFor(model, path), { workers: 1 });
    const f = r.forecast;
    expect(r.actuals).toEqual({ periods: 2, through: '2027-02', file: path });
    for (const [m, values] of [
      ['leads', [90, 110]],
      ['wins', [10, 20]],
      ['new_bookings', [30000, 45000]],
    ] as const) {
      const s = f.metrics[m].periods;
      values.forEach((v, t) => {
        expect([s[t]!.p5, s[t]!.p50, s[t]!.p95, s[t]!.sd]).toEqual([v, v, v, 0]);
      });
    }
    expect(f.stages.opp!.periods[1]!.mean).toBe(55);
    expect(f.channels.c!.bookings.p5).toBeGreaterThanOrEqual(75000);
    // totals = actuals + the rest, trial by trial (means add exactly up to rounding)
    const rest = f.metrics.leads.periods.slice(2).reduce((a, s) => a + s.mean, 0);
    expect(f.metrics.leads.total.mean).toBeCloseTo(200 + rest, 6);
    // 75,000 of new bookings are already in the first quarter's 60,000 target: reached in every trial
    expect(f.targets.quarterly![0]).toBe(1);
    // profit of a month of actuals: margin × (actual new + simulated repeat) − costs
    const b = f.metrics.bookings.periods[0]!.mean;
    expect(f.metrics.profit.periods[0]!.mean).toBeCloseTo(0.5 * b, 6);
    expect(f.metrics.repeat_bookings.periods[0]!.mean).toBeGreaterThan(0);
  });
});

describe('actuals that do not fit the scenario', () => {
  const model = modelOf(CHAIN);
  const header = 'period,channel,market,spend,leads,opp,wins,bookings';
  const problems = async (rows: string[], head = header) => {
    try {
      await readActualsFor(model, csv('bad.csv', head, rows), { display: 'bad.csv' });
    } catch (e) {
      if (e instanceof InputError) return e.message;
      throw e;
    }
    return 'no error';
  };

  it('names the file, line, row and column', async () => {
    expect(await problems(['2027-02,c,m,0,10,5,1,100'])).toBe(
      "bad.csv:2: ✖ the actuals start in 2027-02, but the scenario's calendar starts in 2027-01: the actuals must begin with the calendar's first month (cut earlier months, or move calendar.start) → at row 1, column period",
    );
    const months = ['01', '02', '03', '04', '05', '06', '07'].map(
      (m) => `2027-${m},c,m,0,10,5,1,100`,
    );
    expect(await problems(months)).toBe(
      "bad.csv:8: ✖ 2027-07 is past the scenario's calendar, which ends in 2027-06 (6 months): the actuals cover the months before the rest of the horizon is forecast → at row 7, column period",
    );
    expect(await problems(months.slice(0, 6))).toContain(
      'bad.csv: ✖ the actuals cover all 6 months of the scenario',
    );
    expect(await problems(['2027-01,c,m,0,10,5,1,100', '2027-01,cc,m,0,10,5,1,100'])).toBe(
      'bad.csv:3: ✖ expected a channel of the scenario (c), got "cc"; did you mean c? → at row 2, column channel',
    );
    expect(await problems(['2027-01,c,mm,0,10,5,1,100'])).toContain('→ at row 1, column market');
    expect(await problems(['2027-01,c,m,0,10,x,1,100'])).toBe(
      'bad.csv:2: ✖ expected a number, got "x" → at row 1, column opp',
    );
    expect(
      await problems(
        ['2027-01,c,m,0,10,5,1,100'],
        'period,channel,market,spend,leads,sql,wins,bookings',
      ),
    ).toContain(
      "the stage columns between leads and wins are sql, but the scenario's funnel has opp",
    );
    expect(await problems(['2027-01,c,m,0,10,12,1,100'])).toBe(
      'bad.csv:2: ✖ channel c, market m: 12 opp over the file but only 10 leads; a stage cannot receive more items than the stage before it (are two columns swapped?) → at row 1, column opp',
    );
  });

  it('refuses a (channel, market) pair the plan sends leads to but the actuals lack, naming its first missing month', async () => {
    const two = modelOf(
      CHAIN.replace(
        'markets: {m: {deal_size: 1000}}',
        'markets: {m: {deal_size: 1000}, n: {deal_size: 1000}, z: {deal_size: 1000}}',
      ).replace(
        'c: {response: {curve: fixed, leads: 100}}',
        'c: {response: {curve: fixed, leads: 100}, markets: {m: 0.6, n: 0.4}}',
      ),
    );
    const read = async (rows: string[]) => {
      try {
        await readActualsFor(two, csv('pairs.csv', header, rows), { display: 'pairs.csv' });
      } catch (e) {
        if (e instanceof InputError) return e.message;
        throw e;
      }
      return 'no error';
    };
    const row = (month: string, market: string) => `2027-${month},c,${market},0,10,5,1,100`;
    // market z gets none of c's leads (mix 0): no row needed
    expect(await read([row('01', 'm'), row('01', 'n'), row('02', 'm'), row('02', 'n')])).toBe(
      'no error',
    );
    expect(await read([row('01', 'm'), row('02', 'm')])).toBe(
      "pairs.csv: ✖ channel c, market n has no rows (first missing month: 2027-01), though the plan sends 40% of the channel's leads there: a missing row is not read as zero; write a row with zeros if there were none",
    );
    // a pair that starts late (or stops early) is missing its first (last) months
    expect(await read([row('01', 'm'), row('02', 'm'), row('02', 'n')])).toContain(
      'channel c, market n has no row for 2027-01',
    );
    expect(await read([row('01', 'm'), row('01', 'n'), row('02', 'm')])).toContain(
      'channel c, market n has no row for 2027-02',
    );
  });

  it('counts the scenario’s opening pipeline before refusing more arrivals than the stage before', async () => {
    const withPipeline = modelOf(`${CHAIN}pipeline:\n  - {stage: lead, count: 5, age: 1}\n`);
    const path = csv('opening.csv', header, ['2027-01,c,m,0,10,12,1,100']);
    const a = await readActuals(path, { stageTotals: false, stages: ['lead', 'opp', 'won'] });
    if (!a.ok) throw new Error('unreadable actuals');
    // 12 opp from 10 leads and 5 leads open at the start
    expect(checkStageTotals(withPipeline, a.value)).toEqual([]);
    expect(checkStageTotals(model, a.value)).toHaveLength(1);
  });
});

describe('reforecast of one synthetic world of the B2B plan', () => {
  const text = readFileSync(join(ROOT, 'scenarios/b2b-saas.yaml'), 'utf8');

  it('narrows the interval and keeps that world’s outcome inside it', async () => {
    const trials = 1000;
    const model = modelOf(text, { trials });
    const world = worldActuals(model, 1, 6);
    const plan = (await forecast(model, { workers: 1 })).metrics.bookings.total;
    const r = await reforecast(model, await readActualsFor(model, world.path), { workers: 1 });
    const b = r.forecast.metrics.bookings.total;
    // the width P90 − P10 and its Monte Carlo standard error (normal approximation:
    // var = [2·0.1·0.9 − 2·0.1·0.1] / (n f²), f = φ(z₀.₉)/sd, so se = 0.4 sd / (φ(z₀.₉) √n))
    const width = (s: Summary) => s.p90 - s.p10;
    const widthSe = (s: Summary) => (0.4 * s.sd!) / (PHI_Z90 * Math.sqrt(trials));
    expect(width(plan) - width(b)).toBeGreaterThan(4 * Math.hypot(widthSe(plan), widthSe(b)));
    // inside the reforecast's P10–P90, each end loosened by 4 of its standard errors
    // (se of a quantile p: √(p(1 − p)/n) / f = 0.3 sd / (φ(z₀.₉) √n) for p = 0.1 and 0.9)
    const endSe = (0.3 * b.sd!) / (PHI_Z90 * Math.sqrt(trials));
    expect(world.outcome).toBeGreaterThanOrEqual(b.p10 - 4 * endSe);
    expect(world.outcome).toBeLessThanOrEqual(b.p90 + 4 * endSe);
  }, 60_000);

  it('covers what it claims over a batch of worlds', async () => {
    const model = modelOf(text, { trials: 300 });
    let in50 = 0;
    let in80 = 0;
    const N = 10;
    for (let seed = 100; seed < 100 + N; seed++) {
      const world = worldActuals(model, seed, 6);
      const b = (await reforecast(model, await readActualsFor(model, world.path), { workers: 1 }))
        .forecast.metrics.bookings.total;
      in50 += world.outcome >= b.p25 && world.outcome <= b.p75 ? 1 : 0;
      in80 += world.outcome >= b.p10 && world.outcome <= b.p90 ? 1 : 0;
    }
    // Binomial(10, 0.8) is ≤ 4 with probability 0.6%; Binomial(10, 0.5) ≥ 9 or ≤ 1 with 1.1% each
    expect(in80).toBeGreaterThanOrEqual(5);
    expect(in50).toBeGreaterThanOrEqual(2);
    expect(in50).toBeLessThanOrEqual(8);
  }, 120_000);
});
