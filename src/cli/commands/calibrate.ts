/**
 * `salesops calibrate HISTORY.csv [--deals DEALS.csv] [--scenario BASE.yaml] [--out DIR]` —
 * the scenario's numbers from history: YAML on stdout (merged into the base when one is
 * given), or with `--out` a folder with the YAML, `fit.json`, `fit.html` and the charts.
 */

import type { Command } from '../context.js';
import { handler } from './handler.js';
import { historyOptions } from './history-args.js';

export const calibrateCommand: Command = {
  command: 'calibrate <history>',
  describe: 'fit rates, lags, deal sizes, response curves and the opening pipeline from history',
  flags: ['json', 'quiet'],
  builder: (y) =>
    historyOptions(y).option('out', {
      type: 'string',
      requiresArg: true,
      describe: 'write calibrated.yaml, fit.json, fit.html and the charts into this folder',
    }),
  run: handler(() => import('../handlers/calibrate.js')),
};
