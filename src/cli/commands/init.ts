/**
 * `salesops init [FILE]`: write the commented starter scenario to FILE (default
 * `scenario.yaml`), or to stdout with `-`. An existing file is never overwritten without
 * `--force`; refusing exits 2 (bad input), like every other input mistake. Missing folders
 * are created and the file is written all at once, as every output is (docs/errors.md).
 */
import type { Command } from '../context.js';
import { handler } from './handler.js';

/** File `salesops init` writes when none is named. */
export const DEFAULT_INIT_FILE = 'scenario.yaml';

/** The `init` subcommand. */
export const initCommand: Command = {
  command: 'init [file]',
  describe: 'Write a commented starter scenario (to stdout with -)',
  flags: ['json', 'quiet'],
  builder: (y) =>
    y
      // No yargs default: yargs re-parses a lone `-` positional as an empty flag value,
      // so '' means `-` and undefined means "not given" (see fileArg in handlers/init.ts).
      .positional('file', {
        type: 'string',
        describe: `file to write (default ${DEFAULT_INIT_FILE}), or - for stdout`,
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'overwrite FILE if it exists',
      }),
  run: handler(() => import('../handlers/init.js')),
};
