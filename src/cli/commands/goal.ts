/**
 * `salesops goal FILE --lever PATH --target METRIC=VALUE --probability P` — what does it take?
 * The smallest lever value within bounds that reaches the target with that probability, or
 * a plain statement that none does (still exit 0: a true answer, not a failure).
 */

import type { Command } from '../context.js';
import { scenarioOptions } from '../scenario-arg.js';
import { handler } from './handler.js';

export const goalCommand: Command = {
  command: 'goal <file>',
  describe: 'goal-seek: the smallest lever value that reaches a target with a given probability',
  flags: ['trials', 'seed', 'json', 'workers', 'quiet'],
  builder: (y) =>
    scenarioOptions(y)
      .option('lever', {
        type: 'string',
        requiresArg: true,
        demandOption: true,
        describe:
          'what to move: channels.<id>.spend, allocation.budget, team.<role>.hires.<YYYY-MM>, or any numeric dot path with --min and --max',
      })
      .option('target', {
        type: 'string',
        requiresArg: true,
        demandOption: true,
        describe: 'METRIC=VALUE: bookings, profit, wins, or a quarter such as bookings@Q3',
      })
      .option('probability', {
        type: 'number',
        requiresArg: true,
        demandOption: true,
        describe: 'the wanted probability of reaching the target, in (0, 1)',
      })
      .option('min', { type: 'number', requiresArg: true, describe: 'lower bound of the lever' })
      .option('max', { type: 'number', requiresArg: true, describe: 'upper bound of the lever' })
      .option('tolerance', {
        type: 'number',
        requiresArg: true,
        describe: 'stop bisecting when the bracket is this narrow (default: 1/1000 of the bounds)',
      })
      .option('out', {
        type: 'string',
        requiresArg: true,
        describe: 'also write the chart (goal.vl.json, .svg, .png) and goal.json into this folder',
      }),
  run: handler(() => import('../handlers/goal.js')),
};
