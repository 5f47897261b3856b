/**
 * `salesops run FILE` — the main job: validate, forecast, then write the report, the JSON
 * core, the CSV and every chart (spec, SVG, PNG) into one output folder, atomically.
 */
import { basename, join, resolve } from 'node:path';
import { forecast } from '../../analysis/forecast.js';
import type { ForecastResult } from '../../analysis/types.js';
import { formatMoney, formatProbability } from '../../charts/format.js';
import { outputDirProblem, writeDirAtomically } from '../../report/atomic-dir.js';
import { outputProblem } from '../../util/output-paths.js';
import type { Command } from '../context.js';
import { cliLogger, EXIT } from '../context.js';
import { flagError } from '../flag-error.js';
import { progressBar } from '../progress.js';
import { loadScenarioArg, scenarioOptions } from '../scenario-arg.js';
import { runWhatIfs } from '../what-ifs-arg.js';

/** The short summary printed after a run and returned under `summary` by `--json`. */
export function runSummary(result: ForecastResult) {
  const b = result.metrics.bookings.total;
  const t = result.targets.bookings;
  return {
    scenario: result.scenario,
    trials: result.trials,
    seed: result.seed,
    bookings: { p10: b.p10, p50: b.p50, p90: b.p90, mean: b.mean, se: b.se },
    target: t === undefined ? null : { value: t.value, probability: t.probability, se: t.se },
  };
}

function summaryLines(result: ForecastResult): string {
  const money = (x: number) => formatMoney(x, result.currency);
  const b = result.metrics.bookings.total;
  const t = result.targets.bookings;
  return [
    `${result.scenario}: ${result.trials.toLocaleString('en-US')} trials, seed ${result.seed}`,
    `bookings over the horizon: P10 ${money(b.p10)} · median ${money(b.p50)} · P90 ${money(b.p90)}`,
    t === undefined
      ? 'no bookings target set'
      : `probability of reaching the ${money(t.value)} target: ${formatProbability(t.probability, t.se)}`,
  ].join('\n');
}

export const runCommand: Command = {
  command: 'run <file>',
  describe: 'forecast + charts + report into an output folder (the main job)',
  builder: (y) =>
    scenarioOptions(y)
      .option('out', {
        type: 'string',
        requiresArg: true,
        describe: 'output folder (default out/<scenario name>, out/<scenario name>.<variant>)',
      })
      .option('what-ifs', {
        type: 'boolean',
        default: true,
        describe:
          'compare the variants and show what drives the plan (--no-what-ifs: forecast only)',
      }),
  run: async (args, ctx) => {
    const { model, shown, name, variant, bundle } = await loadScenarioArg(args, ctx);
    // A variant's default folder is its own, so running the base and its what-ifs one after
    // another keeps every report.
    const folder = variant === undefined ? name : `${name}.${variant}`;
    const dir = resolve(ctx.cwd, typeof args.out === 'string' ? args.out : join('out', folder));
    // Refuse a folder we may not replace before spending time on the simulation.
    const problem = (await outputDirProblem(dir)) ?? (await outputProblem(dir, 'folder'));
    if (problem !== null) throw flagError('--out', problem);
    // Loaded on use (vega, resvg and the report assets would slow every other command's
    // start), but from now on: the modules load while the worker threads simulate.
    const reportModules = import('../../report/run-files.js');
    reportModules.catch(() => {}); // a failure surfaces at the await below
    const progress = progressBar(ctx, 'simulating', args.quiet === true || args.json === true);
    const result = await forecast(model, {
      ...(args.workers === undefined ? {} : { workers: args.workers }),
      onProgress: progress.update,
      variant: variant ?? null,
      logger: cliLogger(ctx, args.quiet === true),
    });
    progress.finish();
    const whatIfs =
      args['what-ifs'] === false ? {} : await runWhatIfs(bundle, result.trials, args, ctx);
    const { buildRunFiles } = await reportModules;
    const files = await buildRunFiles(result, model, { source: basename(shown), ...whatIfs });
    await writeDirAtomically(dir, files);
    const report = join(dir, 'report.html');
    if (args.json) {
      const payload = {
        report,
        files: files.map((f) => join(dir, f.path)),
        summary: runSummary(result),
      };
      ctx.out(`${JSON.stringify(payload, null, 2)}\n`);
    } else if (!args.quiet) {
      ctx.out(`${summaryLines(result)}\nreport: ${report}\n`);
    }
    return EXIT.ok;
  },
};
