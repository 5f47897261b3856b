/**
 * `salesops reforecast FILE --actuals ACTUALS.csv` — the plan's forecast with its first
 * months replaced by actuals (docs/history.md, "reforecast"): a terminal table against the
 * plan's own forecast, `--json` for the forecast core with `actuals_periods`, and `--out DIR`
 * for reforecast.json, forecast.csv and the chart of actuals and forecast.
 */

import type { Command } from '../context.js';
import { scenarioOptions } from '../scenario-arg.js';
import { handler } from './handler.js';

export const reforecastCommand: Command = {
  command: 'reforecast <file>',
  describe: 'forecast the rest of the plan from actuals to date (monthly actuals CSV)',
  flags: ['trials', 'seed', 'json', 'workers', 'quiet'],
  builder: (y) =>
    scenarioOptions(y)
      .option('actuals', {
        type: 'string',
        requiresArg: true,
        describe:
          'required: monthly actuals CSV of the first months of the calendar (docs/data-formats.md)',
      })
      .option('dates', {
        type: 'string',
        requiresArg: true,
        choices: ['auto', 'dmy', 'mdy'],
        describe: 'how a/b/yyyy periods are read (default auto: only when unambiguous)',
      })
      .option('plan', {
        type: 'boolean',
        default: true,
        describe: 'also forecast the plan without actuals, to compare (--no-plan skips it)',
      })
      .option('out', {
        type: 'string',
        requiresArg: true,
        describe: 'write reforecast.json, forecast.csv and the chart into this folder',
      }),
  run: handler(() => import('../handlers/reforecast.js')),
};
