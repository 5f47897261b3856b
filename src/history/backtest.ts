/**
 * backtest — how good would past forecasts have been? For each origin o (rolling), calibrate
 * on the actuals before o, forecast the next h periods with the library's forecast, and
 * score every metric against what happened (docs/history.md, "Backtest").
 *
 * Until the kernel starts from an opening pipeline, each forecast starts W periods before
 * the origin (W = the funnel's depth: the sum of every stage lag's 99% point, at least 3,
 * at most o) with the actual spend of those periods, and only periods o … o+h−1 are scored:
 * the warm-up fills the funnel as the past spend would have, so deals in flight at the origin
 * are simulated rather than missing (wider than an actual pipeline would give, but not biased).
 */
import { parseDocument } from 'yaml';
import { forecast } from '../analysis/forecast.js';
import {
  checkOptionNames,
  checkRunOption,
  checkRunOptions,
  type OptionNames,
  optionError,
} from '../analysis/run-options.js';
import type { Model } from '../model/types.js';
import { compileScenario } from '../scenario/load.js';
import { buildLayout } from '../sim/layout.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { formatDiagnostic, InputError } from '../util/result.js';
import { calibrate } from './calibrate.js';
import { fragmentYaml, mergeYaml } from './fragment.js';
import { hmsg } from './messages.js';
import { monthLabel, parseMonth } from './parse-values.js';
import { LEVELS, type PointScore, scoreSamples } from './scores.js';
import type { Actuals } from './types.js';

/** Options of {@link backtest}. */
export interface BacktestOptions {
  /** Periods forecast from each origin, a whole number from 1 to 240 (default 3). */
  readonly horizon?: number;
  /** Periods between origins, a whole number from 1 to 240 (default 1). */
  readonly step?: number;
  /** First origin as a period index of the history (default: 12, or half the history if shorter). */
  readonly first?: number;
  /** Trials per forecast (default 1000) and seed (default 1). */
  readonly trials?: number;
  readonly seed?: number;
  readonly workers?: number;
  /** A base scenario (its text and file name): its funnel, team and economics are kept. */
  readonly base?: { readonly text: string; readonly file: string; readonly model: Model } | null;
  /** Called after each origin. */
  readonly onProgress?: (done: number, total: number) => void;
}

const BACKTEST_OPTIONS: OptionNames<BacktestOptions> = {
  horizon: true,
  step: true,
  first: true,
  trials: true,
  seed: true,
  workers: true,
  base: true,
  onProgress: true,
};

/** One scored forecast: metric, origin, periods ahead (1 … h) and the scores. */
export interface BacktestPoint extends PointScore {
  readonly metric: string;
  readonly origin: string;
  readonly period: string;
  readonly ahead: number;
}

/** Scores of one metric (or all) over many points. */
export interface BacktestSummary {
  readonly metric: string;
  readonly n: number;
  readonly coverage50: number;
  readonly coverage80: number;
  /** Share inside each central interval of {@link LEVELS}. */
  readonly coverage: readonly number[];
  readonly crps: number;
  /** Mean CRPS over the mean outcome: comparable across metrics. */
  readonly crpsRelative: number;
  /** Mean of (actual − median), and of its absolute value. */
  readonly medianError: number;
  readonly medianAbsError: number;
}

/** The result of a backtest. */
export interface BacktestResult {
  readonly file: string;
  readonly horizon: number;
  readonly trials: number;
  readonly seed: number;
  readonly origins: readonly string[];
  /** Warm-up periods simulated before each origin. */
  readonly warmUp: readonly number[];
  readonly metrics: readonly string[];
  readonly points: readonly BacktestPoint[];
  readonly summary: readonly BacktestSummary[];
  /** Per metric and periods ahead. */
  readonly byAhead: readonly (BacktestSummary & { readonly ahead: number })[];
}

/** The actuals before period index `o`. */
function before(actuals: Actuals, o: number): Actuals {
  return {
    ...actuals,
    periods: actuals.periods.slice(0, o),
    cohorts: actuals.cohorts
      .map((c) => ({
        ...c,
        present: c.present.slice(0, o),
        spend: c.spend.slice(0, o),
        arrivals: c.arrivals.map((a) => a.slice(0, o)),
        bookings: c.bookings.slice(0, o),
      }))
      .filter((c) => c.present.some((p) => p === 1)),
  };
}

/** Sum of every stage lag's 99% point: how many periods an item may take through the funnel. */
function funnelDepth(lags: readonly (readonly number[])[]): number {
  let depth = 0;
  for (const lag of lags) {
    let cdf = 0;
    let l = 0;
    while (l < lag.length && cdf < 0.99) cdf += lag[l++]!;
    depth += Math.max(0, l - 1);
  }
  return depth;
}

/**
 * Scores of a set of points: coverage of each central interval, mean CRPS (and over the mean
 * outcome), mean and mean absolute error of the median.
 * @example summarise('wins', points.filter((p) => p.metric === 'wins')).coverage80
 */
export function summarise(metric: string, points: readonly PointScore[]): BacktestSummary {
  const n = points.length;
  const mean = (f: (p: PointScore) => number) =>
    n === 0 ? Number.NaN : points.reduce((a, p) => a + f(p), 0) / n;
  const coverage = LEVELS.map((_, i) => mean((p) => (p.inside[i] ? 1 : 0)));
  const crps = mean((p) => p.crps);
  const scale = mean((p) => Math.abs(p.actual));
  return {
    metric,
    n,
    coverage50: coverage[LEVELS.indexOf(0.5)]!,
    coverage80: coverage[LEVELS.indexOf(0.8)]!,
    coverage,
    crps,
    crpsRelative: scale > 0 ? crps / scale : Number.NaN,
    medianError: mean((p) => p.actual - p.median),
    medianAbsError: mean((p) => Math.abs(p.actual - p.median)),
  };
}

/**
 * Rolling-origin backtest of monthly actuals.
 * @throws InputError naming the option when `horizon` or `step` is no whole number from 1 to
 * 240, or `trials`, `seed` or `workers` is out of range; naming the actuals when they have
 * fewer than horizon + 3 months.
 * @example const r = await backtest(actuals, { horizon: 3 }); r.summary[0].coverage80
 */
export async function backtest(
  actuals: Actuals,
  opts: BacktestOptions = {},
): Promise<BacktestResult> {
  checkArgument('backtest', 'actuals', actuals, ARG.actuals);
  checkOptionNames('backtest', opts, BACKTEST_OPTIONS);
  checkRunOptions('backtest', opts);
  checkRunOption('backtest: options.horizon', 'periods', opts.horizon);
  checkRunOption('backtest: options.step', 'periods', opts.step);
  const T = actuals.periods.length;
  const h = opts.horizon ?? 3;
  if (T < h + 3) {
    // Fewer months would leave no origin to score: an empty backtest, not an answer.
    throw new InputError([
      { file: actuals.file, line: null, path: '', message: hmsg.backtestTooShort(T, h) },
    ]);
  }
  const step = opts.step ?? 1;
  const first = opts.first ?? Math.min(12, Math.floor(T / 2));
  if (!(Number.isInteger(first) && first >= 2 && first <= T - h)) {
    // An origin needs 2 months of history before it and the horizon after it.
    throw optionError(
      'backtest: options.first',
      `expected a period index of the history from 2 to ${T - h} (${actuals.periods[2]} to ${actuals.periods[T - h]}), got ${String(first)}`,
    );
  }
  const trials = opts.trials ?? 1000;
  const seed = opts.seed ?? 1;
  const K = actuals.stages.length;
  const month0 = parseMonth(actuals.periods[0]!) as number;
  const channelIds = [...new Set(actuals.cohorts.map((c) => c.channel))];
  const metrics = ['leads', ...actuals.stages.slice(1, -1), 'wins', 'bookings'];
  const actual = (m: string, t: number): number => {
    let sum = 0;
    for (const c of actuals.cohorts) {
      if (m === 'bookings') sum += c.bookings[t]!;
      else if (m === 'leads') sum += c.arrivals[0]![t]!;
      else if (m === 'wins') sum += c.arrivals[K - 1]![t]!;
      else sum += c.arrivals[actuals.stages.indexOf(m)]![t]!;
    }
    return sum;
  };
  const origins: number[] = [];
  for (let o = Math.max(2, first); o + h <= T; o += step) origins.push(o);
  const points: BacktestPoint[] = [];
  const warmUps: number[] = [];
  for (const [i, o] of origins.entries()) {
    const past = before(actuals, o);
    // calibrate as of the origin, anchored at the start of the warm-up, whose length is the
    // depth of the funnel by the fitted lags
    let W = 0;
    const cal = calibrate(past, null, {
      base: opts.base?.model ?? null,
      anchorMonth: (stages) => {
        W = Math.min(o, Math.max(3, funnelDepth(stages.map((s) => s.lag ?? [1]))));
        return month0 + o - W;
      },
    });
    const model = build(cal, o, W);
    warmUps.push(W);
    const layout = buildLayout(model);
    const P = layout.periods;
    const series = metrics.map((m) =>
      m === 'leads'
        ? layout.metric.leads
        : m === 'wins'
          ? layout.metric.wins
          : m === 'bookings'
            ? layout.metric.new_bookings
            : layout.stageArrivals[model.stages.findIndex((s) => s.id === m)]!,
    );
    const n = model.simulation.trials;
    const samples = metrics.map(() => Array.from({ length: h }, () => new Float64Array(n)));
    await forecast(model, {
      ...(opts.workers === undefined ? {} : { workers: opts.workers }),
      tee: (from, count, rows) => {
        for (let j = 0; j < count; j++)
          series.forEach((s, mi) => {
            for (let a = 0; a < h; a++)
              samples[mi]![a]![from + j] = rows[j * layout.width + s * P + W + a]!;
          });
      },
    });
    metrics.forEach((m, mi) => {
      for (let a = 0; a < h; a++) {
        const t = o + a;
        points.push({
          metric: m,
          origin: actuals.periods[o]!,
          period: actuals.periods[t]!,
          ahead: a + 1,
          ...scoreSamples(samples[mi]![a]!, actual(m, t)),
        });
      }
    });
    opts.onProgress?.(i + 1, origins.length);
  }
  const summary = [
    ...metrics.map((m) =>
      summarise(
        m,
        points.filter((p) => p.metric === m),
      ),
    ),
    // CRPS and the median's error are in each metric's units: over all metrics they mean nothing
    {
      ...summarise('all', points),
      crps: Number.NaN,
      crpsRelative: Number.NaN,
      medianError: Number.NaN,
      medianAbsError: Number.NaN,
    },
  ];
  const byAhead = metrics.flatMap((m) =>
    Array.from({ length: h }, (_, a) => ({
      ...summarise(
        m,
        points.filter((p) => p.metric === m && p.ahead === a + 1),
      ),
      ahead: a + 1,
    })),
  );
  return {
    file: actuals.file,
    horizon: h,
    trials,
    seed,
    origins: origins.map((o) => actuals.periods[o]!),
    warmUp: warmUps,
    metrics,
    points,
    summary,
    byAhead,
  };

  /** The calibrated scenario for origin o with W warm-up periods: actual spend, no plan-only parts. */
  function build(cal: ReturnType<typeof calibrate>, o: number, W: number): Model {
    const yaml = opts.base ? mergeYaml(cal, opts.base.text, opts.base.file) : fragmentYaml(cal);
    const doc = parseDocument(yaml);
    doc.setIn(
      ['calendar'],
      doc.createNode({ start: monthLabel(month0 + o - W), periods: W + h }, { flow: true }),
    );
    doc.setIn(['simulation'], doc.createNode({ trials, seed }, { flow: true }));
    for (const key of ['targets', 'variants', 'allocation', 'quota', 'pipeline', 'correlations'])
      doc.delete(key);
    const roles = doc.get('team');
    if (roles && typeof roles === 'object' && 'items' in roles)
      for (const r of (roles as { items: { key: unknown }[] }).items)
        doc.deleteIn(['team', String((r.key as { value?: unknown }).value ?? r.key), 'hires']);
    const channels = doc.get('channels') as { items?: { key: unknown }[] } | undefined;
    for (const item of channels?.items ?? []) {
      const id = String((item.key as { value?: unknown }).value ?? item.key);
      const spend = Array.from({ length: W + h }, (_, t) =>
        channelIds.includes(id)
          ? actuals.cohorts
              .filter((c) => c.channel === id)
              .reduce((a, c) => a + c.spend[o - W + t]!, 0)
          : 0,
      );
      doc.setIn(['channels', id, 'spend'], doc.createNode(spend, { flow: true }));
      for (const bound of ['min_spend', 'max_spend']) doc.deleteIn(['channels', id, bound]);
    }
    const r = compileScenario(doc.toString(), `backtest origin ${actuals.periods[o]}`);
    if (!r.ok)
      throw new Error(
        `backtest: the calibrated scenario does not validate:\n${r.errors.map(formatDiagnostic).join('\n')}`,
      );
    return r.value;
  }
}
