/**
 * `salesops run FILE` — the main job: validate, forecast, then write the report, the JSON
 * core, the CSV and every chart (spec, SVG, PNG) into one output folder, atomically.
 * `salesops run --from SHARD...` draws the same report from the Arrow files of a sharded
 * run (`forecast --shard K/N`), merged into exactly the forecast of one run.
 */
import type { Argv } from 'yargs';
import type { Command } from '../context.js';
import { scenarioOptions } from '../scenario-arg.js';
import { handler } from './handler.js';

/**
 * `--actuals` and `--dates`.
 * @example actualsOptions(scenarioOptions(y))
 */
export function actualsOptions<T>(y: Argv<T>) {
  return y
    .option('actuals', {
      type: 'string',
      requiresArg: true,
      describe: 'reforecast from these monthly actuals of the first months (docs/history.md)',
    })
    .option('dates', {
      type: 'string',
      requiresArg: true,
      choices: ['auto', 'dmy', 'mdy'],
      describe: 'with --actuals: how a/b/yyyy periods are read (default auto)',
    });
}

export const runCommand: Command = {
  command: 'run [file]',
  describe: 'forecast + charts + report into an output folder (the main job)',
  flags: ['trials', 'seed', 'json', 'workers', 'quiet'],
  builder: (y) =>
    actualsOptions(scenarioOptions(y))
      .option('out', {
        type: 'string',
        requiresArg: true,
        describe: 'output folder (default out/<scenario name>, out/<scenario name>.<variant>)',
      })
      .option('from', {
        type: 'string',
        array: true,
        requiresArg: true,
        describe:
          'draw the report from these shard files (forecast --shard K/N) instead of simulating',
      })
      .option('what-ifs', {
        type: 'boolean',
        default: true,
        describe:
          'compare the variants and show what drives the plan (--no-what-ifs: forecast only; not with --from)',
      }),
  run: handler(() => import('../handlers/run.js')),
};
