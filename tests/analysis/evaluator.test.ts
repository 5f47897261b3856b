/**
 * The prepared evaluator: common random numbers that really pair, overrides checked like
 * variants, and every bundled scenario.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Evaluator, meanSummary, prepare } from '../../src/analysis/evaluator.js';
import { forecast, forecastWith } from '../../src/analysis/forecast.js';
import type { Model } from '../../src/model/types.js';
import { compileAll, loadBundle } from '../../src/scenario/index.js';
import { applyOverrides, type Override } from '../../src/scenario/overrides.js';
import { DesignPlan } from '../../src/sim/design-plan.js';
import { ParamSampler } from '../../src/sim/params.js';
import { StreamPlan, TrialStreams } from '../../src/sim/streams.js';
import { InputError } from '../../src/util/result.js';

const ROOT = join(import.meta.dirname, '../..');
const SCENARIOS = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => join(ROOT, 'scenarios', f));
const TRIALS = 1000;

/** Pearson correlation of two equally long arrays (1 when both are constant and equal). */
function correlation(a: Float64Array, b: Float64Array): number {
  const ma = meanSummary(a).mean;
  const mb = meanSummary(b).mean;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  if (saa === 0 && sbb === 0) return a.every((x, i) => x === b[i]) ? 1 : 0;
  return sab / Math.sqrt(saa * sbb);
}

describe.each(SCENARIOS)('common random numbers on %s', (file) => {
  let ev: Evaluator;
  let base: Float64Array;
  beforeAll(async () => {
    ev = prepare(await loadBundle(file, { trials: TRIALS }), { workers: 2, threadMin: 0 });
    base = (await ev.evaluate([])).values.bookings!;
  }, 120_000);
  afterAll(() => ev.close());

  it('+1% on any channel’s spend pairs horizon bookings at r ≥ 0.95', async () => {
    for (const ch of ev.model.channels) {
      if (ch.response.curve === 'fixed') continue;
      const value = Array.from(ch.spend, (s) => s * 1.01);
      const changed = (await ev.evaluate([{ set: `channels.${ch.id}.spend`, value }])).values
        .bookings!;
      expect(correlation(base, changed), ch.id).toBeGreaterThanOrEqual(0.95);
    }
  }, 120_000);

  it('any uncertain input’s median moved by 1% pairs horizon bookings at r ≥ 0.95', async () => {
    for (const p of ev.model.params) {
      if (p.dist.kind === 'fixed') continue;
      const changed = (await ev.evaluate([{ scale: p.path, value: 1.01 }])).values.bookings!;
      expect(correlation(base, changed), p.path).toBeGreaterThanOrEqual(0.95);
    }
  }, 120_000);

  it('another channel’s leads stay identical in every trial when one channel’s spend changes', async () => {
    const metrics = ev.model.channels.map((c) => `channels.${c.id}.leads`);
    const before = await ev.evaluate([], { metrics });
    for (const ch of ev.model.channels) {
      const value = Array.from(ch.spend, (s) => s * 1.3 + 1000);
      const after = await ev.evaluate([{ set: `channels.${ch.id}.spend`, value }], { metrics });
      for (const other of ev.model.channels) {
        if (other === ch) continue;
        const key = `channels.${other.id}.leads`;
        expect(after.values[key], `${ch.id} → ${other.id}`).toEqual(before.values[key]);
      }
    }
  }, 120_000);

  it('fixing one uncertain input leaves every other input’s draw bit-identical, trial by trial', () => {
    const model = ev.model;
    const before = draws(model);
    model.params.forEach((p, j) => {
      if (p.dist.kind === 'fixed') return;
      const fixed = applyOverrides({ model, bundle: null }, [{ quantile: p.path, value: 0.5 }]);
      if (!fixed.ok) throw new Error('the override did not apply');
      const after = draws(fixed.value);
      for (let i = 0; i < before.length; i++) {
        const a = Array.from(before[i]!).filter((_, k) => k !== j);
        const b = Array.from(after[i]!).filter((_, k) => k !== j);
        expect(b, `${p.path}, trial ${i}`).toEqual(a);
      }
    });
  }, 120_000);
});

/** Parameter vectors of the first `n` trials of a plan, as the engine draws them. */
function draws(m: Model, n = 300): Float64Array[] {
  const plan = new StreamPlan(m);
  const rs = new TrialStreams(plan);
  const sampler = new ParamSampler(m, new DesignPlan(m), plan);
  return Array.from({ length: n }, (_, i) => {
    const pv = new Float64Array(m.params.length);
    rs.begin(m.simulation.seed, i);
    sampler.sample(i, rs, pv);
    return pv;
  });
}

describe('pick-freeze (reseed)', () => {
  // minimal: plain random sampling; b2b-saas: correlated (always stratified) demand shocks;
  // consumer-brand: Latin hypercube, every input stratified.
  it.each(['minimal.yaml', 'b2b-saas.yaml', 'consumer-brand.yaml'])(
    '%s: one input takes another seed’s draw (stream and stratum), every other input keeps its own seed’s',
    async (name) => {
      const { base } = await loadBundle(join(ROOT, 'scenarios', name), { trials: 300 });
      const withSeed = (seed: number, m: Model = base): Model => ({
        ...m,
        simulation: { ...m.simulation, seed },
      });
      const uncertain = base.params.flatMap((p, i) => (p.dist.kind === 'fixed' ? [] : [i]));
      const a = draws(withSeed(1));
      const b = draws(withSeed(2));
      for (const j of uncertain) {
        const r = applyOverrides({ model: base, bundle: null }, [
          { reseed: base.params[j]!.path, value: 1 },
        ]);
        if (!r.ok) throw new Error('reseed did not apply');
        const c = draws(withSeed(2, r.value));
        const column = (x: Float64Array[], k: number) => x.map((pv) => pv[k]!);
        expect(column(c, j), base.params[j]!.path).toEqual(column(a, j));
        for (const k of uncertain) if (k !== j) expect(column(c, k)).toEqual(column(b, k));
      }
      // Every input reseeded: the inputs of seed 1 exactly, correlations included.
      const all = applyOverrides(
        { model: base, bundle: null },
        uncertain.map((j) => ({ reseed: base.params[j]!.path, value: 1 })),
      );
      if (!all.ok) throw new Error('reseed did not apply');
      expect(draws(withSeed(2, all.value))).toEqual(a);
    },
  );
});

describe('per-trial input draws', () => {
  it('are the values the kernel simulated with (an AE team’s first-month capacity)', async () => {
    const yaml = `scenario: capacity
calendar: {start: 2027-01, periods: 3}
simulation: {trials: 400, seed: 5}
markets: {m: {deal_size: 1000}}
channels: {c: {response: {curve: fixed, leads: 100}}}
funnel:
  - {stage: lead}
  - {stage: won, rate: 0.2, worked_by: ae}
team: {ae: {headcount: 3, capacity: "10 to 20"}}
`;
    const bundle = compileAll(yaml, 'capacity.yaml');
    if (!bundle.ok) throw new Error('the test scenario does not compile');
    const ev = prepare(bundle.value, { workers: 1 });
    try {
      const e = await ev.evaluate([], {
        metrics: ['roles.ae.capacity@2027-01'],
        inputs: ['team.ae.capacity'],
      });
      const cap = e.inputs['team.ae.capacity']!;
      expect(new Set(cap).size).toBeGreaterThan(300);
      // docs/model.md, Team: capacity = ⌊capacity × Σ ramp × factors + 10⁻⁹⌋, 3 ramped reps.
      const expected = cap.map((x) => Math.floor(x * 3 + 1e-9));
      expect(e.values['roles.ae.capacity@2027-01']).toEqual(expected);
    } finally {
      await ev.close();
    }
  });

  it('name inputs by stage id or index and refuse a path that is no input', async () => {
    const ev = prepare(await loadBundle(join(ROOT, 'scenarios/minimal.yaml')), { workers: 1 });
    try {
      const e = await ev.evaluate([], { trials: 50, inputs: ['funnel.1.rate', 'funnel.won.rate'] });
      expect(Object.keys(e.inputs)).toEqual(['funnel.trial.rate', 'funnel.won.rate']);
      await expect(ev.evaluate([], { trials: 50, inputs: ['funnel.won.rat'] })).rejects.toThrow(
        /no numeric input funnel\.won\.rat; did you mean funnel\.won\.rate\?/,
      );
    } finally {
      await ev.close();
    }
  });
});

describe('the evaluator', () => {
  const file = join(ROOT, 'scenarios/b2b-saas.yaml');
  let ev: Evaluator;
  beforeAll(async () => {
    ev = prepare(await loadBundle(file, { trials: 500 }), { workers: 2, threadMin: 0 });
  });
  afterAll(() => ev.close());

  it('gives the forecast’s numbers: its summaries are the forecast’s, for the base and a variant', async () => {
    const e = await ev.evaluate([], { metrics: ['bookings', 'profit', 'wins@Q2'] });
    const f = await forecast(ev.model, { workers: 1 });
    expect(e.summary.bookings!.mean).toBeCloseTo(f.metrics.bookings.total.mean, 6);
    expect(e.summary.profit!.sd).toBeCloseTo(f.metrics.profit.total.sd!, 6);
    const q2 = f.quarterly.wins![1]!;
    expect(e.summary['wins@Q2']!.mean).toBeCloseTo(q2.mean, 9);
    const viaEv = await forecastWith(ev, [], { variant: 'hire_q2' });
    const plain = await forecast(ev.bundle!.variants.get('hire_q2')!, { workers: 1 });
    expect(viaEv.metrics.bookings.total).toEqual(plain.metrics.bookings.total);
  }, 120_000);

  it('gives the same numbers for a set edit and the equivalent variant, bit for bit', async () => {
    const { doc } = ev.bundle!;
    const set = (doc as { variants: Record<string, { set: Record<string, unknown> }> }).variants
      .search_over_events!.set;
    const overrides: Override[] = Object.entries(set).map(([path, value]) => ({
      set: path,
      value,
    }));
    const a = await ev.evaluate(overrides, { metrics: ['bookings', 'profit'] });
    const b = await ev.evaluate([], {
      variant: 'search_over_events',
      metrics: ['bookings', 'profit'],
    });
    expect(a.values).toEqual(b.values);
  }, 120_000);

  it('pairs a spend change far better than independent trials would (the effect’s paired se)', async () => {
    const a = await ev.evaluate([], { trials: 2000 });
    const b = await ev.evaluate([{ spend: 'paid_search', value: 55_000 }], { trials: 2000 });
    const d = b.values.bookings!.map((x, i) => x - a.values.bookings![i]!);
    const paired = meanSummary(d).se;
    const unpaired = Math.hypot(a.summary.bookings!.se!, b.summary.bookings!.se!);
    expect(paired).toBeLessThan(unpaired / 4);
  }, 120_000);

  it('runs on fresh trials with another seed, and the same ones again with the same seed', async () => {
    const a = await ev.evaluate([], { seed: 1 });
    const b = await ev.evaluate([], { seed: 2 });
    const c = await ev.evaluate([], { seed: 1 });
    expect(c.values).toEqual(a.values);
    expect(correlation(a.values.bookings!, b.values.bookings!)).toBeLessThan(0.2);
  }, 120_000);

  it('gives the same per-trial numbers on one thread and on two', async () => {
    const one = prepare(ev.bundle!, { workers: 1 });
    try {
      const a = await one.evaluate([{ fix: 'funnel.won.rate', value: 0.2 }], { trials: 600 });
      const b = await ev.evaluate([{ fix: 'funnel.won.rate', value: 0.2 }], { trials: 600 });
      expect(b.values).toEqual(a.values);
    } finally {
      await one.close();
    }
  }, 120_000);

  it('refuses overrides that do not apply, naming the path and what was expected', async () => {
    const problem = async (o: Override) => {
      try {
        await ev.evaluate([o]);
      } catch (e) {
        if (e instanceof InputError) return e.diagnostics.map((d) => `${d.path}: ${d.message}`);
        throw e;
      }
      return [];
    };
    expect(await problem({ set: 'channels.paid_serch.spend', value: 1 })).toEqual([
      'channels.paid_serch.spend: override: no field channels.paid_serch.spend; did you mean channels.paid_search.spend?',
    ]);
    expect((await problem({ set: 'funnel.won.rate', value: 'high' }))[0]).toMatch(
      /^funnel\[4\]\.rate: override: expected .*got string "high"/,
    );
    expect(await problem({ spend: 'paid_search', value: 500_000 })).toEqual([
      'channels.paid_search.spend: override: expected the spend of paid_search per period to be a number from 15000 to 120000 (its min_spend and max_spend), got number 500000',
    ]);
    expect(await problem({ spend: 'paidsearch', value: 50_000 })).toEqual([
      'channels.paidsearch.spend: override: no channel "paidsearch"; did you mean paid_search?',
    ]);
    expect(await problem({ fix: 'funnel.won.rat', value: 0.2 })).toEqual([
      'funnel.won.rat: override: no numeric input funnel.won.rat; did you mean funnel.won.rate?',
    ]);
    expect(await problem({ fix: 'funnel.won.rate', value: 2 })).toEqual([
      'funnel.won.rate: override: expected funnel.won.rate to be fixed at a rate from 0 to 1, got number 2',
    ]);
    expect(await problem({ quantile: 'funnel.won.rate', value: 1 })).toEqual([
      'funnel.won.rate: override: expected a quantile of funnel.won.rate strictly between 0 and 1, got number 1',
    ]);
    await expect(ev.evaluate([], { metrics: ['bookngs'] })).rejects.toThrow(/no metric "bookngs"/);
  });
});
