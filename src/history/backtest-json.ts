/**
 * A {@link BacktestResult} as JSON (`salesops backtest --json`, `backtest.json`) and its
 * scored points as CSV (`backtest.csv`).
 */

import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
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
export function backtestJson(result: BacktestResult) {
  checkArgument('backtestJson', 'result', result, ARG.backtest);
  return {
    file: result.file,
    horizon: result.horizon,
    trials: result.trials,
    seed: result.seed,
    origins: result.origins,
    warm_up: result.warmUp,
    metrics: result.metrics,
    summary: result.summary.map(summaryJson),
    by_ahead: result.byAhead.map((s) => ({ ahead: s.ahead, ...summaryJson(s) })),
    points: result.points.map((p) => ({
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
export function backtestCsv(result: BacktestResult): string {
  checkArgument('backtestCsv', 'result', result, ARG.backtest);
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
  for (const p of result.points)
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
