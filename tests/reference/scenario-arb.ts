/**
 * fast-check arbitrary of whole scenario documents for the fidelity test: 1–3 markets,
 * 1–3 channels (hill, linear, fixed; spend as number, list or map; leads_cv, carryover,
 * rate factors), 2–5 stages (rates in every uncertain form, lags as integer, list and
 * {median, p90}), 0–3 roles (capacity that binds or not, ramp, attrition, backfill,
 * hires, queue_loss), optional customers, 0–2 initiatives with every kind of effect,
 * seasonality, growth and gross margin. Volumes stay small (tens to hundreds of items per
 * period) so the item-level reference runs quickly.
 */
import fc from 'fast-check';
import { pairs } from './arb-correlations.js';
import { lag, monthLabel, perPeriod, positive, rate, round, unit } from './arb-forms.js';

type Doc = Record<string, unknown>;

/** Shape of the plan before the dependent parts are drawn. */
const shape = fc.record({
  year: fc.integer({ min: 2026, max: 2028 }),
  month0: fc.integer({ min: 0, max: 11 }),
  periods: fc.integer({ min: 3, max: 14 }),
  markets: fc.integer({ min: 1, max: 3 }),
  channels: fc.integer({ min: 1, max: 3 }),
  stages: fc.integer({ min: 2, max: 5 }),
  roles: fc.integer({ min: 0, max: 3 }),
  initiatives: fc.integer({ min: 0, max: 2 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

/**
 * Random scenario documents (plain JSON objects) with `trials` trials.
 * @example fc.sample(scenarioArbitrary(500), 1)[0]
 */
export function scenarioArbitrary(trials: number): fc.Arbitrary<Doc> {
  return shape.chain((s) => {
    const months = Array.from({ length: s.periods }, (_, t) => monthLabel(s.year, s.month0, t));
    const mIds = Array.from({ length: s.markets }, (_, i) => `m${i}`);
    const cIds = Array.from({ length: s.channels }, (_, i) => `c${i}`);
    const sIds = Array.from({ length: s.stages }, (_, i) => `s${i}`);
    const rIds = Array.from({ length: s.roles }, (_, i) => `r${i}`);
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const market = fc.record(
      {
        growth: fc.oneof(
          unit.map((u) => round(-0.02 + 0.05 * u)),
          fc.constant('-1% to 2%'),
          fc.constant({ dist: 'normal', mean: 0.01, sd: 0.01 }),
        ),
        seasonality: fc.array(
          fc.oneof(
            unit.map((u) => round(0.6 + 0.8 * u, 2)),
            positive(0.7, 1.3),
          ),
          { minLength: 12, maxLength: 12 },
        ),
        demand_shock: positive(0.8, 1.2),
        win_factor: positive(0.7, 1.2),
        deal_size: positive(500, 20_000, true),
      },
      { requiredKeys: ['deal_size'] },
    );
    const response = fc.oneof(
      fc.record({
        curve: fc.constant('hill'),
        max_leads: positive(50, 400),
        half_spend: positive(3000, 30_000, true),
        shape: positive(0.6, 2, true),
      }),
      fc.record({ curve: fc.constant('linear'), cost_per_lead: positive(60, 400, true) }),
      fc.record({ curve: fc.constant('fixed'), leads: positive(10, 200) }),
    );
    const channel = fc
      .record({
        spend: perPeriod(months, 0, 30_000, false),
        response,
        leads_cv: opt(
          fc.oneof(
            unit.map((u) => round(0.5 * u, 3)),
            positive(0.05, 0.4),
          ),
        ),
        carryover: opt(unit.map((u) => round(0.7 * u, 3))),
        weights: fc.array(fc.integer({ min: 0, max: 5 }), {
          minLength: s.markets,
          maxLength: s.markets,
        }),
        factors: fc.array(opt(positive(0.6, 1.6)), { minLength: s.stages, maxLength: s.stages }),
      })
      .map(({ weights, factors, ...c }) => {
        const w = weights.some((x) => x > 0) ? weights : weights.map((_, i) => (i === 0 ? 1 : 0));
        const sum = w.reduce((a, b) => a + b, 0);
        const rateFactors: Record<string, unknown> = {};
        factors.forEach((f, k) => {
          if (k > 0 && f !== undefined) rateFactors[sIds[k]!] = f;
        });
        return {
          ...c,
          markets: Object.fromEntries(mIds.map((m, i) => [m, w[i]! / sum])),
          ...(Object.keys(rateFactors).length > 0 ? { rate_factors: rateFactors } : {}),
        };
      });
    const role = fc.record(
      {
        headcount: fc.oneof(fc.integer({ min: 0, max: 6 }), positive(1, 5)),
        capacity: fc.oneof(fc.integer({ min: 1, max: 40 }), positive(2, 30)),
        ramp: fc.array(
          unit.map((u) => round(u, 2)),
          { minLength: 1, maxLength: 3 },
        ),
        attrition: rate(0, 0.2),
        backfill: fc.record({ lag: fc.integer({ min: 0, max: 3 }) }),
        hires: perPeriod(months, 0, 2, true),
        cost: positive(1000, 9000),
        queue_loss: rate(0, 1),
      },
      { requiredKeys: ['headcount', 'capacity'] },
    );
    const stage = fc.record({ rate: rate(0.3, 0.95), lag: opt(lag) });
    // Every role works a stage when there are enough stages, except that the last may idle.
    const nWorked = Math.min(s.roles, s.stages);
    const workedStages = fc
      .tuple(fc.shuffledSubarray(sIds, { minLength: nWorked, maxLength: nWorked }), fc.boolean())
      .map(([ids, idle]) => (idle && ids.length > 1 ? ids.slice(0, -1) : ids));
    const effect = fc.oneof(
      fc.record({ stage: fc.constantFrom(...sIds.slice(1)), rate: positive(0.8, 1.3) }),
      fc.record({ channel: fc.constantFrom(...cIds), leads: positive(0.7, 1.5) }),
      fc.record({ market: fc.constantFrom(...mIds), deal_size: positive(0.8, 1.4) }),
      fc.record({ market: fc.constantFrom(...mIds), demand: positive(0.8, 1.4) }),
      ...(rIds.length > 0
        ? [fc.record({ team: fc.constantFrom(...rIds), capacity: positive(0.7, 1.6) })]
        : []),
    );
    const initiative = fc.record(
      {
        start: fc
          .integer({ min: -3, max: s.periods + 1 })
          .map((o) => monthLabel(s.year, s.month0, o)),
        ramp: fc.integer({ min: 0, max: 4 }),
        cost: fc.record(
          { once: positive(500, 20_000), per_period: positive(100, 3000) },
          { requiredKeys: [] },
        ),
        effects: fc.array(effect, { minLength: 1, maxLength: 4 }),
      },
      { requiredKeys: ['start', 'effects'] },
    );
    const customers = fc.record(
      {
        accounts: fc.oneof(fc.integer({ min: 0, max: 400 }), positive(50, 300)),
        churn: rate(0, 0.1),
        repeat: fc.record({ rate: rate(0, 0.2), deal_size: positive(100, 3000, true) }),
      },
      { requiredKeys: [] },
    );
    return fc
      .record({
        markets: fc.array(market, { minLength: s.markets, maxLength: s.markets }),
        channels: fc.array(channel, { minLength: s.channels, maxLength: s.channels }),
        stages: fc.array(stage, { minLength: s.stages, maxLength: s.stages }),
        roles: fc.array(role, { minLength: s.roles, maxLength: s.roles }),
        worked: workedStages,
        initiatives: fc.array(initiative, { minLength: s.initiatives, maxLength: s.initiatives }),
        customers: opt(customers),
        gross_margin: opt(
          fc.oneof(
            unit.map((u) => round(u, 3)),
            fc.constant({ dist: 'beta', alpha: 14, beta: 6 }),
          ),
        ),
        sampling: fc.constantFrom('random', 'lhs'),
        correlations: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -9, max: 9 })), {
          maxLength: 2,
        }),
      })
      .map((p) => {
        const workedBy = new Map(p.worked.map((stageId, r) => [stageId, rIds[r]!]));
        const doc: Doc = {
          scenario: 'random plan',
          calendar: { start: months[0], periods: s.periods },
          simulation: { trials, seed: s.seed, sampling: p.sampling },
          markets: Object.fromEntries(p.markets.map((m, i) => [mIds[i], m])),
          channels: Object.fromEntries(p.channels.map((c, i) => [cIds[i], c])),
          funnel: sIds.map((id, k) => {
            const st = p.stages[k]!;
            const role = workedBy.get(id);
            return {
              stage: id,
              ...(k > 0 ? { rate: st.rate, ...(st.lag === undefined ? {} : { lag: st.lag }) } : {}),
              ...(role === undefined ? {} : { worked_by: role }),
            };
          }),
          team: Object.fromEntries(p.roles.map((r, i) => [rIds[i], r])),
          initiatives: Object.fromEntries(p.initiatives.map((x, i) => [`i${i}`, x])),
        };
        if (p.customers !== undefined) doc.customers = p.customers;
        const correlations = pairs(doc, p.correlations);
        if (correlations.length > 0) doc.correlations = correlations;
        if (p.gross_margin !== undefined) doc.economics = { gross_margin: p.gross_margin };
        return doc;
      });
  });
}
