/**
 * Runs the reference simulator for many trials and reduces every series to its mean and
 * Monte Carlo standard error, per period and over the horizon (sum for flows, end value for
 * levels, Σ taken / Σ capacity for utilisation), and keeps the horizon values targets need.
 */
import type { Model } from '../../src/model/types.js';
import { buildCopula } from './ref-copula.js';
import { mulberry32 } from './ref-random.js';
import { type RefTrial, simulateTrial } from './reference-sim.js';

/** Mean and its Monte Carlo standard error sd/√n. */
export interface Stat {
  readonly mean: number;
  readonly se: number;
}

/** A series summarised per period and for the horizon. */
export interface RefSeries {
  readonly periods: readonly Stat[];
  readonly total: Stat;
}

/** What the reference reports: every series, and the per-trial horizon values targets are judged on. */
export interface RefResult {
  readonly trials: number;
  readonly series: ReadonlyMap<string, RefSeries>;
  /** Horizon bookings of each trial. */
  readonly bookings: Float64Array;
  /** Horizon profit of each trial. */
  readonly profit: Float64Array;
  /** Bookings of each quarter (consecutive 3-period blocks) of each trial: quarters[q][i]. */
  readonly quarters: readonly Float64Array[];
}

/**
 * P(value ≥ target) over the trials with its se √(p(1−p)/n).
 * @example probability(ref.bookings, 1e6)
 */
export function probability(values: Float64Array, target: number): Stat {
  let hits = 0;
  for (const v of values) if (v >= target) hits++;
  const p = hits / values.length;
  return { mean: p, se: Math.sqrt((p * (1 - p)) / values.length) };
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of values by the nearest rank, for picking targets that are neither sure nor hopeless.
 * @example quantile(ref.bookings, 0.5)
 */
export function quantile(values: Float64Array, q: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Welford's running mean and variance. */
class Welford {
  n = 0;
  mean = 0;
  m2 = 0;
  add(x: number): void {
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }
  stat(): Stat {
    const sd = this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : 0;
    return { mean: this.mean, se: sd / Math.sqrt(this.n) };
  }
}

const LEVELS = /^(metrics\.(accounts|pipeline|headcount)|roles\..*\.(headcount|queue))$/;

/** Horizon value of a series: end value for levels, sum for flows. */
function total(key: string, values: readonly number[]): number {
  return LEVELS.test(key) ? values[values.length - 1]! : values.reduce((a, b) => a + b, 0);
}

/** Adds `roles.<id>.utilisation` (taken / capacity per period, 0 without capacity) to a trial. */
function withUtilisation(
  model: Model,
  trial: RefTrial,
): Map<string, { periods: number[]; total: number }> {
  const out = new Map<string, { periods: number[]; total: number }>();
  for (const [key, values] of trial) out.set(key, { periods: values, total: total(key, values) });
  for (const r of model.roles) {
    const taken = trial.get(`roles.${r.id}.taken`)!;
    const cap = trial.get(`roles.${r.id}.capacity`)!;
    const sumCap = cap.reduce((a, b) => a + b, 0);
    out.set(`roles.${r.id}.utilisation`, {
      periods: taken.map((x, t) => (cap[t]! > 0 ? x / cap[t]! : 0)),
      total: sumCap > 0 ? taken.reduce((a, b) => a + b, 0) / sumCap : 0,
    });
  }
  return out;
}

/**
 * Simulates `trials` reference trials of `model` from generator seed `seed`.
 * @example const ref = runReference(model, 1500, 11); ref.series.get('metrics.bookings')?.total.mean
 */
export function runReference(model: Model, trials: number, seed: number): RefResult {
  const acc = new Map<string, { periods: Welford[]; total: Welford }>();
  const T = model.calendar.periods;
  const copula = buildCopula(model);
  const quarterCount = Math.ceil(T / 3);
  const bookingsTotals = new Float64Array(trials);
  const profitTotals = new Float64Array(trials);
  const quarters = Array.from({ length: quarterCount }, () => new Float64Array(trials));
  for (let i = 0; i < trials; i++) {
    const trial = withUtilisation(model, simulateTrial(model, mulberry32(seed, i), copula));
    for (const [key, v] of trial) {
      let a = acc.get(key);
      if (a === undefined) {
        a = { periods: Array.from({ length: T }, () => new Welford()), total: new Welford() };
        acc.set(key, a);
      }
      v.periods.forEach((x, t) => {
        a.periods[t]!.add(x);
      });
      a.total.add(v.total);
    }
    const bookings = trial.get('metrics.bookings')!;
    bookingsTotals[i] = bookings.total;
    profitTotals[i] = trial.get('metrics.profit')!.total;
    bookings.periods.forEach((x, t) => {
      quarters[Math.floor(t / 3)]![i]! += x;
    });
  }
  const series = new Map<string, RefSeries>();
  for (const [key, a] of acc)
    series.set(key, { periods: a.periods.map((w) => w.stat()), total: a.total.stat() });
  return { trials, series, bookings: bookingsTotals, profit: profitTotals, quarters };
}
