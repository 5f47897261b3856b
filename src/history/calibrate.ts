/**
 * calibrate — the scenario's numbers from history: stage rates as counts, lags, deal sizes,
 * response curves, lead mix, growth and seasonality, and the opening pipeline, each with
 * where it came from (docs/history.md says how each is estimated).
 *
 *   actuals.csv ─► read-actuals ─┐
 *                                ├─► fit-leads, fit-rates, fit-lag(-actuals), fit-size ─► Calibration
 *   deals.csv ──► read-deals ────┘                                                  └─► fragment.ts (YAML)
 */
import { checkOptionNames, type OptionNames } from '../analysis/run-options.js';
import type { Model } from '../model/types.js';
import { MAX_LAG } from '../scenario/limits.js';
import { normalQuantile } from '../stats/normal.js';
import { ARG, isModel } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { InputError } from '../util/result.js';
import { kaplanMeier, roundPmf } from './fit-lag.js';
import { lagFromArrivals } from './fit-lag-actuals.js';
import {
  CARRYOVER_GRID_TOP,
  type ChannelFit,
  fitLeads,
  type MarketDemandFit,
} from './fit-leads.js';
import { fitFactors, type RateFit, windowedRate } from './fit-rates.js';
import { fitSizes, type SizeFit, sizesFromActuals } from './fit-size.js';
import { hmsg } from './messages.js';
import { IN_FLIGHT_MONTHS } from './read-actuals.js';
import { type DealStats, SIZE_BIN, SIZE_LO, type SizeStats, type Tally } from './read-deals.js';
import type { Actuals } from './types.js';

/** Longest lag fitted from monthly arrivals alone (as long as items in flight at the start are taken to take). */
export const MAX_ACTUALS_LAG = IN_FLIGHT_MONTHS;

/** What calibration found for one stage (rate into it, lag before it). */
export interface StageCalibration {
  readonly id: string;
  /** Counts behind the pooled rate into this stage; null for the first stage. */
  readonly rate: RateFit | null;
  readonly rateSource: string;
  /** Factors on this stage's rate by channel (and by market on the last stage), when the data show them. */
  readonly channelFactors: Record<string, number>;
  readonly marketFactors: Record<string, number>;
  /** Counts per channel (summed over markets), for the fit report. */
  readonly byChannel: Record<string, RateFit>;
  /**
   * Why the base scenario's rate and lag of this stage are kept instead of the estimate
   * (items of the previous stage wait for a role, and the data cannot tell queue losses from
   * failures); null when the estimate is used.
   */
  readonly kept: string | null;
  /** Lag pmf (rounded to 4 decimals), or null when nothing tells it. */
  readonly lag: number[] | null;
  readonly lagSource: string;
}

/** What calibration found for one market. */
export interface MarketCalibration {
  readonly id: string;
  readonly demand: MarketDemandFit;
  readonly dealSize: SizeFit | null;
  /** Quantile pairs of won amounts against the fitted lognormal (deals only; empty otherwise). */
  readonly qq: readonly {
    readonly p: number;
    readonly observed: number;
    readonly fitted: number;
  }[];
}

/** One opening-pipeline entry, as the scenario's `pipeline` section writes it. */
export interface PipelineItem {
  readonly stage: string;
  readonly count: number;
  readonly age: number;
  readonly channel: string;
  readonly market: string;
}

/** The whole calibration. */
export interface Calibration {
  readonly actualsFile: string;
  readonly periods: readonly string[];
  readonly dealsFile: string | null;
  readonly dealRows: number;
  /** First period of the plan the fit is anchored to (`YYYY-MM`). */
  readonly anchor: string;
  readonly stages: readonly StageCalibration[];
  readonly markets: readonly MarketCalibration[];
  readonly channels: readonly ChannelFit[];
  /** Each channel's spend in the last period of the history. */
  readonly lastSpend: Record<string, number>;
  readonly pipeline: readonly PipelineItem[];
  /** What the numbers cannot tell, and choices made; one sentence each. */
  readonly notes: readonly string[];
}

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /**
   * The base scenario's compiled model (`loadModel(file)`, or `loadHistory(…).base.model`):
   * its calendar anchors the fit, its lags help monthly-only rates. Anything else is an
   * InputError.
   */
  readonly base?: Model | null | undefined;
  /**
   * Month number (year·12 + month − 1) of the plan's first period, overriding the base's
   * calendar; or a function of the fitted stages that gives it (backtest starts its
   * forecasts a funnel's depth before the origin, and the depth comes from the lags).
   */
  readonly anchorMonth?: number | ((stages: readonly StageCalibration[]) => number);
}

const CALIBRATE_OPTIONS: OptionNames<CalibrateOptions> = { base: true, anchorMonth: true };

/**
 * A `base` that is not a compiled model (most often loadHistory's `{ model, text, file }`)
 * is refused here, at the library's edge, naming what to pass.
 */
function checkBase(base: unknown): void {
  if (base === undefined || base === null || isModel(base)) return;
  throw new InputError([
    { file: 'calibrate: options.base', line: null, path: '', message: hmsg.calibrateBase(base) },
  ]);
}

const monthNumber = (label: string): number => {
  const [y, m] = label.split('-').map(Number);
  return y! * 12 + m! - 1;
};

/** Channel factors worth writing: more than two standard errors (≈ f/√successes) from 1. */
function significant(
  factors: Record<string, number>,
  counts: ReadonlyMap<string, Tally>,
  by: 0 | 1,
): Record<string, number> {
  const successes = new Map<string, number>();
  for (const [key, t] of counts) {
    const id = key.split('\u0000')[by]!;
    successes.set(id, (successes.get(id) ?? 0) + t.successes);
  }
  const out: Record<string, number> = {};
  for (const [id, f] of Object.entries(factors)) {
    const s = successes.get(id) ?? 0;
    const rounded = Number(f.toFixed(2));
    if (s > 0 && rounded !== 1 && Math.abs(f - 1) > (2 * f) / Math.sqrt(s)) out[id] = rounded;
  }
  return out;
}

/**
 * Quantiles of won amounts (interpolated within the 0.05-log-unit bins of the histogram) at
 * p = 0.02, 0.04, … 0.98, against the fitted lognormal's.
 */
function sizeQuantiles(s: SizeStats, fit: SizeFit): MarketCalibration['qq'] {
  const out: { p: number; observed: number; fitted: number }[] = [];
  let cum = 0;
  let bin = 0;
  for (let i = 1; i < 50; i++) {
    const p = i / 50;
    const target = p * s.n;
    while (bin < s.hist.length && cum + s.hist[bin]! < target) cum += s.hist[bin++]!;
    if (bin >= s.hist.length) break;
    const within = s.hist[bin]! > 0 ? (target - cum) / s.hist[bin]! : 0;
    const observed = Math.exp(SIZE_LO + (bin + within) * SIZE_BIN);
    out.push({ p, observed, fitted: Math.exp(fit.mu + fit.sigma * normalQuantile(p)) });
  }
  return out;
}

/**
 * Notes on cohorts whose stage received more items over the file than the stage before it:
 * allowed (items in flight at the start reach it in the first months; readActuals refuses an
 * excess after them), but worth a look, as swapped columns look the same in a short file.
 */
function inFlightNotes(actuals: Actuals): string[] {
  const names = ['leads', ...actuals.stages.slice(1, -1), 'wins'];
  const notes: string[] = [];
  for (let k = 1; k < actuals.stages.length; k++) {
    const over: string[] = [];
    for (const c of actuals.cohorts) {
      const total = (j: number) => c.arrivals[j]!.reduce((a, b) => a + b, 0);
      if (total(k) > total(k - 1))
        over.push(`channel ${c.channel}, market ${c.market} (${total(k)} against ${total(k - 1)})`);
    }
    if (over.length > 0) notes.push(hmsg.aboveInFlight(names[k]!, names[k - 1]!, over));
  }
  return notes;
}

/**
 * Calibrates a scenario's numbers from monthly actuals (and a deals summary, when given).
 * @throws InputError when `opts.base` is given and is not a compiled model.
 * @example const cal = calibrate(actuals, deals, { base: model }); cal.stages[1].rate
 */
export function calibrate(
  actuals: Actuals,
  deals: DealStats | null,
  opts: CalibrateOptions = {},
): Calibration {
  checkArgument('calibrate', 'actuals', actuals, ARG.actuals);
  checkArgument('calibrate', 'deals', deals, ARG.dealsOrNull);
  checkOptionNames('calibrate', opts, CALIBRATE_OPTIONS);
  checkBase(opts.base);
  const notes: string[] = [];
  const T = actuals.periods.length;
  const first = monthNumber(actuals.periods[0]!);
  const ids = actuals.stages;
  const K = ids.length;
  const channelIds = [...new Set(actuals.cohorts.map((c) => c.channel))];
  const marketIds = [...new Set(actuals.cohorts.map((c) => c.market))];
  const pooled = (k: number) => {
    const out = new Float64Array(T);
    for (const c of actuals.cohorts) for (let t = 0; t < T; t++) out[t]! += c.arrivals[k]![t]!;
    return out;
  };

  notes.push(...inFlightNotes(actuals));

  const stages: StageCalibration[] = ids.map((id, k) => {
    if (k === 0)
      return {
        id,
        rate: null,
        rateSource: '',
        channelFactors: {},
        marketFactors: {},
        byChannel: {},
        kept: null,
        lag: null,
        lagSource: '',
      };
    const last = k === K - 1;
    let lag: number[] | null = null;
    let lagSource = '';
    const tr = deals?.transitions[k - 1];
    if (tr) {
      const km = kaplanMeier(tr.events, tr.censored);
      if (km) {
        lag = roundPmf(km.pmf);
        lagSource = `Kaplan–Meier over ${km.events} items that left ${ids[k - 1]} and ${km.censored} still in it (right-censored) in ${deals!.file}${km.extrapolated > 0.001 ? `; ${(100 * km.extrapolated).toFixed(1)}% of the mass lies past the longest observed time and is extrapolated at the last hazard` : ''}`;
      }
    }
    const baseStage = opts.base?.stages.find((s) => s.id === id);
    const worked = opts.base?.stages.find((s) => s.id === ids[k - 1]);
    if (tr && lag && worked !== undefined && worked.role >= 0)
      notes.push(
        `stage ${ids[k - 1]} is worked by a role: times in it from the deals include waiting for a rep, so the fitted ${id} lag is longer than the model's (which starts at take-on) when capacity was short`,
      );
    if (lag === null) {
      const fitted = lagFromArrivals(
        pooled(k - 1),
        pooled(k),
        Math.min(MAX_ACTUALS_LAG, Math.floor((T - 1) / 3)),
      );
      if (fitted) {
        lag = roundPmf(fitted);
        lagSource = `non-negative least squares of monthly ${id} arrivals on ${ids[k - 1]} arrivals 0…${fitted.length - 1} months earlier in ${actuals.file} (rough: no deal dates)`;
      }
    }
    let rate: RateFit;
    let rateSource: string;
    let counts: Map<string, Tally>;
    if (tr && tr.total.trials > 0) {
      rate = { successes: tr.total.successes, trials: tr.total.trials };
      rateSource = `${tr.total.successes} of ${tr.total.trials} items that left ${ids[k - 1]} reached ${id} in ${deals!.file}${tr.unworked > 0 ? `; ${tr.unworked} lost waiting for a rep (unworked) are left out` : ''}`;
      counts = tr.byCohort;
    } else {
      const lagForWindow = lag ?? (baseStage ? Array.from(baseStage.lag) : [1]);
      const pooledRate = windowedRate(pooled(k - 1), pooled(k), lagForWindow);
      rate = pooledRate;
      rateSource = `windowed estimate from monthly arrivals in ${actuals.file}: ${rate.successes} ${id} arrivals against ${rate.trials} expected resolutions of ${ids[k - 1]} items inside the window`;
      counts = new Map();
      for (const c of actuals.cohorts)
        counts.set(
          `${c.channel}\u0000${c.market}`,
          windowedRate(c.arrivals[k - 1]!, c.arrivals[k]!, lagForWindow),
        );
    }
    // Items of the previous stage wait for a role: unless the deals mark the items lost in the
    // queue, the estimate mixes those losses (which the model applies as queue_loss) into the
    // rate, and the waits into the lag; the base's rate and lag are kept then.
    let kept: string | null = null;
    if (worked !== undefined && worked.role >= 0 && !(tr && deals!.lostReasons)) {
      const role = opts.base!.roles[worked.role]!.id;
      kept = `${ids[k - 1]} is worked by ${role}, and ${tr ? 'the deals have no lost_reason column, so they' : 'monthly counts'} cannot tell items lost waiting for a rep from items that failed: the base's ${id} rate and lag are kept (the estimate, ${rate.successes} of ${rate.trials}, includes queue losses)`;
      notes.push(kept);
    }
    const f = fitFactors(counts, channelIds, marketIds, last);
    const byChannel: Record<string, RateFit> = {};
    for (const [key, t] of counts) {
      const c = key.split('\u0000')[0]!;
      const prev = byChannel[c] ?? { successes: 0, trials: 0 };
      byChannel[c] = { successes: prev.successes + t.successes, trials: prev.trials + t.trials };
    }
    return {
      byChannel,
      kept,
      id,
      rate,
      rateSource,
      channelFactors:
        kept === null && channelIds.length > 1 ? significant(f.channel, counts, 0) : {},
      marketFactors:
        kept === null && last && marketIds.length > 1 ? significant(f.market, counts, 1) : {},
      lag,
      lagSource,
    };
  });

  const anchorMonth =
    typeof opts.anchorMonth === 'function'
      ? opts.anchorMonth(stages)
      : (opts.anchorMonth ?? (opts.base ? monthNumber(opts.base.calendar.start) : first + T));
  const leads = fitLeads(actuals, anchorMonth - first);
  for (const c of leads.channels) {
    if (c.carryover >= CARRYOVER_GRID_TOP)
      notes.push(hmsg.carryoverAtGridTop(c.channel, c.carryover));
  }
  if (T < 24)
    notes.push(
      `seasonality needs at least 24 months of history, and this has ${T}: it is not fitted`,
    );
  const markets: MarketCalibration[] = marketIds.map((id) => {
    const demand = leads.markets.find((m) => m.market === id)!;
    let dealSize: SizeFit | null = null;
    const s = deals?.sizes.get(id);
    if (s && s.n > 0) dealSize = fitSizes(s);
    else {
      const wins = new Float64Array(T);
      const bookings = new Float64Array(T);
      for (const c of actuals.cohorts.filter((x) => x.market === id))
        for (let t = 0; t < T; t++) {
          wins[t]! += c.arrivals[K - 1]![t]!;
          bookings[t]! += c.bookings[t]!;
        }
      dealSize = sizesFromActuals(wins, bookings);
    }
    if (dealSize === null)
      notes.push(`market ${id} has no won deals in the history: its deal size is not fitted`);
    const qq = s && s.n > 0 && dealSize ? sizeQuantiles(s, dealSize) : [];
    return { id, demand, dealSize, qq };
  });

  const lastSpend = Object.fromEntries(
    channelIds.map((c) => [
      c,
      actuals.cohorts.filter((x) => x.channel === c).reduce((a, x) => a + x.spend[T - 1]!, 0),
    ]),
  );
  const pipeline: PipelineItem[] = [];
  if (deals) {
    const shift = Math.max(0, anchorMonth - (deals.asOf + 1));
    if (shift > 0)
      notes.push(
        `the plan starts ${shift} period(s) after the deals export ends: open items are aged by ${shift}, as if nothing resolved in between`,
      );
    for (const [key, count] of deals.open) {
      const [stage, channel, market, age] = key.split('\u0000');
      pipeline.push({
        stage: ids[Number(stage)]!,
        count,
        age: Math.min(MAX_LAG, Number(age) + shift),
        channel: channel!,
        market: market!,
      });
    }
    pipeline.sort(
      (a, b) =>
        ids.indexOf(a.stage) - ids.indexOf(b.stage) ||
        a.channel.localeCompare(b.channel) ||
        a.market.localeCompare(b.market) ||
        a.age - b.age,
    );
    if (deals.openUndated > 0)
      notes.push(
        `${deals.openUndated} open items have no date for their stage: they are given age 0`,
      );
    const overdue = pipeline
      .filter((p) => {
        const k = ids.indexOf(p.stage);
        const lag = stages[k + 1]?.lag;
        return lag ? p.age >= lag.length : false;
      })
      .reduce((a, p) => a + p.count, 0);
    if (overdue > 0)
      notes.push(
        `${overdue} open items are older than their stage's fitted lag allows: the model resolves them in the first period (docs/model.md, Opening pipeline)`,
      );
  } else notes.push('no deals file: the opening pipeline is not calibrated (give --deals)');
  return {
    actualsFile: actuals.file,
    periods: actuals.periods,
    dealsFile: deals?.file ?? null,
    dealRows: deals?.rows ?? 0,
    anchor: `${Math.floor(anchorMonth / 12)}-${String((anchorMonth % 12) + 1).padStart(2, '0')}`,
    stages,
    markets,
    channels: leads.channels,
    lastSpend,
    pipeline,
    notes,
  };
}
