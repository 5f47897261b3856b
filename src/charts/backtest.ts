/**
 * The backtest's calibration chart (a reliability diagram): for each central interval of
 * the forecasts, from 10% to 90%, the share of outcomes that fell inside it, per metric and
 * over all; a well-calibrated forecast lies on the diagonal, an overconfident one below it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { BacktestResult } from '../history/backtest.js';
import { LEVELS } from '../history/scores.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import type { ChartSpec } from './common.js';
import { formatTrials } from './format.js';
import { COLORS, houseConfig, PALETTE } from './theme.js';

/**
 * Nominal against observed coverage of the backtest's central intervals.
 * @example buildBacktestChart(result, 'USD').name // 'coverage'
 */
export function buildBacktestChart(result: BacktestResult, currency: string): ChartSpec {
  checkArgument('buildBacktestChart', 'result', result, ARG.backtest);
  checkArgument('buildBacktestChart', 'currency', currency, ARG.currency);
  const title = 'Backtest: how often outcomes fell inside the forecast intervals';
  const rows = result.summary.flatMap((s) =>
    LEVELS.map((level, i) => ({
      metric: s.metric === 'all' ? 'all metrics' : s.metric,
      nominal: level,
      observed: s.coverage[i]!,
      n: s.n,
    })),
  );
  const names = result.summary.map((s) => (s.metric === 'all' ? 'all metrics' : s.metric));
  const colors = names.map((n, i) => (n === 'all metrics' ? COLORS.text : PALETTE[i % 6]!));
  const axis = { format: '.0%', values: [0, 0.2, 0.4, 0.6, 0.8, 1] };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: title,
      subtitle: [
        `${result.file} — ${result.origins.length} origins ${result.origins[0]} … ${result.origins.at(-1)}, ${result.horizon} months ahead each, ${formatTrials(result.trials)} per forecast`,
        'on the dashed diagonal the intervals are honest; below it they are too narrow, above it too wide',
      ],
    },
    width: 420,
    height: 420,
    layer: [
      {
        data: {
          values: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
        mark: { type: 'line', color: COLORS.muted, strokeDash: [5, 4], strokeWidth: 1.5 },
        encoding: {
          x: {
            field: 'x',
            type: 'quantitative',
            title: 'Central forecast interval (nominal coverage)',
            axis,
            scale: { domain: [0, 1] },
          },
          y: {
            field: 'y',
            type: 'quantitative',
            title: 'Outcomes inside it',
            axis,
            scale: { domain: [0, 1] },
          },
        },
      },
      {
        data: { values: rows },
        mark: { type: 'line', point: { filled: true, size: 36 } },
        encoding: {
          x: { field: 'nominal', type: 'quantitative' },
          y: { field: 'observed', type: 'quantitative' },
          color: {
            field: 'metric',
            type: 'nominal',
            title: null,
            scale: { domain: names, range: colors },
            sort: names,
          },
          strokeWidth: {
            condition: { test: "datum.metric === 'all metrics'", value: 3.5 },
            value: 1.8,
          },
          tooltip: [
            { field: 'metric', type: 'nominal', title: 'Metric' },
            { field: 'nominal', type: 'quantitative', title: 'Interval', format: '.0%' },
            { field: 'observed', type: 'quantitative', title: 'Inside', format: '.1%' },
            { field: 'n', type: 'quantitative', title: 'Forecasts', format: ',d' },
          ],
        },
      },
    ],
    config: houseConfig(currency),
  };
  return { name: 'coverage', title, spec };
}
