/** `salesops forecast FILE` — the forecast as a terminal table, JSON, CSV, or per-trial Arrow shards. */

import type { Command } from '../context.js';
import { scenarioOptions } from '../scenario-arg.js';
import { handler } from './handler.js';

export const forecastCommand: Command = {
  command: 'forecast <file>',
  describe: 'Monte Carlo forecast: P10/P50/P90 per quarter and horizon, target probabilities',
  flags: ['trials', 'seed', 'json', 'workers', 'quiet'],
  builder: (y) =>
    scenarioOptions(y)
      .option('csv', {
        type: 'string',
        requiresArg: true,
        describe: 'write per-period summaries to this CSV file',
      })
      .option('trials-out', {
        type: 'string',
        requiresArg: true,
        describe: 'write per-trial results (Apache Arrow IPC) to this file',
      })
      .option('shard', {
        type: 'string',
        requiresArg: true,
        describe: 'K/N: run only the K-th of N slices of the trials (writes --trials-out)',
      }),
  run: handler(() => import('../handlers/forecast.js')),
};
