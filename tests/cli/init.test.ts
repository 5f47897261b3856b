/**
 * `salesops init`: the starter it writes compiles, an existing file is refused (exit 2)
 * unless `--force`, and `-` prints to stdout. The CLI runs in-process in a temp folder.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileScenario, compileScenarioFile } from '../../src/scenario/index.js';
import { STARTER_SCENARIO, starterScenario } from '../../src/scenario/starter.js';
import { type CliRun, runCli } from '../helpers/cli.js';

let dir = '';

const run = (...argv: string[]): Promise<CliRun> => runCli(argv, dir);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesops-init-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('STARTER_SCENARIO', () => {
  it('compiles, and so does each of its variants', () => {
    const r = compileScenario(STARTER_SCENARIO, 'scenario.yaml');
    if (!r.ok) expect.fail(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    expect(r.value.calendar.periods).toBe(12);
    expect(r.value.stages.map((s) => s.id)).toEqual(['lead', 'mql', 'opportunity', 'won']);
    expect(r.value.variants.length).toBeGreaterThan(0);
    for (const v of r.value.variants) {
      const rv = compileScenario(STARTER_SCENARIO, 'scenario.yaml', { variant: v.name });
      if (!rv.ok) expect.fail(`${v.name}: ${rv.errors.map((e) => e.message).join('; ')}`);
    }
  });

  it('teaches the optional sections in comments that compile when uncommented', () => {
    // Uncomment the block of optional sections ("# customers:" … "# correlations:" list).
    const lines = STARTER_SCENARIO.split('\n');
    const from = lines.findIndex((l) => l.startsWith('# customers:'));
    expect(from).toBeGreaterThan(0);
    let to = from;
    while (lines[to + 1]?.startsWith('# ') || lines[to + 1]?.startsWith('#   ')) to++;
    const uncommented = lines.map((l, i) => (i >= from && i <= to ? l.replace(/^# /, '') : l));
    const text = uncommented.join('\n');
    const doc = parse(text) as Record<string, unknown>;
    for (const key of ['customers', 'initiatives', 'allocation', 'quota', 'correlations']) {
      expect(doc).toHaveProperty(key);
    }
    const r = compileScenario(text, 'scenario.yaml');
    if (!r.ok) expect.fail(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    expect(r.value.initiatives.length).toBe(1);
    expect(r.value.quota).not.toBeNull();
  });
});

describe('salesops init', () => {
  it('writes scenario.yaml by default, and the file compiles', async () => {
    const r = await run('init');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('scenario.yaml');
    const path = join(dir, 'scenario.yaml');
    expect(readFileSync(path, 'utf8')).toBe(STARTER_SCENARIO);
    const compiled = await compileScenarioFile(path);
    expect(compiled.ok).toBe(true);
  });

  it('writes the file it is given, relative to the working folder', async () => {
    mkdirSync(join(dir, 'plans'));
    const r = await run('init', 'plans/fy27.yaml');
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'plans', 'fy27.yaml'), 'utf8');
    // Its comments name the file it was written to, not scenario.yaml.
    expect(text).toContain('salesops validate plans/fy27.yaml');
    expect(text).toContain('salesops run plans/fy27.yaml');
    expect(text).not.toContain('scenario.yaml');
    expect(text).toBe(STARTER_SCENARIO.replaceAll('scenario.yaml', 'plans/fy27.yaml'));
  });

  it('quotes a file name with spaces in the commands its comments suggest', async () => {
    const r = await run('init', 'my plan.yaml');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'my plan.yaml'), 'utf8')).toContain(
      "salesops run 'my plan.yaml'",
    );
  });

  it('refuses to overwrite an existing file without --force (exit 2, file untouched)', async () => {
    const path = join(dir, 'scenario.yaml');
    writeFileSync(path, 'my precious plan\n');
    const r = await run('init');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('scenario.yaml already exists');
    expect(r.stderr).toContain('--force');
    expect(readFileSync(path, 'utf8')).toBe('my precious plan\n');
  });

  it('overwrites with --force', async () => {
    const path = join(dir, 'plan.yaml');
    writeFileSync(path, 'old\n');
    const r = await run('init', 'plan.yaml', '--force');
    expect(r.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(starterScenario('plan.yaml'));
  });

  it('prints the starter to stdout with - and writes nothing', async () => {
    const r = await run('init', '-');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(STARTER_SCENARIO);
    expect(r.stderr).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('creates missing folders, as every other output does', async () => {
    const r = await run('init', 'no/such/folder/plan.yaml');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'no/such/folder/plan.yaml'), 'utf8')).toBe(
      starterScenario('no/such/folder/plan.yaml'),
    );
  });

  it('exits 2 in the common format when FILE is a folder or its path runs through a file', async () => {
    mkdirSync(join(dir, 'plans'));
    const folder = await run('init', 'plans');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(`init: ✖ ${join(dir, 'plans')} is a folder; give a file name\n`);
    expect(readdirSync(join(dir, 'plans'))).toEqual([]);
    writeFileSync(join(dir, 'notes'), 'x');
    const through = await run('init', 'notes/plan.yaml');
    expect(through.code).toBe(2);
    expect(through.stderr).toMatch(/^init: ✖ cannot write .*notes is a file, not a folder\n$/);
  });

  // The file is written to `.FILE.tmp-PID` (this process's pid: the CLI runs in-process)
  // and renamed into place; a link there to /dev/full makes that write fail with ENOSPC.
  it.runIf(existsSync('/dev/full'))(
    'a failed write with --force leaves the existing file as it was (exit 1, named)',
    async () => {
      const path = join(dir, 'plan.yaml');
      writeFileSync(path, 'my precious plan\n');
      symlinkSync('/dev/full', join(dir, `.plan.yaml.tmp-${process.pid}`));
      const r = await run('init', 'plan.yaml', '--force');
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`salesops: cannot write ${path}: no space left on the device\n`);
      expect(readFileSync(path, 'utf8')).toBe('my precious plan\n');
      expect(readdirSync(dir)).toEqual(['plan.yaml']);
    },
  );

  it('prints the path as JSON with --json and nothing with --quiet', async () => {
    const j = await run('init', 'a.yaml', '--json');
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout)).toEqual({
      file: join(dir, 'a.yaml'),
      bytes: Buffer.byteLength(starterScenario('a.yaml')),
    });
    const q = await run('init', 'b.yaml', '--quiet');
    expect(q.code).toBe(0);
    expect(q.stdout).toBe('');
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe(starterScenario('b.yaml'));
  });
});
