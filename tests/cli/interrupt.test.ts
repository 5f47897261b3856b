/**
 * Ctrl-C in the middle of writing a trials file leaves no temporary file behind.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'salesops-int-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('interrupting the CLI', () => {
  it('removes the partial trials file and exits 130 on SIGINT', async () => {
    const out = join(dir, 't.arrow');
    const child = spawn(
      process.execPath,
      [
        'dist/cli/main.js',
        'forecast',
        'scenarios/b2b-saas.yaml',
        '--trials',
        '2000000',
        '--trials-out',
        out,
      ],
      { stdio: 'ignore' },
    );
    let done = false;
    const exited = new Promise<number | null>((r) =>
      child.on('exit', (code) => {
        done = true;
        r(code);
      }),
    );
    // Wait until the partial file is being written, then interrupt. The CLI first probes the
    // folder with a short-lived `.salesops-probe-*` file, which on a loaded machine lingers long
    // enough to be seen: wait for the partial file itself. No fixed deadline: on a loaded 2-core
    // machine the CLI took 12–21 s to get there (the test's timeout bounds it).
    const partial = () => readdirSync(dir).filter((f) => f.startsWith('t.arrow'));
    while (!done && partial().length === 0) await sleep(50);
    expect(partial()[0]).toMatch(/^t\.arrow\.partial-\d+$/);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  }, 120_000);
});
