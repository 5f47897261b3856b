/**
 * `salesops sensitivity FILE` — what drives the plan: a tornado of every uncertain input (P10
 * to P90) and every `--vary` input, each input's share of the variance, the funnel's own
 * randomness, and the spider of the top inputs.
 */
import { whatIfMsg } from '../../analysis/messages.js';
import { sensitivity } from '../../analysis/sensitivity/index.js';
import type { SensitivityMetric } from '../../analysis/sensitivity/types.js';
import { MAX_SPIDER_INPUTS } from '../../defaults.js';
import type { Command } from '../context.js';
import { cliLogger, EXIT } from '../context.js';
import { flagError } from '../flag-error.js';
import { loadScenarioArg } from '../load-scenario-arg.js';
import { progressBar } from '../progress.js';
import { sensitivityTable } from '../sensitivity-table.js';
import { parseSets } from '../set-arg.js';
import { parseVary } from '../vary-arg.js';

const METRICS: readonly SensitivityMetric[] = ['bookings', 'profit', 'target'];

/** What `salesops sensitivity` does; its options are in commands/sensitivity.ts. */
export const run: Command['run'] = async (args, ctx) => {
  const metric = args.metric ?? 'bookings';
  if (!METRICS.includes(metric as SensitivityMetric)) {
    throw flagError(
      '--metric',
      `expected bookings, profit or target, got ${JSON.stringify(metric)}`,
    );
  }
  const top = args.top;
  if (
    top !== undefined &&
    !(typeof top === 'number' && Number.isInteger(top) && top >= 1 && top <= MAX_SPIDER_INPUTS)
  ) {
    // Checked here so the message names --top, not the scenario.
    throw flagError('--top', whatIfMsg.top(top));
  }
  const vary = parseVary(args.vary);
  const sets = parseSets(args.set);
  const { bundle, variant } = await loadScenarioArg(args, ctx);
  const progress = progressBar(ctx, 'sensitivity', args.quiet === true);
  const result = await sensitivity(bundle, {
    metric: metric as SensitivityMetric,
    ...(variant === undefined ? {} : { variant }),
    overrides: sets,
    vary,
    ...(typeof top === 'number' ? { top } : {}),
    ...(args.workers === undefined ? {} : { workers: args.workers }),
    logger: cliLogger(ctx, args.quiet === true),
    onProgress: progress.update,
  });
  progress.finish();
  if (args.json) ctx.out(`${JSON.stringify(result, null, 2)}\n`);
  else if (!args.quiet) ctx.out(sensitivityTable(result));
  return EXIT.ok;
};
