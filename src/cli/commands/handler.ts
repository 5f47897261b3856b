/**
 * A command's `run` that loads the command's implementation (src/cli/handlers/) when the
 * command runs. Every command line builds all the commands (yargs needs their options for
 * parsing and --help), so a command module holds only its options; importing what it runs
 * there would load every analysis, zod and the chart code for `--version`.
 */
import type { Command } from '../context.js';

/**
 * `run` that imports its module on first call and runs the module's `run`.
 * @example run: handler(() => import('../handlers/forecast.js'))
 */
export function handler(load: () => Promise<{ readonly run: Command['run'] }>): Command['run'] {
  return async (args, ctx) => (await load()).run(args, ctx);
}
