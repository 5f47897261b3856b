/** `salesops forecast FILE` — the forecast as a terminal table, JSON, CSV, or per-trial Arrow shards. */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { forecastToCsv } from '../../analysis/csv.js';
import { forecast } from '../../analysis/forecast.js';
import { stringifyForecast } from '../../analysis/forecast-json.js';
import { loadModel } from '../../scenario/index.js';
import { InputError } from '../../util/result.js';
import type { Command } from '../context.js';
import { EXIT } from '../context.js';
import { forecastTable } from '../forecast-table.js';
import { progressBar } from '../progress.js';

/** Parses `K/N` (1 ≤ K ≤ N). */
export function parseShard(text: string): { k: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const k = m ? Number(m[1]) : Number.NaN;
  const n = m ? Number(m[2]) : Number.NaN;
  if (!(k >= 1 && n >= 1 && k <= n)) {
    throw new InputError([
      {
        file: '--shard',
        line: null,
        path: '',
        message: `expected K/N with 1 ≤ K ≤ N, got "${text}"`,
      },
    ]);
  }
  return { k, n };
}

export const forecastCommand: Command = {
  command: 'forecast <file>',
  describe: 'Monte Carlo forecast: P10/P50/P90 per quarter and horizon, target probabilities',
  builder: (y) =>
    y
      .positional('file', { type: 'string', describe: 'scenario file (YAML or JSON)' })
      .option('variant', {
        type: 'string',
        describe: 'run a variant of the scenario instead of the base',
      })
      .option('csv', { type: 'string', describe: 'write per-period summaries to this CSV file' })
      .option('trials-out', {
        type: 'string',
        describe: 'write per-trial results (Apache Arrow IPC) to this file',
      })
      .option('shard', {
        type: 'string',
        describe: 'K/N: run only the K-th of N slices of the trials (writes --trials-out)',
      }),
  run: async (args, ctx) => {
    const file = resolve(ctx.cwd, String(args.file));
    const variant = typeof args.variant === 'string' ? args.variant : undefined;
    const model = await loadModel(file, {
      displayName: String(args.file),
      ...(variant === undefined ? {} : { variant }),
      ...(args.trials === undefined ? {} : { trials: args.trials }),
      ...(args.seed === undefined ? {} : { seed: args.seed }),
    });
    const progress = progressBar(ctx, 'simulating', args.quiet === true);
    const workers = args.workers === undefined ? {} : { workers: args.workers };
    // Arrow is loaded only when trials are written: it slows the start of every run.
    const writeShard = async (
      ...a: Parameters<typeof import('../../analysis/shard.js').writeShard>
    ) => (await import('../../analysis/shard.js')).writeShard(...a);
    if (typeof args.shard === 'string') {
      const shard = parseShard(args.shard);
      const name = basename(file, extname(file));
      const out = resolve(
        ctx.cwd,
        typeof args['trials-out'] === 'string'
          ? args['trials-out']
          : `${name}.shard-${shard.k}-of-${shard.n}.arrow`,
      );
      const written = await writeShard(model, file, variant ?? null, shard, out, {
        ...workers,
        onProgress: progress.update,
      });
      progress.finish();
      if (args.json) ctx.out(`${JSON.stringify(written)}\n`);
      else if (!args.quiet)
        ctx.out(
          written.to > written.from
            ? `wrote trials ${written.from}–${written.to - 1} of ${written.trials} to ${out}\n`
            : `wrote no trials to ${out}: shard ${written.shard} of ${written.trials} trials is empty\n`,
        );
      return EXIT.ok;
    }
    // --trials-out without --shard: the forecast's own rows are written as they pass.
    const trialsOut =
      typeof args['trials-out'] === 'string' ? resolve(ctx.cwd, args['trials-out']) : null;
    const opened = trialsOut
      ? (await import('../../analysis/shard.js')).openTrialsFile(
          model,
          file,
          await readFile(file, 'utf8'),
          variant ?? null,
          { k: 1, n: 1 },
          trialsOut,
        )
      : null;
    const result = await forecast(model, {
      ...workers,
      onProgress: progress.update,
      variant: variant ?? null,
      ...(opened
        ? { tee: (f: number, c: number, rows: Float64Array) => opened.writer.write(f, c, rows) }
        : {}),
    }).catch(async (e: unknown) => {
      await opened?.writer.abort();
      throw e;
    });
    progress.finish();
    await opened?.writer.close();
    if (typeof args.csv === 'string')
      await writeFile(resolve(ctx.cwd, args.csv), forecastToCsv(result));
    if (args.json) ctx.out(`${stringifyForecast(result)}\n`);
    else if (!args.quiet) ctx.out(forecastTable(result));
    return EXIT.ok;
  },
};
