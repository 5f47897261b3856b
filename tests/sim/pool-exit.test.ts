/**
 * Idle worker threads do not hold the process open: a library script that prepares an
 * evaluator, runs it on two threads and never calls close() still exits when it is done.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'salesops-pool-exit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('SimPool', () => {
  it('lets a script that never closes its evaluator exit once the run is done', () => {
    const script = join(tmp, 'no-close.mjs');
    writeFileSync(
      script,
      `import { loadBundle, prepare } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/index.js')).href)};
const ev = prepare(await loadBundle(${JSON.stringify(join(ROOT, 'scenarios/minimal.yaml'))}), { workers: 2, threadMin: 0 });
const e = await ev.evaluate([], { trials: 400, metrics: ['bookings'] });
console.log('evaluated', e.trials);
`,
    );
    const r = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      // Only a hang reaches this: the child is killed, nothing is left running after it.
      timeout: 120_000,
      killSignal: 'SIGKILL',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('evaluated 400\n');
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
  }, 150_000);
});
