/**
 * `-` as the scenario: read from standard input, and from pipes generally (pipes and
 * process substitution report size 0, so the reader must read to the end).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DASH, markDashes } from '../../src/cli/scenario-arg.js';
import { readScenarioText } from '../../src/scenario/index.js';

const dir = mkdtempSync(join(tmpdir(), 'salesops-stdin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const minimal = readFileSync('scenarios/minimal.yaml', 'utf8');

describe('- for standard input', () => {
  it('marks a lone - as a file argument, but not as the value of an option', () => {
    expect(markDashes(['validate', 'a.yaml', '-'])).toEqual(['validate', 'a.yaml', DASH]);
    expect(markDashes(['forecast', '--json', '-'])).toEqual(['forecast', '--json', DASH]);
    expect(markDashes(['forecast', 'a.yaml', '--csv', '-'])).toEqual([
      'forecast',
      'a.yaml',
      '--csv',
      '-',
    ]);
    expect(markDashes(['merge', '-'])).toEqual(['merge', '-']);
    expect(markDashes(['--workers', '2', 'validate', '-'])).toEqual([
      '--workers',
      '2',
      'validate',
      DASH,
    ]);
  });

  it('reads a whole scenario from a pipe, which reports size 0', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const [text] = await Promise.all([readScenarioText(fifo), writeFile(fifo, minimal)]);
    expect(text.ok && text.value).toBe(minimal);
  });

  it('validates and forecasts a scenario piped to the built CLI', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['dist/cli/main.js', ...args], {
        input: minimal,
        encoding: 'utf8',
        // a hang is killed (spawnSync waits for the child; nothing is left running after it)
        timeout: 120_000,
        killSignal: 'SIGKILL',
      });
    const v = cli('validate', '-');
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^✓ stdin: Minimal web shop/);
    const f = cli('forecast', '-', '--trials', '200', '--json');
    expect(f.status).toBe(0);
    expect(JSON.parse(f.stdout).trials).toBe(200);
    const bad = spawnSync(process.execPath, ['dist/cli/main.js', 'validate', '-'], {
      input: 'calendar: [',
      encoding: 'utf8',
      timeout: 120_000,
      killSignal: 'SIGKILL',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^stdin:1: ✖/);
  });
});
