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
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'salesops-fc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SUMMARY_KEYS = ['mean', 'sd', 'se', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'];

describe('salesops forecast', () => {
  it('prints a readable table with quarters, horizon and target probabilities', async () => {
    const r = await runCli(['forecast', 'scenarios/b2b-saas.yaml', '--trials', '500']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/FY2027 Q1 +FY2027 Q2 +FY2027 Q3 +FY2027 Q4 +horizon/);
    expect(r.stdout).toMatch(/bookings P50/);
    expect(r.stdout).toMatch(/P\(bookings ≥ [\d.]+M\) = [\d.]+% ± [\d.]+%/);
  });

  it('wraps a long horizon into blocks of 8 quarters instead of one very wide table', async () => {
    const file = join(dir, 'long.yaml');
    writeFileSync(
      file,
      readFileSync('scenarios/minimal.yaml', 'utf8')
        .replace('periods: 12}', 'periods: 40}')
        .replace(/^ *quarterly:.*$/m, ''),
    );
    const r = await runCli(['forecast', file, '--trials', '200']);
    expect(r.code).toBe(0);
    const heads = r.stdout.split('\n').filter((l) => /^ +FY2027 Q1|^ +FY2029 Q1/.test(l));
    expect(heads).toHaveLength(2);
    expect(heads[0]).toMatch(/FY2027 Q1 .* FY2028 Q4$/);
    // 40 months: the 14th quarter is one month long, and says so.
    expect(heads[1]).toMatch(/FY2029 Q1 .* FY2030 Q2 \(1 month\) +horizon$/);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('warns on stderr when the precision target is out of reach (and not with --quiet)', async () => {
    const file = join(dir, 'precise.yaml');
    writeFileSync(
      file,
      readFileSync('scenarios/minimal.yaml', 'utf8').replace(
        /^simulation: .*$/m,
        'simulation: {trials: 100, seed: 1, precision: {metric: bookings, relative_se: 0.000001}}',
      ),
    );
    const r = await runCli(['forecast', file, '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^salesops: warning: precision: stopped at 10000 trials \(the cap\)/m);
    const quiet = await runCli(['forecast', file, '--workers', '1', '--quiet']);
    expect(quiet.stderr).toBe('');
  });

  it('--json prints the stable core of docs/json-output.md', async () => {
    const r = await runCli([
      'forecast',
      'scenarios/b2b-saas.yaml',
      '--trials',
      '400',
      '--seed',
      '3',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.scenario).toBe('Acme FY2027 plan');
    expect(j.trials).toBe(400);
    expect(j.seed).toBe(3);
    expect(j.periods).toHaveLength(12);
    expect(j.periods[0]).toBe('2027-01');
    for (const m of [
      'leads',
      'wins',
      'bookings',
      'new_bookings',
      'repeat_bookings',
      'spend',
      'team_cost',
      'initiative_cost',
      'profit',
      'accounts',
      'pipeline',
    ]) {
      expect(j.metrics[m].periods).toHaveLength(12);
      expect(Object.keys(j.metrics[m].total).sort()).toEqual([...SUMMARY_KEYS].sort());
    }
    expect(Object.keys(j.stages)).toEqual(['lead', 'mql', 'sql', 'opportunity', 'won']);
    for (const c of Object.values(j.channels) as Record<string, unknown>[]) {
      for (const k of ['leads', 'wins', 'bookings'])
        expect(Object.keys(c[k] as object).sort()).toEqual([...SUMMARY_KEYS].sort());
    }
    expect(typeof j.targets.bookings.value).toBe('number');
    expect(j.targets.bookings.probability).toBeGreaterThanOrEqual(0);
    expect(j.targets.bookings.probability).toBeLessThanOrEqual(1);
    expect(Array.isArray(j.targets.quarterly)).toBe(true);
    // bookings = new + repeat, per trial, hence in the means.
    const b = j.metrics.bookings.total.mean;
    expect(b).toBeCloseTo(
      j.metrics.new_bookings.total.mean + j.metrics.repeat_bookings.total.mean,
      3,
    );
  });

  it('writes per-period CSV and per-trial Arrow files', async () => {
    const csv = join(dir, 'f.csv');
    const arrow = join(dir, 'f.arrow');
    const r = await runCli([
      'forecast',
      'scenarios/minimal.yaml',
      '--trials',
      '300',
      '--csv',
      csv,
      '--trials-out',
      arrow,
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('group,name,measure,period,mean,sd,se,p5,p10,p25,p50,p75,p90,p95');
    expect(lines.some((l) => l.startsWith('metric,bookings,value,total,'))).toBe(true);
    const table = tableFromIPC(readFileSync(arrow));
    expect(table.numRows).toBe(300);
    expect(table.schema.fields[0]!.name).toBe('trial');
    expect(table.schema.fields.some((f) => f.name.startsWith('metrics.bookings@'))).toBe(true);
    // The file holds the forecast's own trials: merging it alone gives the same JSON.
    const json = await runCli(['forecast', 'scenarios/minimal.yaml', '--trials', '300', '--json']);
    const merged = await runCli(['merge', arrow, '--json']);
    expect(merged.stdout).toBe(json.stdout);
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('--shard then merge reproduces the one-run JSON', async () => {
    const one = await runCli(['forecast', 'scenarios/minimal.yaml', '--trials', '900', '--json']);
    const paths = [1, 2, 3].map((k) => join(dir, `m${k}.arrow`));
    for (let k = 1; k <= 3; k++) {
      const s = await runCli([
        'forecast',
        'scenarios/minimal.yaml',
        '--trials',
        '900',
        '--shard',
        `${k}/3`,
        '--trials-out',
        paths[k - 1]!,
      ]);
      expect(s.code).toBe(0);
    }
    const merged = await runCli(['merge', ...paths, '--json']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(one.stdout);
  });

  it('writes an empty shard when there are fewer trials than shards, and merges it', async () => {
    const one = await runCli(['forecast', 'scenarios/b2b-saas.yaml', '--trials', '2', '--json']);
    const paths = [1, 2, 3].map((k) => join(dir, `e${k}.arrow`));
    for (let k = 1; k <= 3; k++) {
      const s = await runCli([
        'forecast',
        'scenarios/b2b-saas.yaml',
        '--trials',
        '2',
        '--shard',
        `${k}/3`,
        '--trials-out',
        paths[k - 1]!,
      ]);
      expect(s.code).toBe(0);
      if (k === 1) expect(s.stdout).toMatch(/wrote no trials .*shard 1\/3 of 2 trials is empty/);
    }
    const merged = await runCli(['merge', ...paths, '--json']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(one.stdout);
  });

  it('merge says plainly that an empty or truncated file is not a trials file (exit 2)', async () => {
    const empty = join(dir, 'empty.arrow');
    writeFileSync(empty, '');
    const r = await runCli(['merge', empty, join(dir, 'missing.arrow')]);
    expect(r.code).toBe(2);
    // Every bad file is named at once.
    expect(r.stderr).toMatch(/missing\.arrow: ✖ no such file/);
    expect(r.stderr).toMatch(
      /empty\.arrow: ✖ not a readable salesops trials file \(empty, cut short, or not an Arrow IPC file\)/,
    );
  });

  it('checks --csv and --trials-out before simulating: a folder or an unwritable place is exit 2', async () => {
    const file = join(dir, 'plain');
    writeFileSync(file, 'x');
    for (const [flag, path, message] of [
      ['--csv', dir, /--csv: ✖ .* is a folder; give a file name/],
      [
        '--trials-out',
        join(file, 't.arrow'),
        /--trials-out: ✖ cannot write .*plain is a file, not a folder/,
      ],
    ] as const) {
      const r = await runCli(['forecast', 'scenarios/minimal.yaml', flag, path]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    const shardCsv = await runCli([
      'forecast',
      'scenarios/minimal.yaml',
      '--shard',
      '1/2',
      '--csv',
      join(dir, 's.csv'),
    ]);
    expect(shardCsv.code).toBe(2);
    expect(shardCsv.stderr).toMatch(/give --csv to `salesops merge` instead/);
  });

  // The trials file is written to `FILE.partial-PID` (this process's pid, as the CLI runs
  // in-process) and renamed into place: a link there to /dev/full makes every write of it
  // fail with ENOSPC, as a full disk does.
  it.runIf(existsSync('/dev/full')).each([
    ['without --shard', []],
    ['with --shard', ['--shard', '1/2']],
  ])(
    'a --trials-out write on a full disk (%s) names the file, exits 1 and leaves nothing behind',
    async (_, extra) => {
      const full = join(dir, `full${extra.length}`);
      mkdirSync(full);
      const out = join(full, 't.arrow');
      symlinkSync('/dev/full', `${out}.partial-${process.pid}`);
      const r = await runCli([
        'forecast',
        'scenarios/minimal.yaml',
        '--trials',
        '200',
        '--quiet',
        '--trials-out',
        out,
        ...extra,
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`salesops: cannot write ${out}: no space left on the device\n`);
      expect(readdirSync(full)).toEqual([]);
    },
  );

  it('a misspelt flag, a flag the command does not take, or a flag without its value is exit 2 and runs nothing', async () => {
    // yargs calls the command even after its check fails: the forecast used to run anyway.
    for (const [args, message] of [
      [['--trails', '500'], /Unknown argument: trails/],
      [['--out', 'x.json'], /Unknown argument: out/],
      [['--trials'], /Not enough arguments following: trials/],
      [['--workers', '--json'], /Not enough arguments following: workers/],
    ] as const) {
      const r = await runCli(['forecast', 'scenarios/minimal.yaml', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('rejects a --workers that is not a whole number from 1 to 256 (it would otherwise start no thread)', async () => {
    for (const w of ['0', '1.5', '1000']) {
      const r = await runCli(['forecast', 'scenarios/minimal.yaml', '--workers', w]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--workers: ✖ expected a whole number of worker threads/);
    }
    const r = await runCli(['forecast', 'scenarios/minimal.yaml', '--workers', 'abc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--workers: ✖ expected a decimal number, got "abc"\n');
  });

  it('rejects a bad --shard with exit 2', async () => {
    const r = await runCli(['forecast', 'scenarios/minimal.yaml', '--shard', '4/3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected K\/N/);
  });

  it('stops with a clear error, exit 2, when the scenario would overflow', async () => {
    const file = join(dir, 'huge.yaml');
    writeFileSync(
      file,
      `scenario: huge
currency: USD
calendar: {start: 2027-01, periods: 3}
simulation: {trials: 10, seed: 1}
markets: {m: {deal_size: 1000}}
channels: {c: {spend: 1e14, response: {curve: linear, cost_per_lead: 0.01}}}
funnel:
  - {stage: lead}
  - {stage: won, rate: 0.1}
`,
    );
    // In-process, on worker threads (20,000 trials × 3 periods is above the in-process limit),
    // and with a trials file, which must not be left behind.
    const arrow = join(dir, 'huge.arrow');
    for (const extra of [[], ['--trials', '20000', '--workers', '2'], ['--trials-out', arrow]]) {
      const r = await runCli(['forecast', file, '--json', ...extra]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      // The one diagnostic format: the scenario's file, the message, the field.
      expect(r.stderr).toMatch(
        /^[^\n]*huge\.yaml: ✖ leads of channel c would be 1\.00e\+16 in 2027-01: .* → at channels\.c\n$/,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('huge.arrow'))).toEqual([]);
  });
});
