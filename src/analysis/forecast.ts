/**
 * forecast — what will we book: every metric per period and for the horizon, per stage,
 * role, channel and market, quarterly roll-ups, target probabilities and histograms.
 */
import { HISTOGRAM_BINS, MAX_TRIALS, PRECISION_CACHE_BYTES } from '../defaults.js';
import type { Model } from '../model/types.js';
import type { Override } from '../scenario/overrides.js';
import { buildLayout, type Layout } from '../sim/layout.js';
import type { RowConsumer } from '../sim/pool.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import type { Logger } from '../util/logger.js';
import { Columns, QUARTERLY_METRICS } from './columns.js';
import { type AchievedCorrelation, measureCorrelations } from './correlations.js';
import { type Evaluator, prepare } from './evaluator.js';
import { checkOwnVariant } from './own-variant.js';
import { findTrialCount, type TrialSource } from './precision.js';
import { RowCache } from './row-cache.js';
import { checkOptionNames, checkRunOptions, type OptionNames } from './run-options.js';
import { standardError } from './standard-error.js';
import {
  type ColumnStats,
  columnSummary,
  exceedance,
  histogram,
  type RowSource,
  summariseColumns,
} from './summarise.js';
import {
  type BreakdownResult,
  type ForecastResult,
  METRICS,
  type MetricName,
  type RoleResult,
  type SeriesSummary,
  type Summary,
  type TargetResult,
} from './types.js';

export interface ForecastOptions {
  /** Worker threads, a whole number from 1 to 256 (default: all cores). */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly logger?: Logger;
  /**
   * For {@link forecastWith}: the variant of the evaluator's bundle to forecast. For
   * {@link forecast} and {@link runForecast}, which take a compiled plan: only a check — it must
   * be the variant the plan was compiled as (`model.variant`, null for the base), which the
   * result's `variant` always names; another is an InputError.
   */
  readonly variant?: string | null;
  /** Also receives every trial's row, in trial order, once (e.g. to write a trials file). */
  readonly tee?: RowConsumer;
}

const FORECAST_OPTIONS: OptionNames<ForecastOptions> = {
  workers: true,
  onProgress: true,
  logger: true,
  variant: true,
  tee: true,
};

/**
 * Runs the Monte Carlo forecast of a compiled model: one client of the prepared evaluator
 * (see {@link prepare}), which starts threads only when the run is worth them and closes them
 * before returning. The result's `variant` is the model's own (a variant's plan comes from
 * `loadModel(file, { variant })` or `bundle.variants.get(name)`).
 * @throws InputError when `opts.variant` is not the variant the model was compiled as, or
 * `workers` is no whole number from 1 to 256.
 * @example const result = await forecast(model, { workers: 2 });
 */
export async function forecast(model: Model, opts: ForecastOptions = {}): Promise<ForecastResult> {
  checkArgument('forecast', 'model', model, ARG.model);
  checkOptionNames('forecast', opts, FORECAST_OPTIONS);
  checkRunOptions('forecast', opts);
  checkOwnVariant('forecast', model, opts.variant);
  const ev = prepare(model, {
    ...(opts.workers === undefined ? {} : { workers: opts.workers }),
    ...(opts.logger === undefined ? {} : { logger: opts.logger }),
  });
  try {
    return await runForecast(model, ev.source(model, opts.onProgress), opts);
  } finally {
    await ev.close();
  }
}

/**
 * The forecast of the evaluator's plan with `overrides` applied (a variant with
 * `opts.variant`), on the evaluator's threads: what `salesops forecast` prints, for a what-if.
 * @throws InputError when an override does not apply or the bundle has no such variant.
 * @example await forecastWith(ev, [{ spend: 'paid_search', value: 60000 }])
 */
export async function forecastWith(
  ev: Evaluator,
  overrides: readonly Override[],
  opts: ForecastOptions = {},
): Promise<ForecastResult> {
  checkArgument('forecastWith', 'ev', ev, ARG.evaluator);
  checkArgument('forecastWith', 'overrides', overrides, ARG.overrides);
  checkOptionNames('forecastWith', opts, FORECAST_OPTIONS);
  const model = ev.plan(overrides, opts.variant ?? undefined);
  return runForecast(model, ev.source(model, opts.onProgress), opts);
}

/**
 * The forecast of `model` from trials that `simulate` supplies (the evaluator's threads):
 * the precision search when the plan asks for one, then every summary pass.
 * @throws InputError when `opts.variant` is not the variant the model was compiled as.
 */
export async function runForecast(
  model: Model,
  simulate: TrialSource,
  opts: ForecastOptions = {},
): Promise<ForecastResult> {
  checkArgument('runForecast', 'model', model, ARG.model);
  checkArgument('runForecast', 'simulate', simulate, ARG.trialSource);
  checkOptionNames('runForecast', opts, FORECAST_OPTIONS);
  checkOwnVariant('forecast', model, opts.variant);
  const n = model.simulation.trials;
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_TRIALS)) {
    // Compiled models always pass; a model edited by hand might not.
    throw new Error(
      `forecast: expected model.simulation.trials to be a whole number from 1 to ${MAX_TRIALS}, got ${n}`,
    );
  }
  const wanted = model.simulation.precision;
  // The precision search keeps its rows (up to a limit) so the summary need not simulate them again.
  const cache = wanted ? new RowCache(buildLayout(model).width, PRECISION_CACHE_BYTES) : null;
  try {
    const precision =
      wanted && cache
        ? await findTrialCount(model, wanted.relativeSe, simulate, opts.logger, cache.keep)
        : null;
    const trials = precision?.trials ?? model.simulation.trials;
    let passes = 0;
    const tee = opts.tee;
    const source: RowSource = async (consume) => {
      passes += 1;
      const both: RowConsumer =
        tee && passes === 1
          ? (f, c, rows) => {
              tee(f, c, rows);
              consume(f, c, rows);
            }
          : consume;
      if (cache?.holds(trials)) {
        cache.replay(trials, both);
        opts.onProgress?.(trials, trials);
        return;
      }
      return simulate(0, trials, both);
    };
    const result = await summariseRun(model, trials, source, opts.logger);
    return { ...result, precision };
  } finally {
    cache?.drop();
  }
}

/**
 * Summarises the rows of `trials` trials of a model into a ForecastResult (shared by
 * forecast and by `merge`, which replays shard files); its `variant` is `model.variant`.
 * @example await summariseRun(model, 2000, (consume) => simulate(model, {}, consume))
 */
export async function summariseRun(
  model: Model,
  trials: number,
  source: RowSource,
  logger?: Logger,
): Promise<ForecastResult> {
  checkArgument('summariseRun', 'model', model, ARG.model);
  checkArgument('summariseRun', 'trials', trials, ARG.trialCount);
  checkArgument('summariseRun', 'source', source, ARG.rowSource);
  const layout = buildLayout(model);
  const columns = new Columns(model, layout);
  const bookings = columns.total(layout.metric.bookings);
  const profit = columns.total(layout.metric.profit);
  const quarterCols = model.targets.quarterly.map((_, q) => columns.quarterly(0, q));
  // The achieved correlations depend on the model alone (~30 ms for b2b-saas): measured at
  // the main thread's first pause, while workers simulate, not after the last trial.
  const correlations = new Promise<AchievedCorrelation[]>((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(measureCorrelations(model));
      } catch (e) {
        reject(e);
      }
    });
  });
  // Marks a rejection handled now; it still reaches the caller through the await below.
  correlations.catch(() => {});
  const stats = await summariseColumns(
    columns,
    trials,
    source,
    [bookings, profit, ...quarterCols],
    undefined,
    logger,
  );
  return assemble(model, layout, columns, stats, await correlations);
}

function assemble(
  model: Model,
  layout: Layout,
  columns: Columns,
  stats: ColumnStats,
  correlations: AchievedCorrelation[],
): ForecastResult {
  const T = model.calendar.periods;
  const series = (s: number): SeriesSummary => ({
    periods: Array.from({ length: T }, (_, t) => columnSummary(stats, columns.period(s, t))),
    total: columnSummary(stats, columns.total(s)),
  });
  const periodMeans = (s: number): number[] =>
    Array.from({ length: T }, (_, t) => stats.moments.meanOf(columns.period(s, t)));
  const periodSe = (s: number): (number | null)[] =>
    Array.from({ length: T }, (_, t) =>
      standardError(stats.moments.sdOf(columns.period(s, t)), stats.n),
    );
  const breakdown = (b: { leads: number; wins: number; bookings: number }): BreakdownResult => ({
    leads: columnSummary(stats, columns.total(b.leads)),
    wins: columnSummary(stats, columns.total(b.wins)),
    bookings: columnSummary(stats, columns.total(b.bookings)),
    periods: {
      leads: periodMeans(b.leads),
      wins: periodMeans(b.wins),
      bookings: periodMeans(b.bookings),
    },
    periods_se: {
      leads: periodSe(b.leads),
      wins: periodSe(b.wins),
      bookings: periodSe(b.bookings),
    },
  });

  const metrics = {} as Record<MetricName, SeriesSummary>;
  for (const m of METRICS) metrics[m] = series(layout.metric[m]);
  const stages: Record<string, SeriesSummary> = {};
  model.stages.forEach((s, k) => {
    stages[s.id] = series(layout.stageArrivals[k]!);
  });
  const channels: Record<string, BreakdownResult> = {};
  model.channels.forEach((c, i) => {
    channels[c.id] = breakdown(layout.channel[i]!);
  });
  const markets: Record<string, BreakdownResult> = {};
  model.markets.forEach((m, i) => {
    markets[m.id] = breakdown(layout.market[i]!);
  });
  const roles: Record<string, RoleResult> = {};
  model.roles.forEach((r, i) => {
    const lr = layout.role[i]!;
    roles[r.id] = {
      headcount: series(lr.headcount),
      capacity: series(lr.capacity),
      taken: series(lr.taken),
      utilisation: series(lr.utilisation),
      queue: series(lr.queue),
      lost: series(lr.lost),
      leavers: series(lr.leavers),
    };
  });
  const quarterly: Record<string, Summary[]> = {};
  QUARTERLY_METRICS.forEach((m, i) => {
    quarterly[m] = model.calendar.quarterLabels.map((_, q) =>
      columnSummary(stats, columns.quarterly(i, q)),
    );
  });

  const bookingsSorted = stats.retained.get(columns.total(layout.metric.bookings))!;
  const profitSorted = stats.retained.get(columns.total(layout.metric.profit))!;
  const target = (sorted: Float64Array, value: number): TargetResult => ({
    value,
    ...exceedance(sorted, value),
  });
  const targets: {
    bookings?: TargetResult;
    quarterly?: number[];
    quarterly_detail?: TargetResult[];
    profit?: TargetResult;
  } = {};
  if (model.targets.bookings !== null)
    targets.bookings = target(bookingsSorted, model.targets.bookings);
  if (model.targets.quarterly.length > 0) {
    const detail = model.targets.quarterly.map((v, q) =>
      target(stats.retained.get(columns.quarterly(0, q))!, v),
    );
    targets.quarterly = detail.map((d) => d.probability);
    targets.quarterly_detail = detail;
  }
  if (model.targets.profit !== null) targets.profit = target(profitSorted, model.targets.profit);

  return {
    scenario: model.name,
    currency: model.currency,
    trials: stats.n,
    seed: model.simulation.seed,
    sampling: model.simulation.sampling,
    variant: model.variant,
    periods: model.calendar.labels,
    quarters: model.calendar.quarterLabels,
    metrics,
    stages,
    channels,
    markets,
    roles,
    quarterly,
    cumulative_bookings: Array.from({ length: T }, (_, t) =>
      columnSummary(stats, columns.cumulativeAt + t),
    ),
    targets,
    histograms: {
      bookings: histogram(bookingsSorted, HISTOGRAM_BINS),
      profit: histogram(profitSorted, HISTOGRAM_BINS),
    },
    precision: null,
    correlations,
  };
}
