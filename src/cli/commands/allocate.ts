/**
 * `salesops allocate FILE` — the channel budget split that maximises the objective, with its
 * certificate, the honest uplift over the current plan, team capacity and the budget curve:
 * a terminal summary, `--json`, `--csv FILE`.
 */

import type { Command } from '../context.js';
import { scenarioOptions } from '../scenario-arg.js';
import { handler } from './handler.js';

export const allocateCommand: Command = {
  command: 'allocate <file>',
  describe:
    'channel budget split that maximises the objective, with its certificate and budget curve',
  flags: ['trials', 'seed', 'json', 'workers', 'quiet'],
  builder: (y) =>
    scenarioOptions(y)
      .option('objective', {
        type: 'string',
        requiresArg: true,
        describe: 'revenue, profit, p10 or target (overrides allocation.objective)',
        flags: ['trials', 'seed', 'json', 'workers', 'quiet'],
      })
      .option('budget', {
        type: 'number',
        requiresArg: true,
        describe: 'total channel spend per period to split (overrides allocation.budget)',
      })
      .option('csv', {
        type: 'string',
        requiresArg: true,
        describe: 'write the allocation, budget curve and response curves to this CSV file',
      }),
  run: handler(() => import('../handlers/allocate.js')),
};
