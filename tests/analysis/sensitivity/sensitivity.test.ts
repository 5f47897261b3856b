/**
 * sensitivity against closed forms. In these plans every lead arrives by Poisson(λ) per period
 * and wins with probability r (no lag, no queue), deals are worth D, so given the inputs the
 * horizon bookings are D·Poisson(T·λ·r): E[Y | λ, r] = D·T·λ·r and Var(Y | λ, r) = D²·T·λ·r.
 * With λ and r independent:
 *   Var(E[Y | r]) = (D·T·E[λ])²·Var(r),   Var(E[Y | λ]) = (D·T·E[r])²·Var(λ),
 *   interaction   = (D·T)²·Var(λ)·Var(r),  funnel noise E[Var(Y | λ, r)] = D²·T·E[λ]·E[r],
 * and the tornado's outputs are E[Y] at one input's quantile and the other's median.
 * Tolerances: 4 of the reported Monte Carlo (or bootstrap) standard errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Evaluator, prepare } from '../../../src/analysis/evaluator.js';
import { sensitivity } from '../../../src/analysis/sensitivity/index.js';
import type { SensitivityResult } from '../../../src/analysis/sensitivity/types.js';
import { compileAll } from '../../../src/scenario/index.js';
import { InputError } from '../../../src/util/result.js';
import { jStat } from '../../stats/jstat-oracle.js';

const D = 1000;
const T = 3;
// r ~ Beta(319.8, 1279.2): mean 0.2, sd 0.01. λ ~ Uniform(800, 1200): mean 1000, var 400²/12.
const A = 319.8;
const B = 1279.2;
const R = { mean: A / (A + B), var: (A * B) / ((A + B) ** 2 * (A + B + 1)) };
const L = { mean: 1000, var: 400 ** 2 / 12 };
const rAt = (q: number) => jStat.beta.inv(q, A, B);
const lAt = (q: number) => 800 + 400 * q;

const yaml = (leads: string, extra = '') => `scenario: Closed form
calendar: {start: 2027-01, periods: ${T}}
simulation: {trials: 4000, seed: 31}
markets: {m: {deal_size: ${D}}}
channels:
  c:
    spend: 10000
    min_spend: 0
    max_spend: 12000
    response: ${leads}
funnel:
  - {stage: lead}
  - {stage: won, rate: {dist: beta, alpha: ${A}, beta: ${B}}}
targets: {bookings: ${D * T * 100}}
${extra}`;

function evaluatorOf(text: string): Evaluator {
  const r = compileAll(text, 'closed.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return prepare(r.value, { workers: 2, threadMin: 0 });
}

const near = (x: number, expected: number, se: number | null) => {
  expect(se, 'a run of many trials has a standard error').not.toBeNull();
  expect(Math.abs(x - expected), `${x} vs ${expected} (se ${se})`).toBeLessThanOrEqual(4 * se!);
};

describe('two independent inputs (λ uniform, r beta)', () => {
  let ev: Evaluator;
  let s: SensitivityResult;
  beforeAll(async () => {
    ev = evaluatorOf(yaml('{curve: fixed, leads: {dist: uniform, min: 800, max: 1200}}'));
    s = await sensitivity(ev, {});
  }, 120_000);
  afterAll(() => ev.close());

  const total =
    (D * T) ** 2 * (L.var * R.mean ** 2 + R.var * L.mean ** 2 + L.var * R.var) +
    D ** 2 * T * L.mean * R.mean;

  it('names the dominant input first, with the largest swing and the largest variance share', () => {
    expect(s.inputs.map((i) => i.path)).toEqual(['channels.c.response.leads', 'funnel.won.rate']);
    expect(s.inputs[0]!.variance_share).toBeGreaterThan(s.inputs[1]!.variance_share);
  });

  it('tornado: each input at its P10 and P90 with the other at its median', () => {
    const [leads, rate] = s.inputs;
    expect(leads!.low).toBeCloseTo(lAt(0.1), 9);
    expect(rate!.high).toBeCloseTo(rAt(0.9), 9);
    // Var(Y | inputs fixed) = D²·T·λ·r: the mean of n trials has se D·√(T·λ·r/n).
    const n = s.trials.tornado;
    const se = (l: number, r: number) => D * Math.sqrt((T * l * r) / n);
    near(leads!.output_low, D * T * lAt(0.1) * rAt(0.5), se(lAt(0.1), rAt(0.5)));
    near(leads!.output_high, D * T * lAt(0.9) * rAt(0.5), se(lAt(0.9), rAt(0.5)));
    near(rate!.output_low, D * T * lAt(0.5) * rAt(0.1), se(lAt(0.5), rAt(0.1)));
    near(leads!.swing, D * T * (lAt(0.9) - lAt(0.1)) * rAt(0.5), leads!.swing_se);
    near(rate!.swing, D * T * lAt(0.5) * (rAt(0.9) - rAt(0.1)), rate!.swing_se);
    near(s.base, D * T * lAt(0.5) * rAt(0.5), se(lAt(0.5), rAt(0.5)));
  });

  it('variance shares, the funnel’s own noise and the interaction match the closed form and add up to 1', () => {
    const [leads, rate] = s.inputs;
    near(leads!.variance_share, ((D * T * R.mean) ** 2 * L.var) / total, leads!.variance_share_se);
    near(rate!.variance_share, ((D * T * L.mean) ** 2 * R.var) / total, rate!.variance_share_se);
    near(s.noise.share, (D ** 2 * T * L.mean * R.mean) / total, s.noise.se);
    near(s.interactions.share, ((D * T) ** 2 * L.var * R.var) / total, s.interactions.se);
    const sum =
      s.inputs.reduce((a, i) => a + i.variance_share, 0) + s.noise.share + s.interactions.share;
    expect(sum).toBeCloseTo(1, 12);
    // The bootstrap errors are errors of these estimates, not zero and not huge.
    for (const e of [leads!.variance_share_se, rate!.variance_share_se, s.noise.se]) {
      expect(e).toBeGreaterThan(0);
      expect(e).toBeLessThan(0.05);
    }
  });

  it('draws the spider through the tornado: P10 and P90 are its ends, the median its centre', () => {
    const line = s.spider.find((l) => l.path === 'funnel.won.rate')!;
    expect(line.points.map((p) => p.percentile)).toEqual([
      0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9,
    ]);
    expect(line.points[0]!.output).toBe(s.inputs[1]!.output_low);
    expect(line.points[4]!.output).toBe(s.base);
    expect(line.points[8]!.output).toBe(s.inputs[1]!.output_high);
    for (const p of line.points)
      expect(Math.abs(p.value / rAt(p.percentile) - 1)).toBeLessThan(1e-8);
  });
});

describe('one uncertain input (r), spend and a fixed rate varied', () => {
  // Linear response, cost per lead 10: λ = spend / 10 = 1,000 leads a period.
  const text = yaml('{curve: linear, cost_per_lead: 10}').replace(
    '  - {stage: lead}\n',
    '  - {stage: lead}\n  - {stage: mql, rate: 0.5}\n',
  );
  let ev: Evaluator;
  beforeAll(() => {
    ev = evaluatorOf(text);
  });
  afterAll(() => ev.close());

  it('the only input’s share is Var(E[Y|r]) / Var(Y); the rest is the funnel’s own noise', async () => {
    const s = await sensitivity(ev, {
      vary: [
        { path: 'channels.c.spend', by: 0.2 },
        { path: 'funnel.1.rate', by: 0.2 },
      ],
    });
    // λ·0.5 = 500 leads a period reach the won stage's draw.
    const l = 500;
    const explained = (D * T * l) ** 2 * R.var;
    const noise = D ** 2 * T * l * R.mean;
    const rate = s.inputs.find((i) => i.path === 'funnel.won.rate')!;
    near(rate.variance_share, explained / (explained + noise), rate.variance_share_se);
    near(s.noise.share, noise / (explained + noise), s.noise.se);
    near(s.interactions.share, 0, s.interactions.se);
    // The varied inputs: ±20% of the leads reaching the draw either way, no variance share.
    for (const path of ['channels.c.spend', 'funnel.mql.rate']) {
      const v = s.inputs.find((i) => i.path === path)!;
      expect(v.kind).toBe('varied');
      expect(v.varied_by).toBe(0.2);
      expect(v.variance_share).toBe(0);
      near(v.swing, D * T * l * 0.4 * rAt(0.5), v.swing_se);
    }
    const spend = s.inputs.find((i) => i.path === 'channels.c.spend')!;
    expect([spend.low, spend.high]).toEqual([8000, 12000]);
    // Only uncertain inputs get a spider line.
    expect(s.spider.map((x) => x.path)).toEqual(['funnel.won.rate']);
  }, 120_000);

  it('target: the probability of reaching the bookings target, and its closed-form tornado', async () => {
    const s = await sensitivity(ev, { metric: 'target', trials: 2000 });
    expect(s.metric).toBe('target');
    expect(s.target).toBe(D * T * 100);
    // Given r, bookings/D ~ Poisson(1500·r); P(Poisson(μ) ≥ 300) = 1 − F(299; μ).
    const reach = (r: number) => {
      const mu = T * 500 * r;
      let cdf = 0;
      let pmf = Math.exp(-mu);
      for (let k = 0; k < 300; k++) {
        cdf += pmf;
        pmf *= mu / (k + 1);
      }
      return Math.max(0, 1 - cdf);
    };
    const rate = s.inputs[0]!;
    const n = s.trials.tornado;
    const se = (p: number) => Math.sqrt((p * (1 - p)) / n) + 1 / n;
    near(rate.output_low, reach(rAt(0.1)), se(reach(rAt(0.1))));
    near(rate.output_high, reach(rAt(0.9)), se(reach(rAt(0.9))));
    expect(await sensitivity(ev, { metric: 'profit', trials: 500 })).toMatchObject({
      metric: 'profit',
    });
  }, 120_000);

  it('refuses a --vary that names no fixed input, an uncertain one, or moves out of bounds', async () => {
    const problem = async (o: Parameters<typeof sensitivity>[1]) => {
      try {
        await sensitivity(ev, { trials: 200, ...o });
      } catch (e) {
        if (e instanceof InputError)
          return e.diagnostics.map((d) => `${d.file} ${d.path}: ${d.message}`);
        throw e;
      }
      return [];
    };
    expect(await problem({ vary: [{ path: 'funnel.mql.rat', by: 0.2 }] })).toEqual([
      '--vary funnel.mql.rat: no input funnel.mql.rat to vary; did you mean funnel.mql.rate? (an input of the scenario, or channels.<id>.spend)',
    ]);
    expect(await problem({ vary: [{ path: 'funnel.won.rate', by: 0.2 }] })).toEqual([
      '--vary funnel.won.rate: funnel.won.rate is uncertain: the tornado already moves it from its P10 to its P90 (--vary is for fixed inputs)',
    ]);
    expect(await problem({ vary: [{ path: 'channels.c.spend', by: 0.3 }] })).toEqual([
      '--vary channels.c.spend: channels.c.spend × 1.3 is 13000 in 2027-01, outside its min_spend 0 … max_spend 12000; vary it by less or widen the bounds',
    ]);
    expect(await problem({ vary: [{ path: 'funnel.mql.rate', by: 1.5 }] })).toEqual([
      '--vary funnel.mql.rate: expected a change of funnel.mql.rate such as ±20% (a percentage above 0 and below 100), got number 1.5',
    ]);
    const noTarget = compileAll(text.replace(/^targets:.*$/m, ''), 'closed.yaml');
    if (!noTarget.ok) throw new Error('the test scenario does not compile');
    await expect(
      sensitivity(noTarget.value, { metric: 'target', trials: 200, workers: 1 }),
    ).rejects.toThrow(
      /the metric target is the probability of reaching targets\.bookings, which the scenario does not set/,
    );
    expect(await problem({ metric: 'revenue' as 'bookings' })).toEqual([
      'Closed form metric: no sensitivity metric "revenue": expected bookings, profit or target',
    ]);
  }, 120_000);
});
