/**
 * compare: paired differences under common random numbers, exact ties, --set equal to its
 * variant, agreement with the forecast of each plan, and bad names.
 */

import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../../src/analysis/compare/index.js';
import { type Evaluator, prepare } from '../../../src/analysis/evaluator.js';
import { forecast } from '../../../src/analysis/forecast.js';
import { compileAll, loadBundle } from '../../../src/scenario/index.js';
import type { ScenarioBundle } from '../../../src/scenario/load.js';
import { InputError } from '../../../src/util/result.js';

/** Two markets, a worked stage, an uncertain win rate, fixed deal sizes, targets, variants. */
const YAML = `scenario: Compare test
calendar: {start: 2027-01, periods: 6}
simulation: {trials: 1500, seed: 9}
markets:
  a: {deal_size: 1000, demand_shock: "0.8 to 1.2"}
  b: {deal_size: 5000}
channels:
  search:
    spend: 10000
    min_spend: 0
    max_spend: 50000
    response: {curve: linear, cost_per_lead: "8 to 12"}
    markets: {a: 0.7, b: 0.3}
funnel:
  - {stage: lead}
  - {stage: opportunity, rate: 0.3, worked_by: ae}
  - {stage: won, rate: "20% to 30%", lag: [0.5, 0.5]}
team: {ae: {headcount: 2, capacity: 60, attrition: 0.05}}
targets: {bookings: 1000000, quarterly: [450000, 500000], profit: 0}
variants:
  same:
    description: Sets the spend to what it already is
    set: {channels.search.spend: 10000}
  more:
    description: More search
    set: {channels.search.spend: 14000}
  double_deals:
    description: Twice the deal sizes
    set: {markets.a.deal_size: 2000, markets.b.deal_size: 10000}
`;

function bundle(): ScenarioBundle {
  const r = compileAll(YAML, 'compare.yaml');
  if (!r.ok) throw new Error('the test scenario does not compile');
  return r.value;
}

describe('compare', () => {
  let ev: Evaluator;
  beforeAll(() => {
    ev = prepare(bundle(), { workers: 1 });
  });
  afterAll(() => ev.close());

  it('a variant identical to the base differs by exactly 0 and never beats it', async () => {
    const r = await compare(ev, { variants: ['same'] });
    const same = r.variants.same!;
    expect(same.difference).toEqual({
      mean: 0,
      lo: 0,
      hi: 0,
      se: 0,
      spread: { p10: 0, p50: 0, p90: 0 },
    });
    expect(same.probability_better).toBe(0);
    expect(same.probability_worse).toBe(0);
    expect(same.bookings).toEqual(r.base.bookings);
    expect(same.target_probability_difference).toEqual({ mean: 0, lo: 0, hi: 0, se: 0 });
  });

  it('pairs trial by trial: twice every deal size gives exactly the base bookings as the difference', async () => {
    // Deal sizes do not move the funnel: each trial wins the same deals, each worth twice as
    // much, so the per-trial difference is the base's bookings and beats it wherever it booked.
    const r = await compare(ev, { variants: ['double_deals'] });
    const v = r.variants.double_deals!;
    expect(v.difference.mean).toBeCloseTo(r.base.bookings.mean, 6);
    expect(v.difference.se).toBeCloseTo(r.base.bookings.se!, 6);
    // …and so is its spread trial by trial: the base's own P10, P50 and P90.
    expect(v.difference.spread.p10).toBeCloseTo(r.base.bookings.p10, 6);
    expect(v.difference.spread.p50).toBeCloseTo(r.base.bookings.p50, 6);
    expect(v.difference.spread.p90).toBeCloseTo(r.base.bookings.p90, 6);
    expect(v.bookings.p50).toBeCloseTo(2 * r.base.bookings.p50, 6);
    expect(v.probability_worse).toBe(0);
  });

  it('a --set edit and the variant with the same edit give bit-identical results', async () => {
    const r = await compare(ev, {
      variants: ['more'],
      whatIfs: [
        { name: 'search=14000', overrides: [{ set: 'channels.search.spend', value: 14000 }] },
      ],
    });
    const { name: _a, label: _la, description: _b, set: setA, ...variant } = r.variants.more!;
    const {
      name: _c,
      label: _lb,
      description: _d,
      set: setB,
      ...whatIf
    } = r.variants['search=14000']!;
    expect(whatIf).toEqual(variant);
    expect(setA).toEqual(setB);
  });

  it('gives each plan the numbers of its own forecast on the same trials', async () => {
    const r = await compare(ev);
    expect(Object.keys(r.variants)).toEqual(['same', 'more', 'double_deals']);
    const plans = [
      ['base', ev.model, r.base],
      ...Object.entries(r.variants).map(([n, v]) => [n, ev.bundle!.variants.get(n)!, v] as const),
    ] as const;
    for (const [name, model, outcome] of plans) {
      const f = await forecast(model, { workers: 1 });
      // Means to rounding (the forecast sums by Welford's update); quantiles and
      // probabilities are the same order statistics and counts.
      expect(
        Math.abs(outcome.bookings.mean / f.metrics.bookings.total.mean - 1),
        name,
      ).toBeLessThan(1e-12);
      expect(outcome.bookings.p10, name).toBe(f.metrics.bookings.total.p10);
      expect(outcome.profit.p90, name).toBe(f.metrics.profit.total.p90);
      expect(outcome.target_probability, name).toBe(f.targets.bookings!.probability);
      expect(outcome.quarterly_target_probabilities, name).toEqual(f.targets.quarterly);
      expect(outcome.profit_target_probability, name).toBe(f.targets.profit!.probability);
      expect(
        outcome.cumulative_bookings.map((s) => s.p50),
        name,
      ).toEqual(f.cumulative_bookings.map((s) => s.p50));
    }
  }, 60_000);

  it('refuses unknown, repeated or clashing names, naming them', async () => {
    const problem = async (o: Parameters<typeof compare>[1]) => {
      try {
        await compare(ev, o);
      } catch (e) {
        if (e instanceof InputError) return e.diagnostics.map((d) => d.message);
        throw e;
      }
      return [];
    };
    expect(await problem({ variants: ['mroe'] })).toEqual([
      'no variant "mroe"; did you mean more? The scenario has same, more, double_deals',
    ]);
    expect(await problem({ variants: ['more', 'more'] })).toEqual([
      'variant "more" is named twice',
    ]);
    expect(
      await problem({ variants: ['more'], whatIfs: [{ name: 'more', overrides: [] }] }),
    ).toEqual(['the what-if "more" is named like a compared plan']);
  });
});

describe('compare with a variant of another shape', () => {
  it('runs a variant that drops the initiatives (fewer inputs) on threads of its own, with its forecast’s numbers', async () => {
    const file = resolve(import.meta.dirname, '../../../scenarios/consumer-brand.yaml');
    const b = await loadBundle(file, { trials: 400 });
    const noCrm = b.variants.get('no_crm')!;
    expect(noCrm.params.length).toBeLessThan(b.base.params.length);
    const ev = prepare(b, { workers: 2, threadMin: 0 });
    try {
      const r = await compare(ev, { variants: ['no_crm', 'cut_dealers'] });
      for (const name of ['no_crm', 'cut_dealers']) {
        const f = await forecast(b.variants.get(name)!, { workers: 1 });
        expect(r.variants[name]!.bookings.p50, name).toBe(f.metrics.bookings.total.p50);
        expect(r.variants[name]!.target_probability, name).toBe(f.targets.bookings!.probability);
      }
      // And the base again after it, on its own threads.
      const again = await compare(ev, { variants: [] });
      expect(again.base).toEqual(r.base);
    } finally {
      await ev.close();
    }
  }, 120_000);
});
