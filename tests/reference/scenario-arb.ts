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

type Doc = Record<string, unknown>;

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));
const unit = fc.integer({ min: 0, max: 10_000 }).map((x) => x / 10_000);

/**
 * A positive quantity around [lo, hi]: fixed, `to` interval, lognormal, triangular, uniform,
 * pert, and (unless `strict`: deal sizes and curve parameters refuse it) a wide normal whose
 * mass below 0 the engine clamps to 0.
 */
function positive(lo: number, hi: number, strict = false): fc.Arbitrary<unknown> {
  const at = (u: number) => round(lo + u * (hi - lo));
  const normal = fc
    .tuple(unit, unit)
    .map(([a, b]) => ({ dist: 'normal', mean: at(a), sd: round(at(a) * (0.1 + 0.8 * b)) }));
  return fc.oneof(
    ...(strict ? [] : [normal]),
    unit.map(at),
    fc.tuple(unit, unit).map(([a, b]) => `${at(a * 0.8)} to ${round(at(a * 0.8) * (1.1 + b))}`),
    fc
      .tuple(unit, unit)
      .map(([a, b]) => ({ dist: 'lognormal', median: at(a), p90: round(at(a) * (1.1 + b)) })),
    fc.tuple(unit, unit, unit).map(([a, b, c]) => ({
      dist: 'triangular',
      min: at(a * 0.5),
      mode: round(at(a * 0.5) * (1 + b * 0.3)),
      max: round(at(a * 0.5) * (1.3 + c)),
    })),
    fc.tuple(unit, unit).map(([a, b]) => ({
      dist: 'uniform',
      min: at(a * 0.7),
      max: round(at(a * 0.7) * (1.05 + b)),
    })),
    fc.tuple(unit, unit).map(([a, b]) => ({
      dist: 'pert',
      min: at(a * 0.5),
      mode: round(at(a * 0.5) * (1 + b * 0.5)),
      max: round(at(a * 0.5) * 1.8),
    })),
  );
}

/** A rate inside [lo, hi]: fixed, percent interval, successes/trials, beta by mean/sd or alpha/beta. */
function rate(lo: number, hi: number): fc.Arbitrary<unknown> {
  const at = (u: number) => round(lo + u * (hi - lo), 3);
  const inner = (u: number) => Math.min(0.98, Math.max(0.02, at(u)));
  return fc.oneof(
    unit.map(at),
    fc
      .tuple(unit, unit)
      .map(([a, b]) => ({ dist: 'normal', mean: at(a), sd: round(0.02 + 0.25 * b, 3) })),
    fc.tuple(unit, unit).map(([a, b]) => {
      const low = round(Math.max(0.5, at(a) * 80), 1);
      return `${low}% to ${round(Math.min(99, low + 2 + b * 15), 1)}%`;
    }),
    fc
      .tuple(unit, fc.integer({ min: 20, max: 400 }))
      .map(([a, n]) => ({ successes: Math.round(at(a) * n), trials: n })),
    fc.tuple(unit, unit).map(([a, b]) => ({
      dist: 'beta',
      mean: inner(a),
      sd: round(0.2 * Math.sqrt(inner(a) * (1 - inner(a))) * (0.2 + b), 5),
    })),
    fc.tuple(unit, fc.integer({ min: 10, max: 200 })).map(([a, n]) => ({
      dist: 'beta',
      alpha: round(inner(a) * n, 2),
      beta: round((1 - inner(a)) * n, 2),
    })),
  );
}

const lag = fc.oneof(
  fc.integer({ min: 0, max: 2 }),
  fc.tuple(unit, unit).map(([a, b]) => {
    const p0 = round(a * 0.8, 3);
    const p1 = round((1 - p0) * b, 3);
    return [p0, p1, round(1 - p0 - p1, 3)];
  }),
  fc.tuple(unit, unit).map(([a, b]) => ({
    median: round(0.4 + 2 * a, 2),
    p90: round((0.4 + 2 * a) * (1.3 + 2 * b), 2),
  })),
);

/** A per-period input of T periods: number, list or map keyed by the calendar's months. */
function perPeriod(
  months: readonly string[],
  lo: number,
  hi: number,
  integer: boolean,
): fc.Arbitrary<unknown> {
  const T = months.length;
  const v = integer
    ? fc.integer({ min: lo, max: hi })
    : unit.map((u) => Math.round(lo + u * (hi - lo)));
  return fc.oneof(
    v,
    fc.array(v, { minLength: T, maxLength: T }),
    fc
      .tuple(v, fc.integer({ min: 0, max: T - 1 }), v)
      .map(([d, i, x]) => ({ default: d, [months[i]!]: x })),
  );
}

const monthLabel = (year: number, month0: number, offset: number): string => {
  const m = year * 12 + month0 + offset;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
};

/** Dot paths of the inputs that may be correlated, when the document made them uncertain. */
function uncertainPaths(doc: Doc): string[] {
  const out: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (value !== undefined && typeof value !== 'number') out.push(path);
  };
  const sections = doc as Record<string, Record<string, Record<string, unknown>>>;
  for (const [id, m] of Object.entries(sections.markets ?? {})) {
    for (const f of ['growth', 'demand_shock', 'win_factor']) visit(m[f], `markets.${id}.${f}`);
  }
  for (const [id, c] of Object.entries(sections.channels ?? {})) {
    const r = c.response as Record<string, unknown>;
    for (const f of ['max_leads', 'cost_per_lead', 'leads'])
      visit(r[f], `channels.${id}.response.${f}`);
  }
  for (const st of doc.funnel as { stage: string; rate?: unknown }[]) {
    visit(st.rate ?? 0, `funnel.${st.stage}.rate`);
  }
  for (const [id, r] of Object.entries(sections.team ?? {}))
    visit(r.capacity, `team.${id}.capacity`);
  return out;
}

/** Up to two disjoint pairs of uncertain inputs with rank correlations ±0.1 … ±0.9. */
function pairs(doc: Doc, picks: readonly [number, number, number][]): unknown[] {
  const free = uncertainPaths(doc);
  const out: unknown[] = [];
  for (const [i, j, k] of picks) {
    if (free.length < 2) break;
    const a = free.splice(i % free.length, 1)[0]!;
    const b = free.splice(j % free.length, 1)[0]!;
    out.push({ between: [a, b], rank: (k === 0 ? 5 : k) / 10 });
  }
  return out;
}

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
