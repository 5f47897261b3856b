/**
 * Goal-seek against a closed form, an unreachable target, whole-number levers, and bad input.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Evaluator, prepare } from '../../src/analysis/evaluator.js';
import { goalSeek } from '../../src/analysis/goal/seek.js';
import { buildGoalChart } from '../../src/charts/goal.js';
import { validateSpec } from '../../src/charts/validate.js';
import { compileAll } from '../../src/scenario/index.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'salesops-goal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// One linear channel, no rate uncertainty, no team, fixed deal size: over 12 periods the
// wins are Poisson(12 · s · rate / cost_per_lead) (Poisson leads thinned by a fixed rate).
const COST_PER_LEAD = 100;
const RATE = 0.1;
const DEAL = 1000;
const linear = (trials: number) => `
scenario: linear
calendar: {start: 2027-01, periods: 12}
simulation: {trials: ${trials}, seed: 5}
markets: {m: {deal_size: ${DEAL}}}
channels:
  c: {spend: 1000, min_spend: 0, max_spend: 20000, response: {curve: linear, cost_per_lead: ${COST_PER_LEAD}}}
funnel:
  - {stage: lead}
  - {stage: won, rate: ${RATE}}
team:
  ae: {headcount: 3, capacity: 1000, hires: {default: 0}}
`;

function bundleOf(yaml: string) {
  const r = compileAll(yaml, 'test.yaml');
  if (!r.ok) throw new Error(r.errors.map((d) => d.message).join('\n'));
  return r.value;
}

/** P(Poisson(λ) ≥ k) and P(Poisson(λ) = k − 1), summed exactly. */
function poissonTail(lambda: number, k: number): { tail: number; pmfBelow: number } {
  let pmf = Math.exp(-lambda);
  let cdf = 0;
  for (let j = 0; j < k; j++) {
    cdf += pmf;
    if (j < k - 1) pmf *= lambda / (j + 1);
  }
  return { tail: 1 - cdf, pmfBelow: pmf };
}

describe('goal-seek', () => {
  it('finds the spend computed by hand on a linear channel (within its Monte Carlo error)', async () => {
    const trials = 4000;
    const wins = 30;
    const p = 0.8;
    const ev = prepare(bundleOf(linear(trials)), { workers: 2, threadMin: 0 });
    try {
      const g = await goalSeek(ev, {
        lever: 'channels.c.spend',
        metric: 'bookings',
        target: wins * DEAL,
        probability: p,
      });
      // By hand: the λ with P(Poisson(λ) ≥ 30) = 0.8, by bisection on the exact tail.
      let lo = 0;
      let hi = 200;
      for (let i = 0; i < 100; i++) {
        const mid = (lo + hi) / 2;
        if (poissonTail(mid, wins).tail >= p) hi = mid;
        else lo = mid;
      }
      const lambda = hi;
      const spend = (lambda * COST_PER_LEAD) / (12 * RATE);
      // The search's P at the answer has se √(p(1 − p)/n); dP/dλ = P(X = k − 1), so the answer's
      // λ is off by about se / P(X = k − 1); allow 4 of those, plus the bisection tolerance.
      const se = Math.sqrt((p * (1 - p)) / trials);
      const slope = poissonTail(lambda, wins).pmfBelow;
      const allowed = ((4 * se) / slope) * (COST_PER_LEAD / (12 * RATE)) + g.tolerance;
      expect(g.value).not.toBeNull();
      expect(Math.abs(g.value! - spend)).toBeLessThan(allowed);
      expect(g.search_probability!).toBeGreaterThanOrEqual(p);
      // Fresh trials: within 4 se of the wanted probability.
      expect(Math.abs(g.achieved_probability - p)).toBeLessThan(
        4 * se + (slope * (g.tolerance * 12 * RATE)) / COST_PER_LEAD,
      );
      expect(g.confirm_seed).not.toBe(g.seed);
      // `confirmed` is the one-sided test of the fresh trials against the goal.
      expect(g.confirmed).toBe(p - g.achieved_probability <= 1.645 * g.achieved_se!);
      expect(g.sentence.includes('short of')).toBe(g.confirmed === false);
      const chart = buildGoalChart(g, 'USD', 'linear');
      expect(validateSpec(chart.spec)).toEqual([]);
    } finally {
      await ev.close();
    }
  }, 120_000);

  it('says plainly when nothing within bounds reaches the target: value null, the best probability', async () => {
    const ev = prepare(bundleOf(linear(500)), { workers: 1 });
    try {
      const g = await goalSeek(ev, {
        lever: 'channels.c.spend',
        bounds: { max: 2000 },
        metric: 'bookings',
        target: 1e9,
        probability: 0.5,
      });
      expect(g.value).toBeNull();
      expect(g.achieved_probability).toBe(0);
      expect(g.sentence).toMatch(
        /^No value of channels\.c\.spend from 0 to 2,000 reaches bookings ≥ 1,000,000,000 with probability 50\.0%: the best is 0\.0%/,
      );
    } finally {
      await ev.close();
    }
  }, 60_000);

  it('moves a role’s hires in whole numbers', async () => {
    // ~10 deals a month reach the won stage, which one rep works at 2 a month: each January
    // hire adds about 24 wins a year, so 60 wins take 2 hires.
    const yaml = linear(400)
      .replace('spend: 1000,', 'spend: 10000,')
      .replace('{stage: won, rate: 0.1}', '{stage: won, rate: 0.1, worked_by: ae}')
      .replace('headcount: 3, capacity: 1000', 'headcount: 1, capacity: 2');
    const ev = prepare(bundleOf(yaml), { workers: 1 });
    try {
      const g = await goalSeek(ev, {
        lever: 'team.ae.hires.2027-01',
        bounds: { max: 10 },
        metric: 'wins',
        target: 60,
        probability: 0.6,
      });
      expect(g.value).toBe(2);
      expect(g.points.every((p) => Number.isInteger(p.value))).toBe(true);
      // One hire fewer must not reach it on the same trials.
      const below = g.points.find((p) => p.value === g.value! - 1);
      if (below) expect(below.probability).toBeLessThan(0.6);
    } finally {
      await ev.close();
    }
  }, 60_000);

  it('is a command: the goal core as JSON, the chart written, exit 0 also when unreachable', async () => {
    const file = join(dir, 'linear.yaml');
    writeFileSync(file, linear(300));
    const out = join(dir, 'goal');
    const r = await runCli([
      'goal',
      file,
      '--lever',
      'channels.c.spend',
      '--target',
      'bookings=20000',
      '--probability',
      '0.7',
      '--json',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout);
    for (const key of ['lever', 'target', 'probability', 'value', 'achieved_probability']) {
      expect(g).toHaveProperty(key);
    }
    expect(JSON.parse(readFileSync(join(out, 'goal.json'), 'utf8'))).toEqual(g);
    expect(readFileSync(join(out, 'goal.svg'), 'utf8')).toMatch(/^<svg/);
    const none = await runCli([
      'goal',
      file,
      '--lever',
      'channels.c.spend',
      '--target',
      'bookings=1e12',
      '--probability',
      '0.7',
    ]);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/^No value of channels\.c\.spend/);
  }, 60_000);

  it('says so when the fresh trials fall short of the goal by more than their error', async () => {
    // The search's 1,000 trials put the answer at 50.5%; the fresh ones at 46.9% ± 1.6 pp.
    const r = await runCli([
      'goal',
      'scenarios/minimal.yaml',
      '--lever',
      'allocation.budget',
      '--target',
      'bookings=250000',
      '--probability',
      '0.5',
      '--max',
      '20000',
      '--trials',
      '1000',
      '--workers',
      '1',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout);
    const shortfall = g.probability - g.achieved_probability;
    expect(shortfall).toBeGreaterThan(1.645 * g.achieved_se);
    expect(g.confirmed).toBe(false);
    expect(g.sentence).toMatch(
      /with probability 50\.0% on the search trials; on fresh trials [\d.]+% ± [\d.]+%, short of 50\.0% by more than its Monte Carlo error: the answer may be too low, more trials will tell\.$/,
    );
  }, 60_000);

  /** Wins of 30 deals with probability 80%, searched from a spend of 10,000 (see below). */
  const fromTheLowerBound = (ev: Evaluator) =>
    goalSeek(ev, {
      lever: 'channels.c.spend',
      bounds: { min: 10_000 },
      metric: 'bookings',
      target: 30 * DEAL,
      probability: 0.8,
    });

  it('one trial confirms nothing: achieved_se null, confirmed false, and the sentence says why', async () => {
    // From a spend of 10,000 the wins are Poisson(120): P(< 30) = 2.3e-23 (the exact Poisson
    // sum), so the lower bound is the answer and the one fresh trial reaches the target too.
    // √(p(1 − p)/n) would read 0 there and "confirm" it; one trial cannot estimate that error.
    const ev = prepare(bundleOf(linear(1)), { workers: 1 });
    try {
      const g = await fromTheLowerBound(ev);
      expect(g.trials).toBe(1);
      expect(g.value).toBe(10_000);
      expect(g.achieved_probability).toBe(1);
      expect(g.achieved_se).toBeNull();
      expect(g.confirmed).toBe(false);
      expect(g.sentence).toBe(
        'channels.c.spend = 10,000 is the smallest value that reaches bookings ≥ 30,000 with probability 80.0% on the search trial; on 1 fresh trial 100.0% ± n/a: one trial cannot estimate the Monte Carlo error, so the answer is not confirmed; run more trials (hundreds for a useful answer).',
      );
      const chart = buildGoalChart(g, 'USD', 'linear');
      expect(validateSpec(chart.spec)).toEqual([]);
      expect(JSON.stringify(chart.spec)).toContain(
        '1 fresh trial (seed 6) cannot confirm the answer',
      );

      // Without an answer there is nothing to confirm, at one trial as at any other.
      const none = await goalSeek(ev, {
        lever: 'channels.c.spend',
        bounds: { max: 2000 },
        metric: 'bookings',
        target: 1e9,
        probability: 0.5,
      });
      expect(none.value).toBeNull();
      expect(none.achieved_se).toBeNull();
      expect(none.confirmed).toBeNull();
    } finally {
      await ev.close();
    }
  }, 60_000);

  it('two fresh trials that both reach the target confirm nothing: ± 0 is no evidence', async () => {
    // As above, the lower bound reaches the target in every trial (P(miss) = 2.3e-23), so
    // both fresh trials do: 100% ± 0 on √(p(1 − p)/n), which would "confirm" 80%. Exactly, two
    // hits of two put the probability above 0.05^(1/2) = 22% at 95%; it takes 14 (0.8^14 = 4.4%).
    const ev = prepare(bundleOf(linear(2)), { workers: 1 });
    try {
      const g = await fromTheLowerBound(ev);
      expect(g.value).toBe(10_000);
      expect(g.achieved_probability).toBe(1);
      // The field keeps its meaning, the binomial Monte Carlo error; the decision does not use it here.
      expect(g.achieved_se).toBe(0);
      expect(g.confirmed).toBe(false);
      expect(g.sentence).toBe(
        'channels.c.spend = 10,000 is the smallest value that reaches bookings ≥ 30,000 with probability 80.0% on the search trials; on 2 fresh trials 100.0%: fewer than 14 fresh trials cannot confirm a probability of 80.0% (even all of them reaching the target is more than 5% likely at a probability below it), so the answer is not confirmed; run more trials (hundreds for a useful answer).',
      );
      // The chart's footnote says the same, not "confirmed on fresh trials".
      const chart = JSON.stringify(buildGoalChart(g, 'USD', 'linear').spec);
      expect(chart).toContain(
        '2 fresh trials (seed 6), 100.0%, are too few to confirm 80.0% (it takes 14)',
      );
      expect(chart).not.toContain('confirmed on');
    } finally {
      await ev.close();
    }
  }, 60_000);

  it('one trial on the command line: "± n/a", never ± 0, in the table; null in the JSON', async () => {
    const file = join(dir, 'one-trial.yaml');
    writeFileSync(file, linear(1));
    const args = ['goal', file, '--lever', 'channels.c.spend', '--min', '10000'];
    const goal = [...args, '--target', 'bookings=30000', '--probability', '0.8', '--workers', '1'];
    const table = await runCli(goal);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      "on the search's 1 trial (seed 5): 100.0%; on 1 fresh trial (seed 6): 100.0% ± n/a\n",
    );
    expect(table.stdout).not.toMatch(/± 0\.0 pp/);
    const json = JSON.parse((await runCli([...goal, '--json'])).stdout);
    expect(json).toMatchObject({ achieved_se: null, confirmed: false });
    // Two trials give a number again.
    const two = JSON.parse((await runCli([...goal, '--json', '--trials', '2'])).stdout);
    expect(typeof two.achieved_se).toBe('number');
    expect(typeof two.confirmed).toBe('boolean');
  }, 60_000);

  it('refuses bad input with exit 2, naming the flag or field', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, linear(100));
    const base = ['goal', file, '--lever', 'channels.c.spend', '--target', 'bookings=1000'];
    const cases: [string[], RegExp][] = [
      [
        [...base, '--probability', '1'],
        /^--probability: ✖ expected a probability strictly between 0 and 1, got 1/,
      ],
      [[...base, '--probability', '0'], /^--probability: ✖/],
      [
        [
          'goal',
          file,
          '--lever',
          'channels.d.spend',
          '--target',
          'bookings=1',
          '--probability',
          '0.5',
        ],
        /^--lever: ✖ no channel "d"; the scenario has c/,
      ],
      [
        [
          'goal',
          file,
          '--lever',
          'channels.c.spend',
          '--target',
          'bookinks=1',
          '--probability',
          '0.5',
        ],
        /^--target: ✖ no metric "bookinks" \(did you mean "bookings"\?\): expected a metric/,
      ],
      [
        [
          'goal',
          file,
          '--lever',
          'channels.c.spend',
          '--target',
          'bookings',
          '--probability',
          '0.5',
        ],
        /^--target: ✖ expected METRIC=VALUE/,
      ],
      [
        [
          'goal',
          file,
          '--lever',
          'funnel.won.rate',
          '--target',
          'bookings=1',
          '--probability',
          '0.5',
        ],
        /^--min: ✖ the lever funnel\.won\.rate has no lower bound of its own: give --min/,
      ],
      [
        [
          'goal',
          file,
          '--lever',
          'funnel.won.rat',
          '--min',
          '0',
          '--max',
          '1',
          '--target',
          'bookings=1',
          '--probability',
          '0.5',
        ],
        /^--lever: ✖ funnel\.won\.rat is not a number the goal can move: no field funnel\.won\.rat; did you mean funnel\.won\.rate\?/,
      ],
      [
        [
          'goal',
          file,
          '--lever',
          'team.ae.hires.2031-01',
          '--target',
          'bookings=1',
          '--probability',
          '0.5',
        ],
        /^--lever: ✖ no period 2031-01 in the horizon/,
      ],
      [
        // A text field: named against --lever (the user gave no --set), before any trial runs.
        [
          'goal',
          file,
          '--lever',
          'scenario',
          '--min',
          '0',
          '--max',
          '1',
          '--target',
          'bookings=1',
          '--probability',
          '0.5',
        ],
        /^--lever: ✖ scenario is not a number the goal can move: expected text, got number 0\.5 → at scenario\n$/,
      ],
      [
        // A number the field refuses at a bound is that bound's error.
        [
          'goal',
          file,
          '--lever',
          'funnel.won.rate',
          '--min',
          '0',
          '--max',
          '2',
          '--target',
          'bookings=1',
          '--probability',
          '0.5',
        ],
        /^--max: ✖ the lever funnel\.won\.rate cannot be 2: /,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  }, 60_000);
});

describe('the budget lever', () => {
  it('re-splits the allocated channels at every budget, within their bounds, summing to the budget', async () => {
    const { loadBundle } = await import('../../src/scenario/index.js');
    const { lever } = await import('../../src/analysis/goal/lever.js');
    const bundle = await loadBundle(join(import.meta.dirname, '../../scenarios/b2b-saas.yaml'));
    const l = lever(bundle.base, 'allocation.budget', {});
    const a = bundle.base.allocation!;
    const channels = a.channels.map((c) => bundle.base.channels[c]!);
    expect(l.min).toBe(channels.reduce((s, c) => s + c.minSpend, 0));
    expect(l.max).toBe(channels.reduce((s, c) => s + c.maxSpend, 0));
    expect(l.plan).toEqual([]);
    for (const budget of [l.min, 80_000, 150_000, l.max]) {
      const o = l.overrides(budget) as { spend: string; value: number }[];
      expect(o.map((x) => x.spend)).toEqual(channels.map((c) => c.id));
      expect(o.reduce((s, x) => s + x.value, 0)).toBeCloseTo(budget, 6);
      o.forEach((x, i) => {
        expect(x.value).toBeGreaterThanOrEqual(channels[i]!.minSpend);
        expect(x.value).toBeLessThanOrEqual(channels[i]!.maxSpend);
      });
    }
  });
});

describe("the lever's unit", () => {
  it('is money for spend, budget and a cost, a percentage for a rate or growth, else a number', async () => {
    const { loadBundle } = await import('../../src/scenario/index.js');
    const { lever } = await import('../../src/analysis/goal/lever.js');
    const bundle = await loadBundle(join(import.meta.dirname, '../../scenarios/b2b-saas.yaml'));
    // A dot-path lever needs bounds; spend, budget and hires have their own.
    const own = {};
    const given = { min: 0, max: 1 };
    const cases: [string, object, string, boolean][] = [
      ['channels.paid_search.spend', own, 'money', true],
      ['allocation.budget', own, 'money', true],
      ['team.ae.hires.2027-03', own, 'number', false],
      // Dot-path levers: these were plain numbers ("5k", "0.00583") on the goal chart.
      ['team.ae.cost', given, 'money', true],
      ['channels.paid_search.response.half_spend', given, 'money', true],
      ['funnel.won.rate', given, 'percent', false],
      // A stage by its index, in either spelling: the same input as funnel.won.rate.
      ['funnel[4].rate', given, 'percent', false],
      ['funnel.4.rate', given, 'percent', false],
      ['markets.smb.growth', given, 'percent', false],
      ['team.ae.capacity', given, 'number', false],
    ];
    for (const [path, bounds, unit, money] of cases) {
      const l = lever(bundle.base, path, bounds);
      expect({ path, unit: l.unit, money: l.money }).toEqual({ path, unit, money });
    }
  });

  it('writes the terminal lines in the lever’s unit: money, or a rate in % with a true minus', async () => {
    const file = join(dir, 'units.yaml');
    writeFileSync(file, linear(50));
    const run = (lever: string, min: string, max: string) =>
      runCli([
        'goal',
        file,
        '--lever',
        lever,
        `--min=${min}`,
        `--max=${max}`,
        '--target',
        'bookings=1000',
        '--probability',
        '0.5',
        '--workers',
        '1',
      ]);
    const cost = await run('team.ae.cost', '0', '2000');
    expect(cost.code).toBe(0);
    // was "the plan's own value, 0, …" and "searched 0 … 2,000 to within 2"
    expect(cost.stdout).toContain("the plan's own value, $0, reaches it");
    expect(cost.stdout).toContain('searched $0 … $2k to within $2,');
    const rate = await run('funnel.won.rate', '0.05', '0.2');
    expect(rate.code).toBe(0);
    expect(rate.stdout).toContain("the plan's own value, 10.0%, reaches it");
    expect(rate.stdout).toContain('searched 5.00% … 20.0% to within 0.015 pp,');
    const growth = await run('markets.m.growth', '-0.02', '0.03');
    expect(growth.code).toBe(0);
    // was "searched -0.02 … 0.03 to within 0.00005"
    expect(growth.stdout).toContain('searched −2.00% … 3.00% to within 0.005 pp,');
  }, 60_000);

  it('writes a small answer in the sentence with three significant digits, not rounded to 0.01', async () => {
    const file = join(dir, 'small.yaml');
    writeFileSync(file, linear(200));
    // 120 leads a year: one win (bookings ≥ 1,000) with probability 1 − exp(−120 r) ≥ 0.5 at
    // r ≥ ln 2 / 120 = 0.00578; the sentence read "funnel.won.rate = 0.01".
    const r = await runCli([
      'goal',
      file,
      '--lever',
      'funnel.won.rate',
      '--min=0.001',
      '--max=0.2',
      '--target',
      'bookings=1000',
      '--probability',
      '0.5',
      '--workers',
      '1',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout);
    expect(g.value).toBeGreaterThan(0.004);
    expect(g.value).toBeLessThan(0.008);
    expect(g.sentence).toMatch(/^funnel\.won\.rate = 0\.00\d{3} is the smallest value/);
    expect(g.sentence).toContain(`= ${Number(g.value.toPrecision(3))} is`);
  }, 60_000);
});
