/** The per-trial Arrow file: rows written in any chunking come back exactly, batch boundaries anywhere. */
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  readTrialRows,
  readTrialsMeta,
  type TrialsFileMeta,
  TrialsWriter,
} from '../../src/io/trials-arrow.js';

const dir = mkdtempSync(join(tmpdir(), 'salesops-arrow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const W = 7;
const meta = (trials: number): TrialsFileMeta => ({
  version: 'test',
  file: 'x.yaml',
  scenario: 'scenario: x',
  variant: null,
  edits: [],
  seed: 1,
  trials,
  from: 0,
  to: trials,
  shard: '1/1',
});
/** A distinct value for every trial and column. */
const value = (trial: number, j: number) => trial * 1000 + j + 0.25;

describe('TrialsWriter', () => {
  it.each([
    [1000, 250, 300],
    [1000, 250, 1],
    [999, 7, 10_000],
    [0, 250, 300],
  ])(
    '%i trials in chunks of %i, %i trials per batch, read back exactly',
    async (n, chunk, batch) => {
      const path = join(dir, `t-${n}-${chunk}-${batch}.arrow`);
      const names = Array.from({ length: W }, (_, j) => `c${j}`);
      const w = new TrialsWriter(path, names, meta(n), { batchTrials: batch });
      for (let from = 0; from < n; from += chunk) {
        const count = Math.min(chunk, n - from);
        const rows = new Float64Array(count * W);
        for (let i = 0; i < count; i++)
          for (let j = 0; j < W; j++) rows[i * W + j] = value(from + i, j);
        w.write(from, count, rows);
      }
      await w.close();
      const read = await readTrialsMeta(path);
      expect(read.meta.trials).toBe(n);
      expect(read.names).toEqual(names);
      let next = 0;
      await readTrialRows(path, W, (from, count, rows) => {
        expect(from).toBe(next);
        for (let i = 0; i < count; i++)
          for (let j = 0; j < W; j++) expect(rows[i * W + j]).toBe(value(from + i, j));
        next += count;
      });
      expect(next).toBe(n);
      expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
    },
  );

  it('abort leaves no file behind', async () => {
    const path = join(dir, 'aborted.arrow');
    const w = new TrialsWriter(path, ['a'], meta(10), { batchTrials: 3 });
    w.write(0, 5, new Float64Array(5));
    await w.abort();
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('aborted'))).toEqual([]);
  });

  // The partial file linked to /dev/full: every write fails with ENOSPC, as on a full disk.
  it.runIf(existsSync('/dev/full'))(
    'a failed batch write names the file, not the partial one',
    async () => {
      const path = join(dir, 'full.arrow');
      symlinkSync('/dev/full', `${path}.partial-${process.pid}`);
      const w = new TrialsWriter(path, ['a'], meta(10), { batchTrials: 3 });
      expect(() => w.write(0, 5, new Float64Array(5))).toThrow(
        `cannot write ${path}: no space left on the device`,
      );
      await w.abort();
      expect(readdirSync(dir).filter((f) => f.startsWith('full'))).toEqual([]);
    },
  );
});
