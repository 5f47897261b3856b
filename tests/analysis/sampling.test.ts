/**
 * Sampling options: Latin hypercube, Iman–Conover correlations, adaptive precision.
 */
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/analysis/forecast.js';
import { stringifyForecast } from '../../src/analysis/forecast-json.js';
import type { Model } from '../../src/model/types.js';
import { spearman } from '../../src/sim/design/spearman.js';
import { DesignPlan } from '../../src/sim/design-plan.js';
import { ParamSampler } from '../../src/sim/params.js';
import { StreamPlan, TrialStreams } from '../../src/sim/streams.js';
import { distCdf } from '../../src/stats/dist-math.js';
import { modelOf } from '../helpers/model.js';

/** The parameter sampler of a model and the streams it draws from. */
function samplerOf(model: Model): { sampler: ParamSampler; rs: TrialStreams } {
  const plan = new StreamPlan(model);
  return {
    sampler: new ParamSampler(model, new DesignPlan(model), plan),
    rs: new TrialStreams(plan),
  };
}

const scenario = (sampling: string, extra = '') => `
scenario: sampling
currency: EUR
calendar: {start: 2027-01, periods: 4}
simulation: {trials: 2000, seed: 4, sampling: ${sampling}${extra}}
markets:
  a: {demand_shock: "0.8 to 1.2", deal_size: {dist: lognormal, median: 1000, p90: 2500}}
  b: {demand_shock: {dist: triangular, min: 0.7, mode: 1, max: 1.4}, deal_size: 500}
channels:
  c: {response: {curve: fixed, leads: "80 to 140"}, markets: {a: 0.5, b: 0.5}}
funnel:
  - {stage: lead}
  - {stage: won, rate: "10% to 20%"}
`;

describe('sampling: lhs', () => {
  it('puts exactly one trial in each of n equal-probability strata of every uncertain input', () => {
    const model = modelOf(scenario('lhs'));
    const n = model.simulation.trials;
    const { sampler, rs } = samplerOf(model);
    const pv = new Float64Array(model.params.length);
    const uncertain = model.params.flatMap((p, i) => (p.dist.kind === 'fixed' ? [] : [i]));
    expect(uncertain.length).toBe(4);
    const seen = uncertain.map(() => new Uint8Array(n));
    for (let i = 0; i < n; i++) {
      rs.begin(model.simulation.seed, i);
      sampler.sample(i, rs, pv);
      uncertain.forEach((p, j) => {
        const u = distCdf(model.params[p]!.dist, pv[p]!);
        seen[j]![Math.min(n - 1, Math.floor(u * n))]! += 1;
      });
    }
    for (const s of seen) expect(s.every((c) => c === 1)).toBe(true);
  });

  it('gives a mean consistent with random sampling (4 combined SE)', async () => {
    const lhs = await forecast(modelOf(scenario('lhs')), { workers: 1 });
    const random = await forecast(modelOf(scenario('random')), { workers: 1 });
    const a = lhs.metrics.bookings.total;
    const b = random.metrics.bookings.total;
    expect(Math.abs(a.mean - b.mean)).toBeLessThan(4 * Math.hypot(a.se!, b.se!));
  });
});

describe('correlations (Iman–Conover)', () => {
  it('achieves the target rank correlation and reports it', async () => {
    const yaml = `${scenario('random')}correlations:\n  - {between: [markets.a.demand_shock, markets.b.demand_shock], rank: 0.7}\n`;
    const r = await forecast(modelOf(yaml), { workers: 1 });
    expect(r.correlations).toHaveLength(1);
    const c = r.correlations[0]!;
    expect(c.between).toEqual(['markets.a.demand_shock', 'markets.b.demand_shock']);
    // Sampling error of a Spearman correlation at n = 2000 is about (1 − ρ²)/√n ≈ 0.011.
    expect(Math.abs(c.achieved! - 0.7)).toBeLessThan(0.045);
  });

  it('reports exactly the rank correlation of the values the trials sampled', async () => {
    const yaml = `${scenario('random')}correlations:\n  - {between: [markets.a.demand_shock, markets.b.demand_shock], rank: -0.4}\n`;
    const model = modelOf(yaml);
    const n = model.simulation.trials;
    const { sampler, rs } = samplerOf(model);
    const pv = new Float64Array(model.params.length);
    const { a, b } = model.correlations[0]!;
    const xa = new Float64Array(n);
    const xb = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      rs.begin(model.simulation.seed, i);
      sampler.sample(i, rs, pv);
      xa[i] = pv[a]!;
      xb[i] = pv[b]!;
    }
    const r = await forecast(model, { workers: 1 });
    expect(r.correlations[0]!.achieved).toBeCloseTo(spearman(xa, xb), 12);
  });

  it('reports no correlation for a single trial, and the JSON still has only finite numbers', async () => {
    const yaml = `${scenario('random').replace('trials: 2000', 'trials: 1')}correlations:\n  - {between: [markets.a.demand_shock, markets.b.demand_shock], rank: 0.5}\n`;
    const r = await forecast(modelOf(yaml), { workers: 1 });
    expect(r.correlations[0]!.achieved).toBeNull();
    expect(() => stringifyForecast(r)).not.toThrow();
  });
});

describe('precision', () => {
  it('adds trials until the relative standard error of mean bookings meets the target', async () => {
    const yaml = scenario('random', ', precision: {metric: bookings, relative_se: 0.004}').replace(
      'trials: 2000',
      'trials: 1000',
    );
    const r = await forecast(modelOf(yaml), { workers: 1 });
    expect(r.precision).not.toBeNull();
    expect(r.precision!.trials).toBeGreaterThan(1000);
    expect(r.precision!.achieved).toBeLessThanOrEqual(0.004);
    expect(r.trials).toBe(r.precision!.trials);
    const s = r.metrics.bookings.total;
    expect(s.se! / s.mean).toBeLessThanOrEqual(0.004);
    // The same for any worker count.
    const again = await forecast(modelOf(yaml), { workers: 2 });
    expect(again.trials).toBe(r.trials);
    expect(again.metrics.bookings.total).toEqual(s);
  });

  it('summarises the rows the search simulated: the same result as simulating that many trials afresh', async () => {
    const yaml = scenario('random', ', precision: {metric: bookings, relative_se: 0.004}').replace(
      'trials: 2000',
      'trials: 1000',
    );
    const searched = await forecast(modelOf(yaml), { workers: 2 });
    const plain = await forecast(
      modelOf(scenario('random').replace('trials: 2000', `trials: ${searched.trials}`)),
      { workers: 2 },
    );
    expect({ ...searched, precision: null }).toEqual(plain);
  });

  it('never stops at one trial: its standard error is unknown, not 0', async () => {
    // A first batch of 1 trial: sd/√1 would read 0 and "meet" any target on no evidence.
    const yaml = scenario('random', ', precision: {metric: bookings, relative_se: 0.05}').replace(
      'trials: 2000',
      'trials: 1',
    );
    const r = await forecast(modelOf(yaml), { workers: 1 });
    expect(r.precision!.trials).toBeGreaterThan(1);
    expect(r.trials).toBe(r.precision!.trials);
    expect(r.precision!.achieved).toBeGreaterThan(0);
    const s = r.metrics.bookings.total;
    expect(r.precision!.achieved).toBeCloseTo(s.se! / s.mean, 9);
  });
});
