/**
 * `salesops run FILE --actuals ACTUALS.csv`: the run's report becomes the reforecast's — its
 * numbers, charts and summary count what the actuals booked — with a Reforecast section that
 * sets it against the plan's own forecast (which the run simulates anyway). The actuals are
 * read and checked before anything is simulated.
 */
import type { ForecastResult } from '../analysis/types.js';
import type { DateOrder } from '../history/parse-values.js';
import type { ReforecastResult } from '../history/reforecast/reforecast.js';
import type { Actuals } from '../history/types.js';
import type { Model } from '../model/types.js';
import type { CliContext, CommonArgs } from './context.js';
import { cliLogger } from './context.js';
import { flagError } from './flag-error.js';
import { loadScenarioArg } from './load-scenario-arg.js';
import { progressBar } from './progress.js';
import { scenarioArg } from './scenario-arg.js';

/**
 * The actuals `--actuals` names, read and checked against the scenario; undefined without it.
 * @throws InputError naming the file, row and column of a problem (exit 2).
 */
export async function readRunActuals(
  args: Record<string, unknown> & CommonArgs,
  ctx: CliContext,
): Promise<Actuals | undefined> {
  if (args.actuals === undefined) {
    if (args.dates !== undefined) throw flagError('--dates', 'only used with --actuals');
    return undefined;
  }
  if (Array.isArray(args.from) && args.from.length > 0)
    throw flagError('--actuals', 'not used with --from: reforecast a scenario FILE');
  if (typeof args.actuals !== 'string' || args.actuals === '')
    throw flagError('--actuals', 'name the monthly actuals CSV (docs/data-formats.md)');
  const { model } = await loadScenarioArg(args, ctx);
  const { readActualsFor } = await import('../history/reforecast/read.js');
  return readActualsFor(model, scenarioArg(args.actuals, ctx).path, {
    display: args.actuals,
    ...(typeof args.dates === 'string' ? { dates: args.dates as DateOrder } : {}),
  });
}

/**
 * The reforecast of the run's plan from `actuals`, with the run's plan forecast to compare.
 * @example const rf = actuals && (await runReforecast(model, actuals, result, args, ctx, quiet));
 */
export async function runReforecast(
  model: Model,
  actuals: Actuals,
  plan: ForecastResult,
  args: Record<string, unknown> & CommonArgs,
  ctx: CliContext,
  quiet: boolean,
): Promise<{ result: ReforecastResult; plan: ForecastResult }> {
  const { reforecast } = await import('../history/reforecast/reforecast.js');
  const progress = progressBar(ctx, 'reforecasting', quiet || args.json === true);
  const result = await reforecast(model, actuals, {
    ...(args.workers === undefined ? {} : { workers: args.workers }),
    logger: cliLogger(ctx, quiet),
    onProgress: progress.update,
  });
  progress.finish();
  return { result, plan };
}
