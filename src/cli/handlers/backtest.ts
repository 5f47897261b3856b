/**
 * `salesops backtest HISTORY.csv [--scenario BASE.yaml] [--horizon 3] [--step 1] [--first YYYY-MM]`
 * — rolling-origin backtest: a table of interval coverage, CRPS and the median's error per
 * metric; `--json` for all of it; `--out DIR` for backtest.json, backtest.csv and the
 * calibration chart.
 */
import { resolve } from 'node:path';
import { checkRunOption } from '../../analysis/run-options.js';
import { formatCompact, formatPercent, formatTrials } from '../../charts/format.js';
import { parseMonth } from '../../history/parse-values.js';
import { outputDirProblem, writeDirAtomically } from '../../report/atomic-dir.js';
import { outputProblem } from '../../util/output-paths.js';
import { InputError } from '../../util/result.js';
import { loadHistoryArgs } from '../commands/history-args.js';
import type { Command } from '../context.js';
import { EXIT } from '../context.js';
import { table } from '../format.js';
import { progressBar } from '../progress.js';

/** `--horizon` or `--step`: checked with the library's wording (src/analysis/run-options.ts). */
const wholeFlag = (name: string, v: unknown): number | undefined => {
  checkRunOption(`--${name}`, 'periods', v);
  return v as number | undefined;
};

/** What `salesops backtest` does; its options are in commands/backtest.ts. */
export const run: Command['run'] = async (args, ctx) => {
  const horizon = wholeFlag('horizon', args.horizon) ?? 3;
  const step = wholeFlag('step', args.step) ?? 1;
  const out = typeof args.out === 'string' ? resolve(ctx.cwd, args.out) : null;
  if (out !== null) {
    const problem = (await outputDirProblem(out)) ?? (await outputProblem(out, 'folder'));
    if (problem !== null)
      throw new InputError([{ file: '--out', line: null, path: '', message: problem }]);
  }
  if (args.deals !== undefined)
    throw new InputError([
      {
        file: '--deals',
        line: null,
        path: '',
        message:
          'backtest reads the monthly actuals only (deal-level backtests are not built yet); leave out --deals',
      },
    ]);
  if (args['as-of'] !== undefined)
    throw new InputError([
      {
        file: '--as-of',
        line: null,
        path: '',
        message:
          'backtest reads the monthly actuals only: --as-of dates a deals export, which backtest does not take yet; leave out --as-of',
      },
    ]);
  const { actuals, base } = await loadHistoryArgs(args, ctx);
  // Loaded on use, so the other commands start as fast as before.
  const { backtest } = await import('../../history/backtest.js');
  const { backtestCsv, backtestJson } = await import('../../history/backtest-json.js');
  const { buildBacktestChart } = await import('../../charts/backtest.js');
  let first: number | undefined;
  if (typeof args.first === 'string') {
    const m = parseMonth(args.first);
    const start = parseMonth(actuals.periods[0]!) as number;
    const T = actuals.periods.length;
    if (typeof m !== 'number' || m - start < 2 || m - start + horizon > T)
      throw new InputError([
        {
          file: '--first',
          line: null,
          path: '',
          message: `expected a month from ${actuals.periods[Math.min(2, T - 1)]} to ${actuals.periods[Math.max(0, T - horizon)]} (at least 2 months of history before it, ${horizon} after), got "${args.first}"`,
        },
      ]);
    first = m - start;
  }
  const progress = progressBar(ctx, 'backtesting', args.quiet === true || args.json === true);
  const result = await backtest(actuals, {
    horizon,
    step,
    ...(first === undefined ? {} : { first }),
    ...(typeof args.trials === 'number' ? { trials: args.trials } : {}),
    ...(typeof args.seed === 'number' ? { seed: args.seed } : {}),
    ...(args.workers === undefined ? {} : { workers: args.workers }),
    base,
    onProgress: progress.update,
  });
  progress.finish();
  if (out !== null) {
    const { renderSvg } = await import('../../render/svg.js');
    const { svgToPngAsync, DEFAULT_PNG_SCALE } = await import('../../render/png.js');
    const chart = buildBacktestChart(result, base?.model.currency ?? 'USD');
    const svg = await renderSvg(chart.spec);
    await writeDirAtomically(out, [
      { path: 'backtest.json', content: `${JSON.stringify(backtestJson(result), null, 2)}\n` },
      { path: 'backtest.csv', content: backtestCsv(result) },
      {
        path: `charts/${chart.name}.vl.json`,
        content: `${JSON.stringify(chart.spec, null, 2)}\n`,
      },
      { path: `charts/${chart.name}.svg`, content: svg },
      {
        path: `charts/${chart.name}.png`,
        content: await svgToPngAsync(svg, { scale: DEFAULT_PNG_SCALE }),
      },
    ]);
  }
  if (args.json) {
    ctx.out(`${JSON.stringify({ ...backtestJson(result), out }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (args.quiet) return EXIT.ok;
  const pct = (x: number) => formatPercent(x, 0);
  const rows = [
    [
      'metric',
      'forecasts',
      'in 50%',
      'in 80%',
      'CRPS',
      'CRPS / mean',
      'median error',
      '|median error|',
    ],
    ...result.summary.map((s) => [
      s.metric === 'all' ? 'all metrics' : s.metric,
      String(s.n),
      pct(s.coverage50),
      pct(s.coverage80),
      s.metric === 'all' ? '–' : formatCompact(s.crps),
      s.metric === 'all' ? '–' : formatPercent(s.crpsRelative, 1),
      s.metric === 'all' ? '–' : formatCompact(s.medianError),
      s.metric === 'all' ? '–' : formatCompact(s.medianAbsError),
    ]),
  ];
  ctx.out(
    `${[
      `backtest of ${result.file}: ${result.origins.length} origins (${result.origins[0]} … ${result.origins.at(-1)}), ${result.horizon} months ahead, ${formatTrials(result.trials)} each`,
      '',
      table(rows),
      '',
      'in 50% / in 80%: share of outcomes inside the central 50% / 80% forecast interval (honest: 50% / 80%)',
      'CRPS: continuous ranked probability score (lower is better; in the metric’s units); median error: actual − forecast median',
      ...(out === null ? [] : [`files: ${out}`]),
    ].join('\n')}\n`,
  );
  return EXIT.ok;
};
