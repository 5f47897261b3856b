/**
 * reforecast — the forecast of a plan with its first k months replaced by actuals
 * (docs/model.md, "Reforecast from actuals"; docs/history.md, "reforecast"):
 *
 *   actuals ─► align to the calendar ─► replay the funnel (queues, lags) over k months
 *          │                               │
 *          │     opening pipeline at k ◄───┤──► exposures ─► rates updated (beta)
 *          │     team and accounts at k    │
 *          │     lead level ◄──────────────┘ (leads against the plan: per cohort and market)
 *          ▼
 *   plan of months k … T − 1 (the library's simulation, unchanged) ─┐
 *   plan of months 0 … k − 1 at the actual spend (what actuals lack) ┼─► stitched trials ─► forecast
 *   actuals of months 0 … k − 1 ─────────────────────────────────────┘
 */
import { prepare } from '../../analysis/evaluator.js';
import { summariseRun } from '../../analysis/forecast.js';
import { checkOwnVariant } from '../../analysis/own-variant.js';
import { checkOptionNames, checkRunOptions, type OptionNames } from '../../analysis/run-options.js';
import type { ForecastResult } from '../../analysis/types.js';
import type { Dist } from '../../model/dist.js';
import type { InitiativeModel, Model, Param, ParamRef } from '../../model/types.js';
import { designBasis } from '../../scenario/design-basis.js';
import { nearestCorrelationOk } from '../../sim/design/iman-conover.js';
import { adstockBefore, TrialInputs } from '../../sim/trial-inputs.js';
import { distMean, distVariance } from '../../stats/dist-math.js';
import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import type { Logger } from '../../util/logger.js';
import { InputError } from '../../util/result.js';
import type { Actuals } from '../types.js';
import { alignActuals, type PastActuals } from './align.js';
import { centralValues } from './central.js';
import { expectedTeam } from './expected-team.js';
import { impliedState } from './implied-state.js';
import { type LeadLevel, leadLevel, type MarketLevel } from './lead-level.js';
import { rnotes } from './notes.js';
import { frontPlan, type RestEdits, restPlan } from './slice-plan.js';
import { actualSeries, stitchedSource } from './stitch.js';
import { type RateUpdate, updateRates } from './update-rates.js';

/** Options of {@link reforecast}. */
export interface ReforecastOptions {
  /** Worker threads (default: all cores). */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly logger?: Logger;
  /**
   * Only a check: the variant the model was compiled as (`model.variant`, null for the base),
   * which the result's forecast names; another is an InputError.
   */
  readonly variant?: string | null;
}

const REFORECAST_OPTIONS: OptionNames<ReforecastOptions> = {
  workers: true,
  onProgress: true,
  logger: true,
  variant: true,
};

/** Open items at the start of month k, per stage (expected, before rounding to whole items). */
export interface OpenStage {
  readonly stage: string;
  /** Taken on and not yet resolved. */
  readonly taken: number;
  /** Waiting in the queue of the role that works the stage. */
  readonly queued: number;
}

/** A reforecast: the stitched forecast over the whole calendar and what the actuals changed. */
export interface ReforecastResult {
  /** The forecast over the plan's whole calendar: months before k are the actuals. */
  readonly forecast: ForecastResult;
  /** Months of actuals (k), the last of them, and the actuals file. */
  readonly actuals: { readonly periods: number; readonly through: string; readonly file: string };
  /** Series fixed at the actuals in months before k (the same in every trial). */
  readonly fixed: readonly string[];
  readonly pipeline: readonly OpenStage[];
  /** Whole items of the opening pipeline of month k (what the rest of the plan starts from). */
  readonly pipelineItems: number;
  readonly rates: readonly RateUpdate[];
  /** Per market the actuals observed: its lead level for the months ahead. */
  readonly leads: readonly MarketLevel[];
  /** Expected headcount of each role at the start of month k (hires before k made). */
  readonly team: readonly { readonly role: string; readonly headcount: number }[];
  /** Expected installed accounts at the start of month k. */
  readonly accounts: number;
  /** What the actuals could not change, or look odd (sentences). */
  readonly notes: readonly string[];
  /** The plan of months k … T − 1 that was simulated. */
  readonly rest: Model;
}

/**
 * `dist` moved by `delta` (a whole-number quantity such as a headcount): exact for every
 * family with a location; a lognormal or beta keeps its variance with the new mean (as a
 * lognormal). A fixed value that is not whole becomes uniform ±½ around it, so the kernel's
 * rounding gives the right mean.
 */
function shift(dist: Dist, delta: number): Dist {
  switch (dist.kind) {
    case 'fixed': {
      const v = Math.max(0, dist.value + delta);
      return Number.isInteger(v) || v < 0.5
        ? { kind: 'fixed', value: Math.round(v) }
        : { kind: 'uniform', min: v - 0.5, max: v + 0.5 };
    }
    case 'normal':
      return { ...dist, mean: dist.mean + delta };
    case 'uniform':
      return { ...dist, min: dist.min + delta, max: dist.max + delta };
    case 'triangular':
    case 'pert':
      return { ...dist, min: dist.min + delta, mode: dist.mode + delta, max: dist.max + delta };
    case 'lognormal':
    case 'beta': {
      const m = distMean(dist) + delta;
      const v = distVariance(dist);
      if (!(m > 0)) return { kind: 'fixed', value: 0 };
      const s2 = Math.log1p(v / (m * m));
      return { kind: 'lognormal', mu: Math.log(m) - s2 / 2, sigma: Math.sqrt(s2) };
    }
  }
}

/** Expected accounts at the start of month k: (a + wins_t)(1 − churn) per month, as the kernel orders it. */
function accountsAt(model: Model, past: PastActuals, means: Float64Array): number {
  const K = model.stages.length;
  const churn = Math.min(1, means[model.customers.churn]!);
  let a = Math.round(means[model.customers.accounts]!);
  for (let t = 0; t < past.k; t++) {
    let wins = 0;
    for (let h = 0; h < past.H; h++) wins += past.arrivals[K - 1]![h * past.k + t]!;
    a = (a + wins) * (1 - churn);
  }
  return a;
}

/**
 * Reforecasts `model` from `actuals` of its first months: see the module doc and
 * docs/model.md "Reforecast from actuals". Trials and seed are the model's.
 * @throws InputError when the actuals do not fit the plan (another start month, past the
 * calendar or covering all of it, channels or markets it lacks), naming file, row and column,
 * or when `opts.variant` is not the model's own.
 * @example const r = await reforecast(model, actuals); r.forecast.metrics.bookings.total.p50
 */
export async function reforecast(
  model: Model,
  actuals: Actuals,
  opts: ReforecastOptions = {},
): Promise<ReforecastResult> {
  checkArgument('reforecast', 'model', model, ARG.model);
  checkArgument('reforecast', 'actuals', actuals, ARG.actuals);
  checkOptionNames('reforecast', opts, REFORECAST_OPTIONS);
  checkRunOptions('reforecast', opts);
  checkOwnVariant('reforecast', model, opts.variant);
  const aligned = alignActuals(model, actuals);
  if (!aligned.ok) throw new InputError(aligned.errors);
  const past = aligned.value;
  const { k } = past;
  const T = model.calendar.periods;
  const M = model.markets.length;
  const means = centralValues(model, 'mean');
  const medians = centralValues(model, 'median');
  const inputs = new TrialInputs(model);
  inputs.compute(means);
  const capFactor = inputs.capFactor.slice();
  const stageFactor = inputs.stageFactor.slice();

  const team = expectedTeam(model, k, means, capFactor);
  const state = impliedState(model, {
    k,
    arrivals: past.arrivals,
    capacity: team.capacity,
    queueLoss: Float64Array.from(model.roles, (r) => Math.min(1, means[r.queueLoss]!)),
  });
  const rates = updateRates(model, k, past.arrivals, state.resolved, means, stageFactor);

  const front = frontPlan(model, k, past.spend);
  inputs.compute(medians);
  const ahead = new Float64Array(past.H);
  model.channels.forEach((ch, c) => {
    for (let m = 0; m < M; m++)
      for (let t = k; t < T; t++)
        ahead[c * M + m]! += inputs.leadsBase[c * T + t]! * ch.mix[m]! * inputs.demand[m * T + t]!;
  });
  const level = leadLevel(front, past, medians, ahead, model.simulation.seed);

  const edits = restEdits(model, past, { means, medians, rates: rates.dists, level, team, state });
  const rest = restPlan(model, k, edits.edits);
  const accounts = edits.accounts;

  const evFront = prepare(front, opts.workers === undefined ? {} : { workers: opts.workers });
  const evRest = prepare(rest, opts.workers === undefined ? {} : { workers: opts.workers });
  const trials = model.simulation.trials;
  let passes = 0;
  try {
    const frontSource = evFront.source(front);
    const restSource = evRest.source(rest, (done) => {
      // progress of the first summary pass (later passes re-simulate the same trials)
      if (passes <= 1) opts.onProgress?.(done, trials);
    });
    const stitched = stitchedSource({
      model,
      past,
      trials,
      front: frontSource,
      rest: restSource,
      carryIn: edits.edits.carryIn.reduce((a, b) => a + b, 0),
      margin:
        model.params[model.grossMargin]!.dist.kind === 'fixed' ? means[model.grossMargin]! : null,
      marginMean: means[model.grossMargin]!,
    });
    const forecast = await summariseRun(
      model,
      trials,
      (consume) => {
        passes += 1;
        return stitched(consume);
      },
      opts.logger,
    );
    const markets = level.markets.filter((m): m is MarketLevel => m !== null);
    return {
      forecast,
      actuals: { periods: k, through: model.calendar.labels[k - 1]!, file: actuals.file },
      fixed: actualSeries(model),
      pipeline: model.stages.slice(0, -1).map((s, j) => ({
        stage: s.id,
        taken: state.openTaken[j]!,
        queued: state.openQueued[j]!,
      })),
      pipelineItems: rest.pipeline.reduce((a, e) => a + e.count, 0),
      rates: rates.updates,
      leads: markets,
      team: model.roles.map((r, i) => ({
        role: r.id,
        headcount: team.tenure[i]!.reduce((a, b) => a + b, 0),
      })),
      accounts,
      notes: rnotes(model, past, rates.updates, markets, edits.dropped),
      rest,
    };
  } finally {
    await Promise.all([evFront.close(), evRest.close()]);
  }
}

/** Everything the rest of the plan changes (see {@link RestEdits}). */
function restEdits(
  model: Model,
  past: PastActuals,
  o: {
    readonly means: Float64Array;
    readonly medians: Float64Array;
    readonly rates: ReadonlyMap<ParamRef, Dist>;
    readonly level: LeadLevel;
    readonly team: ReturnType<typeof expectedTeam>;
    readonly state: ReturnType<typeof impliedState>;
  },
): { edits: RestEdits; accounts: number; dropped: boolean } {
  const { k } = past;
  const params = new Map<ParamRef, { dist: Dist; scale: number }>();
  for (const [p, dist] of o.rates) params.set(p, { dist, scale: 1 });
  for (const p of o.level.fixed)
    params.set(p, { dist: { kind: 'fixed', value: o.medians[p]! }, scale: 1 });
  model.markets.forEach((mk, m) => {
    const lift = (1 + o.medians[mk.growth]!) ** k;
    const lv = o.level.markets[m];
    const p = model.params[mk.demandShock]!;
    if (lv === null || lv === undefined)
      params.set(mk.demandShock, { dist: p.dist, scale: p.scale * lift });
    else {
      const center = o.medians[mk.demandShock]!;
      params.set(mk.demandShock, {
        dist:
          lv.sd > 0
            ? { kind: 'lognormal', mu: Math.log(center), sigma: lv.sd }
            : { kind: 'fixed', value: center },
        scale: lift,
      });
    }
  });
  // team: the expected reps at k (hires before k made), ramped in the rest plan, with the
  // capacity of those still ramping held back by step initiatives until they are ramped
  const addedParams: Param[] = [];
  const addedInitiatives: InitiativeModel[] = [];
  const fixedParam = (path: string, value: number): ParamRef => {
    addedParams.push({
      path,
      dist: { kind: 'fixed', value },
      domain: 'positive',
      scale: 1,
      seed: null,
    });
    return model.params.length + addedParams.length - 1;
  };
  let zero = -1;
  model.roles.forEach((role, r) => {
    const b = o.team.tenure[r]!;
    const heads = b.reduce((x, y) => x + y, 0);
    const p = model.params[role.headcount]!;
    params.set(role.headcount, {
      dist: shift(p.dist, heads - Math.round(o.means[role.headcount]!)),
      scale: 1,
    });
    const R = role.ramp.length;
    if (R === 0 || !(heads > 0)) return;
    let previous = 1;
    for (let t = 0; t < R; t++) {
      let units = 0;
      for (let i = 0; i <= R; i++) {
        const tenure = Math.min(R, i + 1 + t);
        units += b[i]! * (tenure < R ? role.ramp[tenure]! : 1);
      }
      const f = units / heads;
      if (Math.abs(f - previous) < 1e-12) continue;
      if (zero < 0) zero = fixedParam('reforecast.zero', 0);
      addedInitiatives.push({
        id: `reforecast_ramp_${role.id}_${t}`,
        label: `ramp of ${role.label} hired before the reforecast`,
        start: t,
        ramp: 0,
        costOnce: zero,
        costPerPeriod: zero,
        effects: [
          {
            target: { kind: 'role_capacity', role: r },
            factor: fixedParam(`reforecast.ramp.${role.id}.${t}`, f / previous),
          },
        ],
      });
      previous = f;
    }
  });
  const accounts = accountsAt(model, past, o.means);
  params.set(model.customers.accounts, {
    dist: { kind: 'fixed', value: Math.round(accounts) },
    scale: 1,
  });
  // adstock: effective spend at the end of month k − 1 from the actual spend, carried in
  const carryIn = Float64Array.from(model.channels, (ch, c) => {
    const carry = o.medians[ch.carryover]!;
    let e = adstockBefore(ch.spendBefore, carry);
    for (let t = 0; t < k; t++) e = past.spend[c * k + t]! + carry * e;
    return carry * e;
  });
  // correlations: those of an input now fixed go; two markets' levels take their posterior one
  const fixedNow = new Set<number>(o.level.fixed);
  const shockOf = new Map(model.markets.map((mk, m) => [mk.demandShock, m]));
  let correlations = model.correlations
    .filter((c) => !fixedNow.has(c.a) && !fixedNow.has(c.b))
    .map((c) => {
      const a = shockOf.get(c.a);
      const b = shockOf.get(c.b);
      if (a === undefined || b === undefined) return c;
      if (o.level.markets[a] == null || o.level.markets[b] == null) return c;
      const rho = o.level.correlation[a]![b]!;
      return { ...c, rank: (6 / Math.PI) * Math.asin(rho / 2) };
    })
    .filter((c) => Math.abs(c.rank) > 1e-9);
  const newParams = model.params.map((p, i) => {
    const e = params.get(i);
    return e === undefined ? p : { ...p, dist: e.dist, scale: e.scale };
  });
  const allParams = [...newParams, ...addedParams];
  let design = designBasis(allParams, correlations, model.simulation.sampling);
  let dropped = false;
  if (!nearestCorrelationOk(design.target)) {
    // the posterior correlations do not fit with the plan's others: keep the plan's only
    dropped = true;
    correlations = correlations.filter((c) => !(shockOf.has(c.a) && shockOf.has(c.b)));
    design = designBasis(allParams, correlations, model.simulation.sampling);
  }
  return {
    edits: {
      params,
      addedParams,
      addedInitiatives,
      mix: o.level.mix,
      carryIn,
      pipeline: o.state.pipeline,
      correlations,
      design,
    },
    accounts,
    dropped,
  };
}
