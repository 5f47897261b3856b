/** `salesops merge SHARD...` — combine shard files into exactly the result of one run. */
import type { Command } from '../context.js';
import { handler } from './handler.js';

export const mergeCommand: Command = {
  command: 'merge <shards..>',
  describe: 'combine the Arrow files of `forecast --shard K/N` runs into the forecast of one run',
  flags: ['json', 'quiet'],
  builder: (y) =>
    y
      .positional('shards', { type: 'string', array: true, describe: 'shard files (any order)' })
      .option('csv', {
        type: 'string',
        requiresArg: true,
        describe: 'write per-period summaries to this CSV file',
      }),
  run: handler(() => import('../handlers/merge.js')),
};
