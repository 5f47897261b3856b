/**
 * Same scenario + same seed = identical numbers, whatever the worker count or shard split.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forecast } from '../../src/analysis/forecast.js';
import { stringifyForecast } from '../../src/analysis/forecast-json.js';
import {
  openTrialsFile,
  readShards,
  mergeShards as summarise,
  writeShard,
} from '../../src/analysis/shard.js';
import { recordedPlan } from '../../src/scenario/recorded.js';

/** What `salesops merge` does: read and check the shards, compile their plan, summarise. */
async function mergeShards(paths: readonly string[]) {
  const set = await readShards(paths);
  const plan = recordedPlan(set.meta);
  if (!plan.ok) throw new Error('the shards record a scenario that does not compile');
  return summarise(set, plan.value);
}

import { simulate } from '../../src/analysis/simulate.js';
import { TrialsWriter, trialColumnNames } from '../../src/io/trials-arrow.js';
import { loadModel } from '../../src/scenario/index.js';
import { buildLayout } from '../../src/sim/layout.js';

const dir = mkdtempSync(join(tmpdir(), 'salesops-det-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('determinism', () => {
  it('gives byte-identical JSON with 1, 2 and 4 workers', async () => {
    // 7,000 trials × 12 periods is above the in-process threshold, so 2 and 4 really use threads.
    const model = await loadModel('scenarios/b2b-saas.yaml', { trials: 7000, seed: 5 });
    const one = stringifyForecast(await forecast(model, { workers: 1 }));
    const two = stringifyForecast(await forecast(model, { workers: 2 }));
    const four = stringifyForecast(await forecast(model, { workers: 4 }));
    expect(two).toBe(one);
    expect(four).toBe(one);
  });

  it('merging 3 shards gives byte-for-byte the one-run result', async () => {
    const file = 'scenarios/b2b-saas.yaml';
    const model = await loadModel(file, { trials: 2500, seed: 9 });
    const whole = stringifyForecast(await forecast(model, { workers: 1 }));
    const paths = [1, 2, 3].map((k) => join(dir, `s${k}.arrow`));
    // Write out of order and with different worker counts: neither may matter.
    await writeShard(model, file, null, { k: 3, n: 3 }, paths[2]!, { workers: 2 });
    await writeShard(model, file, null, { k: 1, n: 3 }, paths[0]!, { workers: 1 });
    await writeShard(model, file, null, { k: 2, n: 3 }, paths[1]!, { workers: 1 });
    const merged = stringifyForecast(await mergeShards([paths[1]!, paths[2]!, paths[0]!]));
    expect(merged).toBe(whole);
  });

  it('refuses an incomplete set of shards', async () => {
    const file = 'scenarios/minimal.yaml';
    const model = await loadModel(file, { trials: 300 });
    const p = join(dir, 'only.arrow');
    await writeShard(model, file, null, { k: 1, n: 2 }, p, { workers: 1 });
    await expect(mergeShards([p])).rejects.toThrow(/missing/);
  });

  it('refuses shards of another run or of another salesops version', async () => {
    const file = 'scenarios/minimal.yaml';
    const model = await loadModel(file, { trials: 300, seed: 1 });
    const [a, b, c] = ['a', 'b', 'c'].map((x) => join(dir, `${x}.arrow`));
    await writeShard(model, file, null, { k: 1, n: 2 }, a!, { workers: 1 });
    const other = await loadModel(file, { trials: 300, seed: 2 });
    await writeShard(other, file, null, { k: 2, n: 2 }, b!, { workers: 1 });
    await expect(mergeShards([a!, b!])).rejects.toThrow(
      /comes from a different run than .*a\.arrow: its seed is 2, the first shard's 1$/,
    );
    // The same second half, recorded as written by another version.
    const text = readFileSync(file, 'utf8');
    const { writer, meta } = openTrialsFile(model, file, text, null, { k: 2, n: 2 }, c!);
    await writer.abort(); // only its metadata is wanted
    const old = new TrialsWriter(c!, trialColumnNames(buildLayout(model), model.calendar.labels), {
      ...meta,
      version: '0.0.1',
    });
    await simulate(model, { workers: 1, from: meta.from, to: meta.to }, (f, n, rows) =>
      old.write(f, n, rows),
    );
    await old.close();
    await expect(mergeShards([a!, c!])).rejects.toThrow(
      /written by salesops 0\.0\.1, .*a\.arrow by .*: run every shard with one version/,
    );
  });

  it('recomputes any trial alone', async () => {
    const model = await loadModel('scenarios/b2b-saas.yaml', { trials: 50, seed: 3 });
    const { simulate } = await import('../../src/analysis/simulate.js');
    const all: Float64Array[] = [];
    await simulate(model, { workers: 1 }, (_f, count, rows) => {
      const w = rows.length / count;
      for (let i = 0; i < count; i++) all.push(rows.slice(i * w, (i + 1) * w));
    });
    const single: Float64Array[] = [];
    await simulate(model, { workers: 1, from: 37, to: 38 }, (_f, _c, rows) =>
      single.push(rows.slice()),
    );
    expect(single[0]).toEqual(all[37]);
  });
});
