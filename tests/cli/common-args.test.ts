/**
 * `-` as an output path: refused with exit 2 naming the flag, for every output flag alike,
 * instead of writing a file called `-`.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'salesops-dash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const minimal = resolve('scenarios/minimal.yaml');
// quota and allocate need a scenario with those blocks.
const b2b = resolve('scenarios/b2b-saas.yaml');

describe('- as an output path', () => {
  it.each([
    ['forecast', '--csv', []],
    ['forecast', '--trials-out', []],
    ['forecast', '--trials-out', ['--shard', '1/2']],
    ['run', '--out', []],
    ['quota', '--csv', []],
    ['allocate', '--csv', []],
    ['schema', '--out', []],
  ] as const)('%s %s - is exit 2 naming the flag, and writes nothing', async (cmd, flag, extra) => {
    const file = cmd === 'quota' || cmd === 'allocate' ? b2b : minimal;
    const scenario = cmd === 'schema' ? [] : [file, '--trials', '100'];
    const r = await runCli([cmd, ...scenario, flag, '-', ...extra], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${flag}: ✖ - would only make a file called -: standard output carries the command's own output (its table, or JSON with --json); give a file or folder name (./- for one called -)\n`,
    );
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a file called - when asked for ./-', async () => {
    const r = await runCli(['schema', '--out', './-', '--quiet'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['-']);
  });
});
