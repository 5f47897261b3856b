/**
 * Scale-out: `--shard K/N` runs trials ⌊(K−1)·n/N⌋ … ⌊K·n/N⌋−1 and writes their rows to an
 * Arrow file; `merge` replays the files of all N shards in trial order through the same
 * summary as a single run, so the merged result is byte-for-byte the one-run result.
 */
import { readFile } from 'node:fs/promises';
import {
  readTrialRows,
  readTrialsMeta,
  type TrialsFileMeta,
  TrialsWriter,
  trialColumnNames,
} from '../io/trials-arrow.js';
import type { Model } from '../model/types.js';
import { buildLayout } from '../sim/layout.js';
import type { RowConsumer } from '../sim/pool.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import type { Logger } from '../util/logger.js';
import { checkOptionNames, type OptionNames } from '../util/option-names.js';
import { InputError } from '../util/result.js';
import { VERSION } from '../version.js';
import { summariseRun } from './forecast.js';
import { checkOwnVariant } from './own-variant.js';
import type { TrialRows } from './quota/rows.js';
import { type SimulateOptions, simulate } from './simulate.js';
import type { ForecastResult } from './types.js';

/** The trial slice of shard k of n (1-based k). */
export function shardRange(trials: number, k: number, n: number): { from: number; to: number } {
  checkArgument('shardRange', 'trials', trials, ARG.trialCount);
  checkArgument('shardRange', 'n', n, ARG.shardCount);
  checkArgument('shardRange', 'k', k, ARG.shardIndex(n));
  return { from: Math.floor(((k - 1) * trials) / n), to: Math.floor((k * trials) / n) };
}

function usage(file: string, message: string): InputError {
  return new InputError([{ file, line: null, path: '', message }]);
}

/**
 * Opens a trials file for shard k of n of a model (`{k: 1, n: 1}`: every trial). Refuses
 * `simulation.precision`, which chooses the trial count while running, and a `variant` that
 * is not the model's own (merge recompiles the plan the file names).
 */
export function openTrialsFile(
  model: Model,
  file: string,
  scenarioText: string,
  variant: string | null,
  shard: { k: number; n: number },
  out: string,
  edits: readonly (readonly [string, unknown])[] = [],
): { writer: TrialsWriter; meta: TrialsFileMeta } {
  checkOwnVariant('writeShard', model, variant, 'variant');
  if (model.simulation.precision) {
    throw usage(
      file,
      'simulation.precision chooses the trial count while running, so its trials cannot be written or sharded; remove it or give --trials',
    );
  }
  const trials = model.simulation.trials;
  const { from, to } = shardRange(trials, shard.k, shard.n);
  const meta: TrialsFileMeta = {
    version: VERSION,
    file,
    scenario: scenarioText,
    variant,
    edits,
    seed: model.simulation.seed,
    trials,
    from,
    to,
    shard: `${shard.k}/${shard.n}`,
  };
  const layout = buildLayout(model);
  return {
    writer: new TrialsWriter(out, trialColumnNames(layout, model.calendar.labels), meta),
    meta,
  };
}

/** What writeShard takes of simulate's options: the shard sets the trials (from, to). */
type ShardSimOptions = Pick<SimulateOptions, 'workers' | 'onProgress'>;
const SHARD_SIM_OPTIONS: OptionNames<ShardSimOptions> = { workers: true, onProgress: true };

/**
 * Runs one shard of a model and writes its per-trial rows to `out`. `scenario` is the
 * scenario file the model was compiled from, or that file's name with the text already read
 * (so the file records exactly the text that was compiled, even if the file changed since);
 * `variant` is the variant the model was compiled as (`model.variant`; another is an InputError).
 * @throws InputError for a `sim` option other than workers and onProgress (`from` and `to`
 * were overridden by the shard's trials without a word), before the scenario is read.
 */
export async function writeShard(
  model: Model,
  scenario: string | { readonly file: string; readonly text: string },
  variant: string | null,
  shard: { k: number; n: number },
  out: string,
  sim: ShardSimOptions = {},
  edits: readonly (readonly [string, unknown])[] = [],
): Promise<TrialsFileMeta> {
  checkArgument('writeShard', 'model', model, ARG.model);
  checkArgument('writeShard', 'scenario', scenario, ARG.scenarioSource);
  checkArgument('writeShard', 'variant', variant, ARG.variantOrNull);
  checkArgument('writeShard', 'shard', shard, ARG.shard);
  checkArgument('writeShard', 'out', out, ARG.path);
  checkOptionNames(
    'writeShard',
    sim,
    SHARD_SIM_OPTIONS,
    "the shard's trials are its k of n (shardRange)",
    'sim',
  );
  const { file, text } =
    typeof scenario === 'string'
      ? { file: scenario, text: await readFile(scenario, 'utf8') }
      : scenario;
  const { writer, meta } = openTrialsFile(model, file, text, variant, shard, out, edits);
  try {
    await simulate(model, { ...sim, from: meta.from, to: meta.to }, (f, c, rows) =>
      writer.write(f, c, rows),
    );
    await writer.close();
  } catch (e) {
    // A failed simulation or write (a full disk) leaves no partial file behind.
    await writer.abort();
    throw e;
  }
  return meta;
}

/** Shard files of one run, checked to fit together, in trial order. */
export interface ShardSet {
  /** The metadata they share (from the first shard in trial order). */
  readonly meta: TrialsFileMeta;
  readonly files: readonly { readonly path: string; readonly names: readonly string[] }[];
}

/**
 * Reads the metadata of shard files and checks that they come from one run of one version
 * and cover its trials exactly once; every problem names its file.
 */
export async function readShards(paths: readonly string[]): Promise<ShardSet> {
  checkArgument('readShards', 'paths', paths, ARG.paths);
  if (paths.length === 0) throw usage('merge', 'expected at least one shard file');
  const read = await Promise.allSettled(
    paths.map(async (p) => ({ path: p, ...(await readTrialsMeta(p)) })),
  );
  const unreadable = read.flatMap((r, i) => {
    if (r.status === 'fulfilled') return [];
    const message = r.reason instanceof Error ? r.reason.message : String(r.reason);
    return [{ file: paths[i]!, line: null, path: '', message }];
  });
  if (unreadable.length > 0) throw new InputError(unreadable);
  const files = read.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const first = files[0]!.meta;
  for (const f of files) {
    const m = f.meta;
    const differ = runDifferences(m, first);
    if (differ.length > 0) {
      throw usage(
        f.path,
        `comes from a different run than ${files[0]!.path}: ${differ.join('; ')}`,
      );
    }
    // Another version may simulate the same seed differently: its trials do not belong here.
    if (m.version !== first.version) {
      throw usage(
        f.path,
        `was written by salesops ${m.version}, ${files[0]!.path} by ${first.version}: run every shard with one version`,
      );
    }
  }
  files.sort((a, b) => a.meta.from - b.meta.from);
  let expect = 0;
  for (const f of files) {
    if (f.meta.from !== expect) {
      throw usage(
        f.path,
        f.meta.from < expect
          ? `overlaps the previous shard at trial ${f.meta.from}`
          : `trials ${expect}–${f.meta.from - 1} are missing`,
      );
    }
    expect = f.meta.to;
  }
  if (expect !== first.trials)
    throw usage(files.at(-1)!.path, `trials ${expect}–${first.trials - 1} are missing`);
  return { meta: files[0]!.meta, files };
}

/**
 * Summarises the shards of `set` into exactly the forecast of one run of `model`, the plan
 * they record (see `recordedPlan`); `logger` gets the summary's warnings. `tee`, if given,
 * also receives every trial's row, in trial order, once (as a simulated forecast's does).
 */
export async function mergeShards(
  set: ShardSet,
  model: Model,
  logger?: Logger,
  tee?: RowConsumer,
): Promise<ForecastResult> {
  checkArgument('mergeShards', 'set', set, ARG.shardSet);
  checkArgument('mergeShards', 'model', model, ARG.model);
  const { meta } = set;
  const read = shardReader(set, model);
  let passes = 0;
  const result = await summariseRun(
    model,
    meta.trials,
    async (consume) => {
      passes += 1;
      const both: RowConsumer =
        tee && passes === 1
          ? (f, c, rows) => {
              tee(f, c, rows);
              consume(f, c, rows);
            }
          : consume;
      await read(both);
    },
    logger,
  );
  return { ...result, precision: null };
}

/**
 * The rows of the shards of `set` as per-trial rows of `model` (the analyses that read a
 * forecast's rows, such as quota, run on them as on a simulation).
 */
export function shardTrialRows(set: ShardSet, model: Model, logger?: Logger): TrialRows {
  const read = shardReader(set, model);
  return {
    forecast: (consume) => mergeShards(set, model, logger, consume),
    replay: (trials, consume) =>
      read((from, count, rows) => {
        if (from < trials) consume(from, Math.min(count, trials - from), rows);
      }),
    close: () => Promise.resolve(),
  };
}

/** Reads every shard's rows in trial order, after checking their columns are `model`'s. */
function shardReader(set: ShardSet, model: Model): (consume: RowConsumer) => Promise<void> {
  const layout = buildLayout(model);
  const names = trialColumnNames(layout, model.calendar.labels);
  for (const f of set.files) {
    if (f.names.length !== names.length || f.names.some((n, i) => n !== names[i])) {
      throw usage(
        f.path,
        'its columns do not match the scenario it records (written by another salesops version?)',
      );
    }
  }
  return async (consume) => {
    for (const f of set.files) await readTrialRows(f.path, layout.width, consume);
  };
}

/**
 * What makes shard `m` part of another run than `first`, in words: "its seed is 2, the first
 * shard's 1". The scenario's text is compared, never quoted.
 * @example runDifferences({ ...meta, seed: 2 }, { ...meta, seed: 1 }) // ["its seed is 2, the first shard's 1"]
 */
export function runDifferences(m: TrialsFileMeta, first: TrialsFileMeta): string[] {
  const out: string[] = [];
  const variant = (v: string | null) => v ?? 'none (the base plan)';
  const edits = (e: TrialsFileMeta['edits']) =>
    e.length === 0 ? 'none' : e.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
  if (m.scenario !== first.scenario)
    out.push(`its scenario text differs from the first shard's (the file was edited in between?)`);
  if (m.variant !== first.variant)
    out.push(`its variant is ${variant(m.variant)}, the first shard's ${variant(first.variant)}`);
  if (JSON.stringify(m.edits) !== JSON.stringify(first.edits))
    out.push(`its --set edits are ${edits(m.edits)}, the first shard's ${edits(first.edits)}`);
  if (m.seed !== first.seed) out.push(`its seed is ${m.seed}, the first shard's ${first.seed}`);
  if (m.trials !== first.trials)
    out.push(`its run has ${m.trials} trials, the first shard's ${first.trials}`);
  return out;
}
