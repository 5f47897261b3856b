/**
 * `salesops validate FILE...` — checks scenario files (and every variant of each): prints
 * `✓ FILE: name (N periods, …)` per valid file, every problem of a bad file in the one
 * diagnostic format on stderr, and exits 2 if any file is bad.
 */
import type { Command } from '../context.js';
import { handler } from './handler.js';

/** The `validate` command definition. */
export const validateCommand: Command = {
  command: 'validate <files..>',
  describe: 'check scenario files (and each of their variants); exit 2 on any problem',
  flags: ['json', 'quiet'],
  builder: (y) =>
    y.positional('files', {
      type: 'string',
      array: true,
      describe: 'scenario files (YAML or JSON)',
    }),
  run: handler(() => import('../handlers/validate.js')),
};
