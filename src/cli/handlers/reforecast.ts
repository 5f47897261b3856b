/**
 * `salesops reforecast FILE --actuals ACTUALS.csv` — the plan's forecast with its first
 * months replaced by actuals (docs/history.md, "reforecast"): a terminal table against the
 * plan's own forecast, `--json` for the forecast core with `actuals_periods`, and `--out DIR`
 * for reforecast.json, forecast.csv and the chart of actuals and forecast.
 */
import { resolve } from 'node:path';
import type { DateOrder } from '../../history/parse-values.js';
import { outputDirProblem, writeDirAtomically } from '../../report/atomic-dir.js';
import { outputProblem } from '../../util/output-paths.js';
import type { Command } from '../context.js';
import { cliLogger, EXIT } from '../context.js';
import { flagError } from '../flag-error.js';
import { loadScenarioArg } from '../load-scenario-arg.js';
import { progressBar } from '../progress.js';
import { reforecastTable } from '../reforecast-table.js';
import { scenarioArg } from '../scenario-arg.js';

/** What `salesops reforecast` does; its options are in commands/reforecast.ts. */
export const run: Command['run'] = async (args, ctx) => {
  const out = typeof args.out === 'string' ? resolve(ctx.cwd, args.out) : null;
  if (out !== null) {
    const problem = (await outputDirProblem(out)) ?? (await outputProblem(out, 'folder'));
    if (problem !== null) throw flagError('--out', problem);
  }
  if (typeof args.actuals !== 'string' || args.actuals === '')
    throw flagError('--actuals', 'name the monthly actuals CSV (docs/data-formats.md)');
  const { model } = await loadScenarioArg(args, ctx);
  const { readActualsFor } = await import('../../history/reforecast/read.js');
  const { reforecast } = await import('../../history/reforecast/reforecast.js');
  const actuals = await readActualsFor(model, scenarioArg(args.actuals, ctx).path, {
    display: args.actuals,
    ...(typeof args.dates === 'string' ? { dates: args.dates as DateOrder } : {}),
  });
  const quiet = args.quiet === true;
  const logger = cliLogger(ctx, quiet);
  const workers = args.workers === undefined ? {} : { workers: args.workers };
  const progress = progressBar(ctx, 'reforecasting', quiet || args.json === true);
  const r = await reforecast(model, actuals, {
    ...workers,
    logger,
    onProgress: progress.update,
  });
  progress.finish();
  let plan: Awaited<ReturnType<typeof import('../../analysis/forecast.js').forecast>> | undefined;
  if (args.plan !== false) {
    const { forecast } = await import('../../analysis/forecast.js');
    plan = await forecast(model, { ...workers, logger });
  }
  const { stringifyReforecast } = await import('../../history/reforecast/reforecast-json.js');
  if (out !== null) {
    const { reforecastFiles } = await import('../../report/reforecast-files.js');
    await writeDirAtomically(out, await reforecastFiles(r, model, plan));
  }
  if (args.json) ctx.out(`${stringifyReforecast(r, plan)}\n`);
  else if (!quiet) ctx.out(`${reforecastTable(r, plan)}${out === null ? '' : `files: ${out}\n`}`);
  return EXIT.ok;
};
