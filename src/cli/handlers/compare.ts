/**
 * `salesops compare FILE` — the base and every variant (or `--variants a,b`), plus a one-off
 * what-if from `--set`, on the same trials: bookings and profit, target probabilities, the
 * paired difference to the base and the chance of beating it.
 */
import { compare } from '../../analysis/compare/index.js';
import { compareTable } from '../compare-table.js';
import type { Command } from '../context.js';
import { cliLogger, EXIT } from '../context.js';
import { loadScenarioArg } from '../load-scenario-arg.js';
import { progressBar } from '../progress.js';
import { parseSets } from '../set-arg.js';
import { parseVariants } from '../variants-arg.js';

/**
 * The name of the `--set` what-if: its edits as typed.
 * @example whatIfName(['channels.paid_search.spend=80000']) // 'channels.paid_search.spend=80000'
 */
export function whatIfName(sets: unknown): string {
  return (Array.isArray(sets) ? sets : [sets]).map((s) => String(s).trim()).join(', ');
}

/** What `salesops compare` does; its options are in commands/compare.ts. */
export const run: Command['run'] = async (args, ctx) => {
  const variants = parseVariants(args.variants);
  const sets = parseSets(args.set);
  const { bundle } = await loadScenarioArg(args, ctx);
  const progress = progressBar(ctx, 'comparing', args.quiet === true);
  const result = await compare(bundle, {
    ...(variants === undefined ? {} : { variants }),
    whatIfs: sets.length === 0 ? [] : [{ name: whatIfName(args.set), overrides: sets }],
    ...(args.workers === undefined ? {} : { workers: args.workers }),
    logger: cliLogger(ctx, args.quiet === true),
    onProgress: progress.update,
  });
  progress.finish();
  if (args.json) ctx.out(`${JSON.stringify(result, null, 2)}\n`);
  else if (!args.quiet) ctx.out(compareTable(result));
  return EXIT.ok;
};
