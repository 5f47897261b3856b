/**
 * Ctrl-C in the middle of writing a trials file leaves no temporary file behind.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { startChild } from '../helpers/child.js';

const dir = mkdtempSync(join(tmpdir(), 'salesops-int-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Waits for `ready()` as long as the child lives, up to `hangMs` (a hang, not slowness). */
async function until(ready: () => boolean, alive: () => boolean, hangMs: number): Promise<boolean> {
  const start = Date.now();
  while (!ready()) {
    if (!alive() || Date.now() - start > hangMs) return false;
    await sleep(25);
  }
  return true;
}

describe('interrupting the CLI', () => {
  it('removes the partial trials file and exits 130 on SIGINT', async () => {
    const out = join(dir, 't.arrow');
    // Far more trials than any machine finishes before the interrupt; the child is killed
    // on every path (the helper kills any child still running when the file ends).
    const child = startChild(process.execPath, [
      'dist/cli/main.js',
      'forecast',
      'scenarios/b2b-saas.yaml',
      '--trials',
      '2000000',
      '--trials-out',
      out,
    ]);
    let alive = true;
    void child.exited.then(() => {
      alive = false;
    });
    try {
      // Wait until the partial file is being written: the start takes longer on a loaded
      // machine, so the bound is only for a child that never gets there.
      // (The output check's own probe file may come and go first.)
      const partial = () => readdirSync(dir).some((f) => /^t\.arrow\.partial-\d+$/.test(f));
      const writing = await until(partial, () => alive, 300_000);
      expect(writing, `the forecast never started writing:\n${child.output()}`).toBe(true);
      child.proc.kill('SIGINT');
      expect(await child.exited).toBe(130);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      child.kill();
    }
  }, 600_000);
});
