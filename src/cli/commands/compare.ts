/**
 * `salesops compare FILE` — the base and every variant (or `--variants a,b`), plus a one-off
 * what-if from `--set`, on the same trials: bookings and profit, target probabilities, the
 * paired difference to the base and the chance of beating it.
 */
import { compare } from '../../analysis/compare/index.js';
import { compareTable } from '../compare-table.js';
import type { Command } from '../context.js';
import { cliLogger, EXIT } from '../context.js';
import { progressBar } from '../progress.js';
import { loadScenarioArg } from '../scenario-arg.js';
import { parseSets } from '../set-arg.js';
import { parseVariants } from '../variants-arg.js';

/**
 * The name of the `--set` what-if: its edits as typed.
 * @example whatIfName(['channels.paid_search.spend=80000']) // 'channels.paid_search.spend=80000'
 */
export function whatIfName(sets: unknown): string {
  return (Array.isArray(sets) ? sets : [sets]).map((s) => String(s).trim()).join(', ');
}

export const compareCommand: Command = {
  command: 'compare <file>',
  describe: 'the base and its variants (and a --set what-if) side by side, on the same trials',
  flags: ['trials', 'seed', 'json', 'workers', 'quiet'],
  builder: (y) =>
    y
      .positional('file', {
        type: 'string',
        describe: 'scenario file (YAML or JSON); - reads standard input',
      })
      .option('variants', {
        type: 'string',
        requiresArg: false,
        describe: 'compare only these variants (a,b); --variants= compares none',
      })
      .option('set', {
        type: 'string',
        array: true,
        requiresArg: true,
        describe: 'PATH=VALUE: a one-off what-if compared like a variant (repeatable)',
      }),
  run: async (args, ctx) => {
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
  },
};
