/**
 * The command line's rough edges: flags a command does not use are refused, an unknown
 * command lists the real ones, a scenario read from standard input names its outputs after
 * the scenario, and `run --from` draws from shard files the very report a single run draws.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCli, unknownCommand } from '../../src/cli/app.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { slug } from '../../src/cli/scenario-arg.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'salesops-edges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function salesopsIn(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const cli = createCli({
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd,
  });
  const code = await cli(argv);
  return { code, stdout: out.join(''), stderr: err.join('') };
}
const salesops = (...argv: string[]) => salesopsIn(ROOT, ...argv);

describe('flags a command does not use', () => {
  it.each([
    [['merge', 'x.arrow', '--trials', '5'], '--trials: ✖ merge does not use --trials'],
    [
      ['--seed', '3', 'validate', 'scenarios/minimal.yaml'],
      '--seed: ✖ validate does not use --seed',
    ],
    [['schema', '--json'], '--json: ✖ schema does not use --json'],
    [['init', '-', '--workers', '2'], '--workers: ✖ init does not use --workers'],
  ])('%j exits 2 naming the flag', async (argv, message) => {
    const r = await salesops(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('still accepts the flags a command uses', async () => {
    const r = await salesops('validate', 'scenarios/minimal.yaml', '--json', '--quiet');
    expect(r.code).toBe(0);
  });
});

describe('an unknown command', () => {
  it('lists the real commands and suggests the closest', async () => {
    const r = await salesops('foreacst', 'scenarios/minimal.yaml');
    expect(r.code).toBe(2);
    // Every real command, by its name, in --help order.
    const names = COMMANDS.map((c) => c.command.split(' ')[0]).join(', ');
    expect(r.stderr).toBe(
      `salesops: unknown command "foreacst"; did you mean forecast? Commands: ${names} (salesops --help describes them)\n`,
    );
    expect(names).toMatch(/^run, forecast, .*merge, validate, schema, init, render/);
    expect(unknownCommand(['--trials', '5', 'run', 'x.yaml'])).toBeNull();
    expect(unknownCommand(['--help'])).toBeNull();
  });
});

describe('standard input names its outputs after the scenario', () => {
  it('makes a file-safe name of the scenario name, in any script', () => {
    expect(slug('Acme FY2027 plan')).toBe('acme-fy2027-plan');
    expect(slug('2027年 直播渠道计划')).toBe('2027年-直播渠道计划');
    expect(slug('<script>/../')).toBe('script');
    expect(slug('!!!')).toBe('scenario');
  });

  it('run - writes out/<scenario name>/ and forecast - --shard writes <scenario name>.shard-…', () => {
    const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), ...args], {
        input: minimal,
        encoding: 'utf8',
        cwd: dir,
        // a hang is killed (spawnSync waits for the child; nothing is left running after it)
        timeout: 120_000,
        killSignal: 'SIGKILL',
      });
    const run = cli('run', '-', '--trials', '200', '--quiet');
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'out', 'minimal-web-shop', 'report.html'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'stdin'))).toBe(false);
    const shard = cli('forecast', '-', '--trials', '200', '--shard', '1/2', '--quiet');
    expect(shard.status, shard.stderr).toBe(0);
    expect(readdirSync(dir)).toContain('minimal-web-shop.shard-1-of-2.arrow');
  }, 60_000);
});

describe('run --from shard files', () => {
  it('writes exactly the report, JSON, CSV and charts of a single run', async () => {
    const flags = ['--trials', '400', '--seed', '9', '--workers', '1', '--quiet'];
    const single = join(dir, 'single');
    // Shard files carry no variants, so --from draws no What-ifs: compare with a run without them.
    expect(
      (await salesops('run', 'scenarios/b2b-saas.yaml', '--out', single, '--no-what-ifs', ...flags))
        .code,
    ).toBe(0);
    const shards = [1, 2, 3].map((k) => join(dir, `b2b-${k}.arrow`));
    for (const [i, file] of shards.entries()) {
      const r = await salesops(
        'forecast',
        'scenarios/b2b-saas.yaml',
        '--shard',
        `${i + 1}/3`,
        '--trials-out',
        file,
        ...flags,
      );
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = join(dir, 'merged');
    const r = await salesops('run', '--from', ...[...shards].reverse(), '--out', merged, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const files = (d: string) => readdirSync(d, { recursive: true }).map(String).sort();
    expect(files(merged)).toEqual(files(single));
    const compared = files(single).filter((f) => f !== 'charts');
    expect(compared).toContain('report.html');
    for (const f of compared)
      expect(readFileSync(join(merged, f)).equals(readFileSync(join(single, f))), f).toBe(true);
  }, 120_000);

  it('refuses the flags the shards fix, and a FILE beside --from', async () => {
    const a = await salesops('run', '--from', 'x.arrow', '--trials', '10');
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--trials: ✖ not used with --from');
    const b = await salesops('run', 'scenarios/minimal.yaml', '--from', 'x.arrow');
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--from: ✖ give either a scenario FILE or --from');
    const c = await salesops('run');
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('name a scenario FILE');
  });
});
