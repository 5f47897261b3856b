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
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    // Wait until the partial file is being written, then interrupt.
    for (let i = 0; i < 200 && readdirSync(dir).length === 0; i++) await sleep(50);
    expect(readdirSync(dir)[0]).toMatch(/^t\.arrow\.partial-\d+$/);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);
});
