/**
 * `salesops sensitivity FILE` — what drives the plan: a tornado of every uncertain input (P10
 * to P90) and every `--vary` input, each input's share of the variance, the funnel's own
 * randomness, and the spider of the top inputs.
 */

import type { Command } from '../context.js';
import { scenarioOptions } from '../scenario-arg.js';
import { handler } from './handler.js';

export const sensitivityCommand: Command = {
  command: 'sensitivity <file>',
  describe: 'what drives the plan: tornado, shares of variance, spider of the top inputs',
  flags: ['trials', 'seed', 'json', 'workers', 'quiet'],
  builder: (y) =>
    scenarioOptions(y)
      .option('metric', {
        type: 'string',
        requiresArg: true,
        describe: 'bookings (horizon, default), profit, or target (reaching the bookings target)',
      })
      .option('vary', {
        type: 'string',
        array: true,
        requiresArg: true,
        describe:
          'PATH=±20%: a fixed input (or channels.<id>.spend) to add to the tornado (repeatable)',
      })
      .option('top', {
        type: 'number',
        requiresArg: true,
        describe: 'inputs on the spider chart (default 5)',
      }),
  run: handler(() => import('../handlers/sensitivity.js')),
};
