/**
 * `salesops compare FILE` — the base and every variant (or `--variants a,b`), plus a one-off
 * what-if from `--set`, on the same trials: bookings and profit, target probabilities, the
 * paired difference to the base and the chance of beating it.
 */
import type { Command } from '../context.js';
import { handler } from './handler.js';

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
  run: handler(() => import('../handlers/compare.js')),
};
