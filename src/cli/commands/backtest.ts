/**
 * `salesops backtest HISTORY.csv [--scenario BASE.yaml] [--horizon 3] [--step 1] [--first YYYY-MM]`
 * — rolling-origin backtest: a table of interval coverage, CRPS and the median's error per
 * metric; `--json` for all of it; `--out DIR` for backtest.json, backtest.csv and the
 * calibration chart.
 */

import type { Command } from '../context.js';
import { handler } from './handler.js';
import { historyOptions } from './history-args.js';

export const backtestCommand: Command = {
  command: 'backtest <history>',
  describe: 'rolling-origin backtest: interval coverage, CRPS and median error of past forecasts',
  flags: ['trials', 'seed', 'json', 'workers', 'quiet'],
  builder: (y) =>
    historyOptions(y)
      // Refused below (deal-level backtests are not built yet), and --as-of needs --deals: their
      // help lines would advertise options that cannot run.
      .hide('deals')
      .hide('as-of')
      .option('horizon', {
        type: 'number',
        requiresArg: true,
        describe: 'months forecast from each origin (default 3)',
      })
      .option('step', {
        type: 'number',
        requiresArg: true,
        describe: 'months between origins (default 1)',
      })
      .option('first', {
        type: 'string',
        requiresArg: true,
        describe:
          'first origin, YYYY-MM (default: the 13th month, or the middle of a shorter history)',
      })
      .option('out', {
        type: 'string',
        requiresArg: true,
        describe: 'write backtest.json, backtest.csv and the calibration chart into this folder',
      }),
  run: handler(() => import('../handlers/backtest.js')),
};
