/**
 * A {@link BacktestResult} as JSON (`salesops backtest --json`, `backtest.json`) and its
 * scored points as CSV (`backtest.csv`).
 */
import { csvLine } from '../util/csv.js';
import type { BacktestResult, BacktestSummary } from './backtest.js';
import { LEVELS } from './scores.js';

const r6 = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(6)) : x);

const summaryJson = (s: BacktestSummary) => ({
  metric: s.metric,
  n: s.n,
  coverage_50: r6(s.coverage50),
  coverage_80: r6(s.coverage80),
  coverage: Object.fromEntries(LEVELS.map((l, i) => [String(l), r6(s.coverage[i]!)])),
  crps: r6(s.crps),
  crps_relative: r6(s.crpsRelative),
  median_error: r6(s.medianError),
  median_abs_error: r6(s.medianAbsError),
});

/**
 * The JSON form of a backtest.
 * @example backtestJson(result).summary[0].coverage_80
 */
export function backtestJson(r: BacktestResult) {
  return {
    file: r.file,
    horizon: r.horizon,
    trials: r.trials,
    seed: r.seed,
    origins: r.origins,
    warm_up: r.warmUp,
    metrics: r.metrics,
    summary: r.summary.map(summaryJson),
    by_ahead: r.byAhead.map((s) => ({ ahead: s.ahead, ...summaryJson(s) })),
    points: r.points.map((p) => ({
      metric: p.metric,
      origin: p.origin,
      period: p.period,
      ahead: p.ahead,
      actual: r6(p.actual),
      median: r6(p.median),
      crps: r6(p.crps),
      pit: r6(p.pit),
    })),
  };
}

/**
 * One row per scored forecast: metric, origin, period, months ahead, outcome, median, CRPS,
 * mid-PIT, and whether it lay in the 50% and 80% intervals.
 * @example backtestCsv(result).split('\n')[0] // 'metric,origin,period,ahead,…'
 */
export function backtestCsv(r: BacktestResult): string {
  const i50 = LEVELS.indexOf(0.5);
  const i80 = LEVELS.indexOf(0.8);
  let out = csvLine([
    'metric',
    'origin',
    'period',
    'ahead',
    'actual',
    'median',
    'crps',
    'pit',
    'in_50',
    'in_80',
  ]);
  for (const p of r.points)
    out += csvLine([
      p.metric,
      p.origin,
      p.period,
      p.ahead,
      r6(p.actual),
      r6(p.median),
      r6(p.crps),
      r6(p.pit),
      p.inside[i50] ? 1 : 0,
      p.inside[i80] ? 1 : 0,
    ]);
  return out;
}
