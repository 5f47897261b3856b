/** `salesops forecast FILE` — the forecast as a terminal table, JSON, CSV, or per-trial Arrow shards. */
import { dirname, resolve } from 'node:path';
import { forecastToCsv } from '../../analysis/csv.js';
import { forecast } from '../../analysis/forecast.js';
import { stringifyForecast } from '../../analysis/forecast-json.js';
import { checkOutput, makeFolders, writeFileAtomically } from '../../util/output-paths.js';
import type { Command } from '../context.js';
import { cliLogger, EXIT } from '../context.js';
import { flagError } from '../flag-error.js';
import { forecastTable } from '../forecast-table.js';
import { loadScenarioArg } from '../load-scenario-arg.js';
import { progressBar } from '../progress.js';

/** Parses `K/N` (1 ≤ K ≤ N). */
export function parseShard(text: string): { k: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const k = m ? Number(m[1]) : Number.NaN;
  const n = m ? Number(m[2]) : Number.NaN;
  if (!(k >= 1 && n >= 1 && k <= n)) {
    throw flagError('--shard', `expected K/N with 1 ≤ K ≤ N, got "${text}"`);
  }
  return { k, n };
}

/** What `salesops forecast` does; its options are in commands/forecast.ts. */
export const run: Command['run'] = async (args, ctx) => {
  const { model, text, file, name, variant, edits } = await loadScenarioArg(args, ctx);
  const shard = typeof args.shard === 'string' ? parseShard(args.shard) : null;
  // Every output path is resolved and checked before the simulation spends any time.
  const trialsOut =
    typeof args['trials-out'] === 'string'
      ? resolve(ctx.cwd, args['trials-out'])
      : shard
        ? resolve(ctx.cwd, `${name}.shard-${shard.k}-of-${shard.n}.arrow`)
        : null;
  if (shard && typeof args.csv === 'string') {
    throw flagError(
      '--csv',
      'a shard has no forecast to write: give --csv to `salesops merge` instead',
    );
  }
  const csv = typeof args.csv === 'string' ? resolve(ctx.cwd, args.csv) : null;
  if (trialsOut) await checkOutput('--trials-out', trialsOut, 'file');
  if (csv) await checkOutput('--csv', csv, 'file');
  if (trialsOut) await makeFolders(dirname(trialsOut));

  const progress = progressBar(ctx, 'simulating', args.quiet === true);
  const workers = args.workers === undefined ? {} : { workers: args.workers };
  // Arrow is loaded only when trials are written: it slows the start of every run.
  const shardModule = () => import('../../analysis/shard.js');
  if (shard && trialsOut) {
    const written = await (await shardModule()).writeShard(
      model,
      { file, text },
      variant ?? null,
      shard,
      trialsOut,
      { ...workers, onProgress: progress.update },
      edits,
    );
    progress.finish();
    if (args.json) ctx.out(`${JSON.stringify(written)}\n`);
    else if (!args.quiet)
      ctx.out(
        written.to > written.from
          ? `wrote trials ${written.from}–${written.to - 1} of ${written.trials} to ${trialsOut}\n`
          : `wrote no trials to ${trialsOut}: shard ${written.shard} of ${written.trials} trial${written.trials === 1 ? '' : 's'} is empty\n`,
      );
    return EXIT.ok;
  }
  // --trials-out without --shard: the forecast's own rows are written as they pass.
  const opened = trialsOut
    ? (await shardModule()).openTrialsFile(
        model,
        file,
        text,
        variant ?? null,
        { k: 1, n: 1 },
        trialsOut,
        edits,
      )
    : null;
  const result = await (async () => {
    const r = await forecast(model, {
      ...workers,
      onProgress: progress.update,
      logger: cliLogger(ctx, args.quiet === true),
      ...(opened
        ? { tee: (f: number, c: number, rows: Float64Array) => opened.writer.write(f, c, rows) }
        : {}),
    });
    await opened?.writer.close();
    return r;
  })().catch(async (e: unknown) => {
    // A failed run or write (a full disk) leaves no partial trials file behind.
    await opened?.writer.abort();
    throw e;
  });
  progress.finish();
  if (csv) await writeFileAtomically(csv, forecastToCsv(result));
  if (args.json) ctx.out(`${stringifyForecast(result)}\n`);
  else if (!args.quiet) ctx.out(forecastTable(result));
  return EXIT.ok;
};
