/**
 * `salesops reforecast` and `salesops run --actuals` in-process: the table, --json (the
 * forecast core with actuals_periods), --out with a valid chart, the report with its
 * Reforecast section, and exit 2 naming the file, row and column of actuals that are
 * malformed or do not fit the scenario.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSpec } from '../../src/charts/validate.js';
import { synthesize } from '../../src/history/synthesize.js';
import { actualsCsv } from '../../src/history/write-csv.js';
import type { Model } from '../../src/model/types.js';
import { runCli } from '../helpers/cli.js';
import { modelOf } from '../helpers/model.js';

const ROOT = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'salesops-reforecast-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const B2B = join(ROOT, 'scenarios/b2b-saas.yaml');
const H1 = join(ROOT, 'scenarios/history/b2b-2027-h1-actuals.csv');
const FLAGS = ['--trials', '300', '--workers', '1'];

/**
 * One synthetic world of `model` as an actuals CSV: its header, its rows over the whole
 * calendar, the rows of its first `months` periods, and the file `name` in tmp holding those.
 */
function firstMonths(model: Model, months: number, name: string) {
  const [header, ...all] = actualsCsv(model, synthesize(model, { seed: 4 }))
    .trimEnd()
    .split('\n');
  const kept = new Set(model.calendar.labels.slice(0, months));
  const first = all.filter((l) => kept.has(l.slice(0, 7)));
  const file = join(tmp, name);
  writeFileSync(file, `${[header, ...first].join('\n')}\n`);
  return { header: header!, rows: all, first, file };
}

// The minimal scenario's first four months, from one synthetic world of it.
const MINIMAL = join(ROOT, 'scenarios/minimal.yaml');
const minimal = modelOf(readFileSync(MINIMAL, 'utf8'));
const {
  header,
  rows: lines,
  first: four,
  file: minimalActuals,
} = firstMonths(minimal, 4, 'minimal-actuals.csv');

/** A row's cells, and a row with one cell replaced. */
const cells = (l: string) => l.split(',');
const withCell = (l: string, column: string, value: string) => {
  const c = cells(l);
  c[cells(header!).indexOf(column)] = value;
  return c.join(',');
};

describe('salesops reforecast', () => {
  it('prints the table with the actual quarters marked, against the plan', async () => {
    const r = await runCli(['reforecast', B2B, '--actuals', H1, ...FLAGS], tmp);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`reforecast from actuals 2027-01 … 2027-06 (6 of 12 months; ${H1})`);
    expect(r.stdout).toMatch(/FY2027 Q1 \(actual\) +FY2027 Q2 \(actual\) +FY2027 Q3 +FY2027 Q4/);
    // The actual quarters print the file's own wins, the same in every trial.
    const [head, ...rows] = readFileSync(H1, 'utf8').trimEnd().split('\n');
    const won = head!.split(',').indexOf('wins');
    const quarterWins = [0, 0];
    for (const row of rows) {
      const cells = row.split(',');
      quarterWins[Math.floor((Number(cells[0]!.slice(5, 7)) - 1) / 3)]! += Number(cells[won]);
    }
    expect(r.stdout).toMatch(new RegExp(`\\nwins P10 +${quarterWins[0]} +${quarterWins[1]} `));
    expect(r.stdout).toMatch(
      /horizon bookings P10–P90: plan .* \(width .*\), with actuals .* \(width .*\)/,
    );
    expect(r.stdout).toMatch(/open pipeline at 2027-07: \d+ items — lead \d+/);
    expect(r.stdout).toContain('funnel.won.rate: 22.8% → ');
  });

  it('prints the forecast core with actuals_periods, and the plan unless --no-plan', async () => {
    const r = await runCli(['reforecast', B2B, '--actuals', H1, ...FLAGS, '--json'], tmp);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown> & {
      actuals_periods: number;
      actuals: { fixed: string[]; periods: string[] };
      metrics: { leads: { periods: { sd: number }[] } };
      plan: { bookings: { p10: number } };
    };
    for (const key of [
      'scenario',
      'trials',
      'seed',
      'periods',
      'metrics',
      'stages',
      'channels',
      'targets',
    ])
      expect(j).toHaveProperty(key);
    expect(j.actuals_periods).toBe(6);
    expect(j.actuals.periods).toEqual([
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
    ]);
    expect(j.actuals.fixed).toContain('metrics.new_bookings');
    expect(j.actuals.fixed).toContain('channels.paid_search.leads');
    expect(j.metrics.leads.periods.slice(0, 6).map((s) => s.sd)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(j.plan.bookings.p10).toBeGreaterThan(0);
    const noPlan = await runCli(
      ['reforecast', B2B, '--actuals', H1, ...FLAGS, '--json', '--no-plan'],
      tmp,
    );
    expect(JSON.parse(noPlan.stdout)).not.toHaveProperty('plan');
  });

  it('writes the folder with a valid chart', async () => {
    const out = join(tmp, 'rf');
    const r = await runCli(
      ['reforecast', MINIMAL, '--actuals', minimalActuals, ...FLAGS, '--out', out],
      tmp,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`files: ${out}`);
    for (const f of [
      'reforecast.json',
      'forecast.csv',
      'charts/reforecast.svg',
      'charts/reforecast.png',
    ])
      expect(existsSync(join(out, f))).toBe(true);
    expect(
      validateSpec(JSON.parse(readFileSync(join(out, 'charts/reforecast.vl.json'), 'utf8'))),
    ).toEqual([]);
  });

  // Each kind of bad actuals, made from the minimal scenario's first four months (rows 1–4
  // on lines 2–5), the whole year (rows 1–12) where the calendar's end matters.
  const spendAt = cells(header!).indexOf('spend');
  const dropSpend = (l: string) =>
    cells(l)
      .filter((_, i) => i !== spendAt)
      .join(',');
  const total = (column: string, rows: readonly string[]) =>
    rows.reduce((a, l) => a + Number(cells(l)[cells(header!).indexOf(column)]), 0);
  const moreWins = [
    ...four.slice(0, 3),
    withCell(four[3]!, 'wins', String(total('leads', four) + 1)),
  ];
  const BAD: readonly (readonly [string, string, readonly string[], string])[] = [
    [
      'missing column',
      dropSpend(header!),
      four.map(dropSpend),
      '1: ✖ missing column spend; the header has period, channel, market, leads, trial, wins, bookings',
    ],
    [
      'text in a number column',
      header!,
      [four[0]!, withCell(four[1]!, 'leads', 'many'), ...four.slice(2)],
      '3: ✖ expected a number, got "many" → at row 2, column leads',
    ],
    [
      'a duplicate period',
      header!,
      [four[0]!, four[1]!, four[1]!, ...four.slice(2)],
      '4: ✖ 2027-02 for channel search_ads, market web already appears in row 2 → at row 3, column period',
    ],
    [
      'a negative count',
      header!,
      [...four.slice(0, 2), withCell(four[2]!, 'wins', '-1'), four[3]!],
      '4: ✖ expected a count or amount ≥ 0, got -1 → at row 3, column wins',
    ],
    [
      'more wins than leads',
      header!,
      moreWins,
      `5: ✖ channel search_ads, market web: ${total('wins', moreWins)} wins over the file but only ${total('trial', four)} trial; a stage cannot receive more items than the stage before it (are two columns swapped?) → at row 4, column wins`,
    ],
    [
      'months out of order',
      header!,
      [four[1]!, four[0]!, ...four.slice(2)],
      '3: ✖ periods must not go backwards: 2027-01 comes after 2027-02; sort the file by period → at row 2, column period',
    ],
    [
      'a month past the calendar',
      header!,
      [...lines, lines.at(-1)!.replace(/^2027-12/, '2028-01')],
      "14: ✖ 2028-01 is past the scenario's calendar, which ends in 2027-12 (12 months): the actuals cover the months before the rest of the horizon is forecast → at row 13, column period",
    ],
  ];

  it.each(BAD)(
    'exits 2 on %s, naming file, row and column, before simulating',
    async (kind, head, rows, message) => {
      const name = `${kind.replaceAll(' ', '-')}.csv`;
      writeFileSync(join(tmp, name), `${[head, ...rows].join('\n')}\n`);
      const out = join(tmp, `${name}-out`);
      const r = await runCli(
        ['reforecast', MINIMAL, '--actuals', name, '--out', out, ...FLAGS],
        tmp,
      );
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toBe(`${name}:${message}`);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false); // nothing was simulated or written
    },
  );

  it('exits 2 naming the flag or file it cannot use', async () => {
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, `${header}\n2027-01,search,web,8000.00,1000,120,30,18000.00\n`);
    let r = await runCli(['reforecast', MINIMAL, '--actuals', 'bad.csv'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'bad.csv:2: ✖ expected a channel of the scenario (search_ads), got "search"; did you mean search_ads? → at row 1, column channel\n',
    );
    r = await runCli(['reforecast', MINIMAL], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--actuals: ✖ name the monthly actuals CSV');
    r = await runCli(['reforecast', MINIMAL, '--actuals', 'nowhere.csv'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read nowhere.csv: no such file');
  });
});

describe('salesops run --actuals', () => {
  it('reports the reforecast: its section, the actuals chart, reforecast.json', async () => {
    const out = join(tmp, 'run');
    const r = await runCli(
      ['run', MINIMAL, '--actuals', minimalActuals, ...FLAGS, '--out', out, '--json'],
      tmp,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { reforecast: { actuals_periods: number; through: string } };
    expect(j.reforecast).toMatchObject({ actuals_periods: 4, through: '2027-04' });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<section id="reforecast">');
    expect(html).toContain('Sales forecast from actuals to 2027-04');
    expect(html).toContain('data-chart="reforecast"');
    expect(html).not.toContain('data-chart="fan"');
    // the what-if analyses simulate the plan from its first month: left out with actuals
    expect(html).not.toContain('<section id="sensitivity">');
    expect(html).not.toContain('<section id="compare">');
    expect(existsSync(join(out, 'reforecast.json'))).toBe(true);
    expect(existsSync(join(out, 'charts/reforecast.png'))).toBe(true);
  }, 60_000);

  it('counts the actual months of a partial last quarter out of its own length', async () => {
    // 8 months: the third quarter is two months long; actuals cover the first seven.
    const text = readFileSync(MINIMAL, 'utf8')
      .replace('periods: 12}', 'periods: 8}')
      .replace('targets: {bookings: 250000}', 'targets: {bookings: 150000, quarterly: [1, 1, 1]}');
    const short = join(tmp, 'eight.yaml');
    writeFileSync(short, text);
    const { file: actuals } = firstMonths(modelOf(text), 7, 'eight-actuals.csv');
    const out = join(tmp, 'eight-run');
    const r = await runCli(
      ['run', short, '--actuals', actuals, ...FLAGS, '--no-what-ifs', '--out', out],
      tmp,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('FY2027 Q3 (2 months) bookings ≥ €1) (1 of 2 months actual)');
    expect(html).toContain('FY2027 Q2 bookings ≥ €1) (all months actual)');
    expect(html).not.toMatch(/of 3 months actual/);
  }, 60_000);

  it('leaves out the quota and the allocation, which simulate the plan from its first month', async () => {
    const out = join(tmp, 'run-b2b');
    const r = await runCli(
      ['run', B2B, '--actuals', H1, ...FLAGS, '--no-what-ifs', '--out', out, '--json'],
      tmp,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j).not.toHaveProperty('quota');
    expect(j).not.toHaveProperty('allocation');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<section id="quota">');
    expect(html).not.toContain('<section id="allocation">');
    expect(html).toContain('Left out with actuals: the quota, the channel allocation');
    expect(existsSync(join(out, 'quota.json'))).toBe(false);
    expect(existsSync(join(out, 'allocation.json'))).toBe(false);
    // without actuals the same scenario's report has both
    const plain = join(tmp, 'run-b2b-plain');
    const p = await runCli(['run', B2B, ...FLAGS, '--no-what-ifs', '--out', plain, '--json'], tmp);
    expect(p.code).toBe(0);
    expect(JSON.parse(p.stdout)).toHaveProperty('quota');
    expect(JSON.parse(p.stdout)).toHaveProperty('allocation');
  }, 120_000);

  it('exits 2 on bad actuals before simulating or writing anything', async () => {
    writeFileSync(join(tmp, 'run-bad.csv'), `${header}\n${withCell(four[0]!, 'wins', '-2')}\n`);
    const out = join(tmp, 'run-bad');
    const r = await runCli(['run', MINIMAL, '--actuals', 'run-bad.csv', '--out', out], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'run-bad.csv:2: ✖ expected a count or amount ≥ 0, got -2 → at row 1, column wins\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses actuals with --from, and --dates without --actuals', async () => {
    let r = await runCli(['run', '--from', 'x.arrow', '--actuals', minimalActuals], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--actuals: ✖ not used with --from');
    r = await runCli(['run', MINIMAL, '--dates', 'dmy'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--dates: ✖ only used with --actuals');
  });
});
