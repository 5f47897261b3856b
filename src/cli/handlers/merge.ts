/** `salesops merge SHARD...` — combine shard files into exactly the result of one run. */
import { resolve } from 'node:path';
import { forecastToCsv } from '../../analysis/csv.js';
import { stringifyForecast } from '../../analysis/forecast-json.js';
import { recordedPlan } from '../../scenario/recorded.js';
import { checkOutput, writeFileAtomically } from '../../util/output-paths.js';
import { InputError } from '../../util/result.js';
import type { Command } from '../context.js';
import { cliLogger, EXIT } from '../context.js';
import { forecastTable } from '../forecast-table.js';

/** What `salesops merge` does; its options are in commands/merge.ts. */
export const run: Command['run'] = async (args, ctx) => {
  const paths = (args.shards as string[]).map((p) => resolve(ctx.cwd, p));
  const csv = typeof args.csv === 'string' ? resolve(ctx.cwd, args.csv) : null;
  if (csv) await checkOutput('--csv', csv, 'file');
  const { mergeShards, readShards } = await import('../../analysis/shard.js');
  const set = await readShards(paths);
  const model = recordedPlan(set.meta);
  if (!model.ok) throw new InputError(model.errors);
  const result = await mergeShards(set, model.value, cliLogger(ctx, args.quiet === true));
  if (csv) await writeFileAtomically(csv, forecastToCsv(result));
  if (args.json) ctx.out(`${stringifyForecast(result)}\n`);
  else if (!args.quiet) ctx.out(forecastTable(result));
  return EXIT.ok;
};
