/**
 * TEST FIXTURE for structure tests only: a hand-built ForecastResult and Model with
 * plausible shapes (normal-approximation quantiles around chosen means). Golden tests
 * use a real forecast of scenarios/b2b-saas.yaml instead.
 */

import type {
  BreakdownResult,
  ForecastResult,
  MetricName,
  RoleResult,
  SeriesSummary,
  Summary,
} from '../../src/analysis/types.js';
import { METRICS } from '../../src/analysis/types.js';
import type { Model, Param } from '../../src/model/types.js';
import { designBasis } from '../../src/scenario/design-basis.js';
import { defaultLabel } from '../../src/scenario/labels.js';

/** The forecast charts, in the order buildForecastCharts gives them (a plan with quarters). */
export const FORECAST_CHART_NAMES = [
  'fan',
  'quarterly',
  'cumulative',
  'distribution',
  'funnel',
  'channels',
  'new-vs-repeat',
  'team',
  'headcount',
] as const;

// Standard normal quantiles for 5, 10, 25, 75, 90, 95% (tables of Φ⁻¹).
const Z = { p5: -1.6449, p10: -1.2816, p25: -0.6745, p75: 0.6745, p90: 1.2816, p95: 1.6449 };

/** A summary of a normal(mean, sd) quantity estimated from `n` trials. */
export function normalSummary(mean: number, sd: number, n = 2000): Summary {
  return {
    mean,
    sd,
    se: sd / Math.sqrt(n),
    p5: mean + Z.p5 * sd,
    p10: mean + Z.p10 * sd,
    p25: mean + Z.p25 * sd,
    p50: mean,
    p75: mean + Z.p75 * sd,
    p90: mean + Z.p90 * sd,
    p95: mean + Z.p95 * sd,
  };
}

function series(
  perPeriod: (t: number) => number,
  cv: number,
  periods: number,
  level = false,
): SeriesSummary {
  const ps = Array.from({ length: periods }, (_, t) =>
    normalSummary(perPeriod(t), cv * perPeriod(t)),
  );
  const totalMean = level
    ? perPeriod(periods - 1)
    : Array.from({ length: periods }, (_, t) => perPeriod(t)).reduce((a, b) => a + b, 0);
  return { periods: ps, total: normalSummary(totalMean, cv * totalMean * (level ? 1 : 0.5)) };
}

export interface FixtureOptions {
  readonly scenario?: string;
  readonly currency?: string;
  readonly channels?: readonly string[];
  readonly roles?: readonly string[];
  readonly stages?: readonly string[];
  readonly periods?: number;
}

/** A ForecastResult with 12 monthly periods, three channels, two roles and targets. */
export function fixtureResult(opts: FixtureOptions = {}): ForecastResult {
  const n = opts.periods ?? 12;
  const periods = Array.from({ length: n }, (_, t) => {
    const y = 2027 + Math.floor(t / 12);
    return `${y}-${String((t % 12) + 1).padStart(2, '0')}`;
  });
  const quarters = Array.from({ length: Math.ceil(n / 3) }, (_, q) => {
    const t = q * 3;
    return `FY${2027 + Math.floor(t / 12)} Q${Math.floor((t % 12) / 3) + 1}`;
  });
  const channels = opts.channels ?? ['paid_search', 'referrals', 'events'];
  const roles = opts.roles ?? ['sdr', 'ae'];
  const stages = opts.stages ?? ['lead', 'mql', 'sql', 'opportunity', 'won'];
  const booking = (t: number) => 600_000 + 25_000 * t;
  const metrics = {} as Record<MetricName, SeriesSummary>;
  for (const m of METRICS) metrics[m] = series((t) => 100 + t, 0.2, n);
  metrics.bookings = series(booking, 0.25, n);
  metrics.new_bookings = series((t) => booking(t) * 0.8, 0.25, n);
  metrics.repeat_bookings = series((t) => booking(t) * 0.2, 0.3, n);
  metrics.profit = series((t) => booking(t) * 0.3, 0.6, n);
  const breakdown = (share: number): BreakdownResult => ({
    leads: normalSummary(3000 * share, 300),
    wins: normalSummary(120 * share, 20),
    bookings: normalSummary(7e6 * share, 1e6),
    periods: {
      leads: periods.map((_, t) => 250 * share + t),
      wins: periods.map(() => 10 * share),
      bookings: periods.map((_, t) => booking(t) * 0.8 * share),
    },
    periods_se: {
      leads: periods.map(() => 1),
      wins: periods.map(() => 0.1),
      bookings: periods.map(() => 1000),
    },
  });
  const shares = channels.map((_, i) => (i + 1) / ((channels.length * (channels.length + 1)) / 2));
  const role = (hc: number): RoleResult => ({
    headcount: series(() => hc, 0.1, n, true),
    capacity: series(() => hc * 20, 0.1, n, true),
    taken: series(() => hc * 18, 0.1, n),
    utilisation: {
      periods: periods.map((_, t) => {
        const u = Math.min(0.97, 0.7 + 0.02 * t - 0.15 * (hc - 4));
        return {
          ...normalSummary(u, 0.05),
          p90: Math.min(1, u + 0.064),
          p95: Math.min(1, u + 0.08),
        };
      }),
      total: normalSummary(0.82, 0.04),
    },
    queue: series((t) => 5 + 3 * t, 0.4, n, true),
    lost: series((t) => 2 + t, 0.4, n),
    leavers: series(() => 0.1, 0.3, n),
  });
  const total = metrics.bookings.total;
  const edges = Array.from(
    { length: 41 },
    (_, i) => total.p5 * 0.8 + (i * (total.p95 * 1.2 - total.p5 * 0.8)) / 40,
  );
  const counts = edges.slice(1).map((e, i) => {
    const mid = (e + (edges[i] ?? e)) / 2;
    return Math.round(2000 * 0.05 * Math.exp(-0.5 * ((mid - total.mean) / total.sd!) ** 2));
  });
  return {
    scenario: opts.scenario ?? 'Fixture SaaS plan',
    currency: opts.currency ?? 'USD',
    trials: 2000,
    seed: 7,
    sampling: 'random',
    variant: null,
    periods,
    quarters,
    metrics,
    stages: Object.fromEntries(stages.map((s, i) => [s, series(() => 3000 / 2.5 ** i, 0.15, n)])),
    channels: Object.fromEntries(channels.map((c, i) => [c, breakdown(shares[i] ?? 0)])),
    markets: { smb: breakdown(0.7), enterprise: breakdown(0.3) },
    roles: Object.fromEntries(roles.map((r, i) => [r, role(4 + 2 * i)])),
    quarterly: {
      bookings: quarters.map((_, q) =>
        normalSummary(3 * booking(3 * q + 1), 0.15 * 3 * booking(3 * q + 1)),
      ),
    },
    cumulative_bookings: periods.map((_, t) => {
      const m = Array.from({ length: t + 1 }, (_, k) => booking(k)).reduce((a, b) => a + b, 0);
      return normalSummary(m, 0.12 * m);
    }),
    targets: {
      bookings: { value: 8.5e6, probability: 0.62, se: 0.011 },
      quarterly: quarters.map(() => 0.55),
      quarterly_detail: quarters.map((_, q) => ({
        value: 1.9e6 + q * 2e5,
        probability: 0.55,
        se: 0.011,
      })),
    },
    histograms: { bookings: { edges, counts }, profit: { edges, counts } },
    precision: null,
    correlations: [],
  };
}

/**
 * A minimal compiled Model matching {@link fixtureResult}, with a few params of each kind;
 * `labels` gives display labels by id (default: the readable default of the id).
 */
export function fixtureModel(
  result: ForecastResult = fixtureResult(),
  labels: Readonly<Record<string, string>> = {},
): Model {
  const label = (id: string) => labels[id] ?? defaultLabel(id);
  const params: Param[] = [
    {
      path: 'markets.smb.demand_shock',
      dist: { kind: 'uniform', min: 0.85, max: 1.15 },
      domain: 'positive',
      scale: 1,
      seed: null,
    },
    {
      path: 'funnel.won.rate',
      dist: { kind: 'beta', alpha: 43, beta: 139 },
      domain: 'rate',
      scale: 1,
      seed: null,
    },
    {
      path: 'channels.paid_search.response.half_spend',
      dist: { kind: 'lognormal', mu: Math.log(60000), sigma: 0.3 },
      domain: 'positive',
      scale: 1,
      seed: null,
    },
    {
      path: 'markets.smb.growth',
      dist: { kind: 'normal', mean: 0.01, sd: 0.005 },
      domain: 'real',
      scale: 1,
      seed: null,
    },
    {
      path: 'team.ae.capacity',
      dist: { kind: 'fixed', value: 20 },
      domain: 'positive',
      scale: 1,
      seed: null,
    },
    {
      path: 'team.ae.cost',
      dist: { kind: 'triangular', min: 12000, mode: 14000, max: 17000 },
      domain: 'positive',
      scale: 1,
      seed: null,
    },
    {
      path: 'initiatives.crm.effects.0.rate',
      dist: { kind: 'pert', min: 1, mode: 1.05, max: 1.2, alpha: 2, beta: 4 },
      domain: 'positive',
      scale: 1,
      seed: null,
    },
  ];
  const n = result.periods.length;
  return {
    name: result.scenario,
    currency: result.currency,
    calendar: {
      start: result.periods[0] ?? '2027-01',
      periods: n,
      labels: result.periods,
      months: Int32Array.from({ length: n }, (_, t) => t % 12),
      quarterOf: Int32Array.from({ length: n }, (_, t) => Math.floor(t / 3)),
      fiscalYearStart: 1,
      quarterLabels: result.quarters,
    },
    simulation: {
      trials: result.trials,
      seed: result.seed,
      sampling: result.sampling,
      precision: null,
    },
    params,
    correlations: [],
    design: designBasis(params, [], result.sampling),
    markets: [],
    channels: Object.keys(result.channels).map((id) => ({
      id,
      label: label(id),
      spend: new Float64Array(n).fill(40000),
      minSpend: 0,
      maxSpend: Number.POSITIVE_INFINITY,
      response: { curve: 'fixed', leads: 0 },
      leadsCv: 0,
      carryover: 0,
      spendBefore: 0,
      mix: new Float64Array([1]),
      rateFactors: [],
    })),
    stages: Object.keys(result.stages).map((id, i) => ({
      id,
      label: label(id),
      rate: i === 0 ? -1 : 1,
      lag: new Float64Array([1]),
      role: -1,
    })),
    roles: Object.keys(result.roles).map((id, i) => ({
      id,
      label: label(id),
      stage: 2 + i,
      headcount: 4,
      capacity: 4,
      ramp: new Float64Array(),
      attrition: 0,
      backfillLag: -1,
      hires: new Int32Array(n),
      cost: 5,
      queueLoss: 0,
    })),
    customers: {
      accounts: 0,
      churn: 0,
      repeatRate: 0,
      repeatDealSize: { kind: 'fixed', value: 0 },
    },
    initiatives: [],
    grossMargin: 0,
    targets: {
      bookings: result.targets.bookings?.value ?? null,
      quarterly: result.targets.quarterly_detail?.map((t) => t.value) ?? [],
      profit: null,
    },
    allocation: null,
    quota: null,
    variants: [],
    variant: null,
    pipeline: [],
  };
}

/** Scenario text that must show literally: markup, quotes, backslashes, template syntax. */
export const HOSTILE = `<script>alert(1)</script> "Acme's" \\ \${x} {{y}}`;
