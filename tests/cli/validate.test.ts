/**
 * `salesops validate` in-process: every invalid fixture in tests/fixtures/invalid exits 2
 * without a stack trace, with exactly the text in its NAME.expected.txt
 * (regenerate after a deliberate message change with UPDATE_FIXTURES=1 and review the diff).
 * Valid files print their summary; hostile files generated here (over the size limit)
 * are refused before they are read.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/invalid');
const SCENARIOS = join(import.meta.dirname, '../../scenarios');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

const run = (cwd: string, ...argv: string[]) => runCli(argv, cwd);

const fixtures = readdirSync(FIXTURES)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();

describe('salesops validate on invalid fixtures', () => {
  it('has at least 45 fixtures, each with its expected text', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(45);
    if (!UPDATE) {
      for (const f of fixtures) expect(existsSync(join(FIXTURES, expectedName(f))), f).toBe(true);
    }
  });

  it.each(fixtures)('%s exits 2 with its exact message, without a stack trace', async (f) => {
    const r = await run(FIXTURES, 'validate', f);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('    at ');
    expect(r.stderr).toMatch(/✖/);
    const path = join(FIXTURES, expectedName(f));
    if (UPDATE) writeFileSync(path, r.stderr);
    expect(r.stderr).toBe(readFileSync(path, 'utf8'));
  });
});

function expectedName(f: string): string {
  return f.replace(/\.(ya?ml|json)$/, '.expected.txt');
}

describe('salesops validate', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'salesops-validate-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('accepts every example scenario with a one-line summary each', async () => {
    const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const r = await run(SCENARIOS, 'validate', ...files);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(files.length);
    for (const l of lines)
      expect(l).toMatch(
        /^✓ \S+\.yaml: .+ \(\d+ periods?, \d+ channels?, \d+ stages?, \d+ variants?\)$/,
      );
  });

  it('prints nothing for valid files with --quiet, and exits 2 when any file is bad', async () => {
    expect((await run(SCENARIOS, 'validate', '--quiet', 'minimal.yaml')).stdout).toBe('');
    const mixed = await run(FIXTURES, 'validate', join(SCENARIOS, 'minimal.yaml'), 'nan.yaml');
    expect(mixed.code).toBe(2);
    expect(mixed.stdout).toContain('✓');
    expect(mixed.stderr).toContain('nan.yaml:');
  });

  it('reports a missing file as bad input', async () => {
    const r = await run(tmp, 'validate', 'nope.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('nope.yaml: ✖ cannot read nope.yaml: no such file\n');
  });

  it('prints {files: [{file, valid, errors}]} with --json', async () => {
    const r = await run(
      FIXTURES,
      'validate',
      '--json',
      'rate-above-one.yaml',
      join(SCENARIOS, 'minimal.yaml'),
    );
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as {
      files: { file: string; valid: boolean; errors: unknown[] }[];
    };
    expect(out.files.map((f) => f.valid)).toEqual([false, true]);
    expect(out.files[0]!.errors).toEqual([
      {
        file: 'rate-above-one.yaml',
        line: 11,
        path: 'funnel[1].rate',
        message: 'expected a rate between 0 and 1, got number 1.4',
      },
    ]);
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const big = join(tmp, 'huge.yaml');
    writeFileSync(big, `scenario: x\nnotes: "${'a'.repeat(6 * 1024 * 1024)}"\n`);
    const r = await run(tmp, 'validate', 'huge.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'huge.yaml: ✖ the file is 6.0 MiB; scenario files are limited to 5 MiB\n',
    );
  });

  it('refuses a folder given as a file', async () => {
    const r = await run(tmp, 'validate', '.');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is a directory');
  });
});
