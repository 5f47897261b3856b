/**
 * The what-if analyses `salesops run` adds to its report: the comparison of the scenario's
 * variants (and the `--set` what-if) on the forecast's trials, and the sensitivity of the
 * plan the report forecasts, with a progress bar of their own.
 */
import { type WhatIfAnalyses, whatIfAnalyses } from '../analysis/what-ifs.js';
import type { ScenarioBundle } from '../scenario/load.js';
import type { CliContext, CommonArgs } from './context.js';
import { cliLogger } from './context.js';
import { whatIfName } from './handlers/compare.js';
import { progressBar } from './progress.js';
import { parseSets } from './set-arg.js';

/**
 * Runs the report's what-if analyses for the command's arguments (`--variant`, `--set`,
 * `--workers`) on `trials` trials (the forecast's).
 * @example const { compare, sensitivity } = await runWhatIfs(bundle, result.trials, args, ctx);
 */
export async function runWhatIfs(
  bundle: ScenarioBundle,
  trials: number,
  args: Record<string, unknown> & CommonArgs,
  ctx: CliContext,
): Promise<WhatIfAnalyses> {
  const overrides = parseSets(args.set);
  const quiet = args.quiet === true || args.json === true;
  const bars = {
    compare: progressBar(ctx, 'comparing', quiet),
    sensitivity: progressBar(ctx, 'sensitivity', quiet),
  };
  const at: { last: keyof typeof bars | null } = { last: null };
  const result = await whatIfAnalyses(bundle, {
    trials,
    overrides,
    ...(overrides.length > 0 ? { whatIfName: whatIfName(args.set) } : {}),
    ...(typeof args.variant === 'string' ? { variant: args.variant } : {}),
    ...(args.workers === undefined ? {} : { workers: args.workers }),
    logger: cliLogger(ctx, args.quiet === true),
    onProgress: (analysis, done, total) => {
      if (at.last !== null && at.last !== analysis) bars[at.last].finish();
      at.last = analysis;
      bars[analysis].update(done, total);
    },
  });
  if (at.last !== null) bars[at.last].finish();
  return result;
}
