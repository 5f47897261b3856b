/** `salesops quota` in-process: table, JSON core, CSV, --out folder, and bad input → exit 2 naming the flag or field. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'salesops-quota-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SUMMARY_KEYS = ['mean', 'sd', 'se', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'];
const B2B = 'scenarios/b2b-saas.yaml';

describe('salesops quota', () => {
  it('prints the team target with its error, a row per rep and the warning on stderr', async () => {
    const r = await runCli(['quota', B2B, '--trials', '200', '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /team target [\d.]+M: the horizon bookings reached with 60% probability\n {2}Monte Carlo error ± [\d.]+k \(95% interval [\d.]+M–[\d.]+M\)/,
    );
    expect(r.stdout).toMatch(
      /rep +start +share +quota +FY2027 Q1 +FY2027 Q2 +FY2027 Q3 +FY2027 Q4 +P\(reach\) +attainment/,
    );
    expect(r.stdout.match(/^ae-\d\d /gm)).toHaveLength(10);
    expect(r.stdout).toMatch(/^team +100\.0% +[\d.]+M/m);
    expect(r.stderr).toMatch(/salesops: warning: fewer than half of the reps/);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('shows the share of bookings no seat can earn, and warns when it is material', async () => {
    const r = await runCli([
      'quota',
      B2B,
      '--trials',
      '200',
      '--workers',
      '1',
      '--set',
      'team.ae.headcount=0',
    ]);
    expect(r.code).toBe(0);
    const shown =
      /bookings in months with no ae rep: ([\d.]+)% of the horizon's, in the target but earned by no seat \(rep quotas ≈ ([\d.]+)× what the reps can book\)/.exec(
        r.stdout,
      );
    expect(shown).not.toBeNull();
    const share = Number(shown![1]) / 100;
    expect(share).toBeGreaterThan(0.05);
    expect(Number(shown![2])).toBeCloseTo(1 / (1 - share), 1);
    expect(r.stderr).toContain(
      `salesops: warning: ${shown![1]}% of horizon bookings fall in months with no ae rep`,
    );
  });

  it('one trial: no Monte Carlo error is claimed, in the table or the JSON', async () => {
    const table = await runCli(['quota', B2B, '--trials', '1', '--workers', '1']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(': 1 trial, seed');
    expect(table.stdout).toContain(
      'Monte Carlo error not available: 1 trial is too few for a 95% interval; run more trials',
    );
    expect(table.stdout).not.toMatch(/± 0\b|0\.0% ± 0\.0%/);
    expect(table.stdout).toMatch(/the team books it in [01] of 1 trial\n/);
    const json = await runCli(['quota', B2B, '--trials', '1', '--workers', '1', '--json']);
    const q = JSON.parse(json.stdout);
    expect(q.team_target_interval).toBeNull();
    expect(q.team_target_se).toBeNull();
  });

  it('--json prints the quota core; --confidence overrides the block', async () => {
    const r = await runCli([
      'quota',
      B2B,
      '--trials',
      '400',
      '--workers',
      '1',
      '--json',
      '--confidence',
      '0.8',
    ]);
    expect(r.code).toBe(0);
    const q = JSON.parse(r.stdout);
    expect(Object.keys(q).slice(0, 5)).toEqual([
      'role',
      'confidence',
      'team_target',
      'reps',
      'share_reaching_quota',
    ]);
    expect(q.role).toBe('ae');
    expect(q.confidence).toBe(0.8);
    expect(Object.keys(q.share_reaching_quota)).toEqual(SUMMARY_KEYS);
    for (const rep of q.reps) {
      expect(rep).toMatchObject({
        id: expect.stringMatching(/^ae-\d\d$/),
        quota: expect.any(Number),
        expected_attainment: expect.any(Number),
      });
    }
    // A target the team reaches 80% of the time is lower than the median.
    expect(q.team_target).toBeLessThan(q.bookings.p50);
  });

  describe('--csv, --out and --json in one run', () => {
    const file = join(dir, 'quotas.csv');
    const out = join(dir, 'out');
    let q: { total_quota: number };
    let printed = '';
    beforeAll(async () => {
      const r = await runCli([
        'quota',
        B2B,
        '--trials',
        '300',
        '--workers',
        '1',
        '--csv',
        file,
        '--out',
        out,
        '--json',
      ]);
      expect(r.code).toBe(0);
      printed = r.stdout;
      q = JSON.parse(r.stdout);
    });

    it('--csv writes one row per rep whose quarters and months add up to its quota', () => {
      const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
      expect(head).toBe(
        'rep_id,role,kind,start,currency,capacity_share,quota,quota_FY2027_Q1,quota_FY2027_Q2,quota_FY2027_Q3,quota_FY2027_Q4,' +
          Array.from({ length: 12 }, (_, t) => `quota_2027-${String(t + 1).padStart(2, '0')}`).join(
            ',',
          ),
      );
      expect(rows).toHaveLength(10);
      const cents = (x: string) => Math.round(Number(x) * 100);
      let total = 0;
      for (const row of rows) {
        const f = row.split(',');
        expect(f.slice(1, 5)).toEqual([
          'ae',
          expect.stringMatching(/^(starting|hire)$/),
          expect.stringMatching(/^2027-\d\d$/),
          'USD',
        ]);
        for (const money of f.slice(6)) expect(money).toMatch(/^\d+\.\d\d$/);
        const quarters = f.slice(7, 11).map(cents);
        const months = f.slice(11).map(cents);
        expect(quarters.reduce((a, b) => a + b, 0)).toBe(cents(f[6]!));
        expect(months.reduce((a, b) => a + b, 0)).toBe(cents(f[6]!));
        total += cents(f[6]!);
      }
      // Rounded to the cent month by month: at most half a cent per cell away from the total.
      expect(Math.abs(total / 100 - q.total_quota)).toBeLessThanOrEqual(0.005 * 12 * 10);
    });

    it('--out writes quota.json (what --json prints), quota.csv and each chart as spec, SVG and PNG', () => {
      expect(
        readdirSync(out)
          .filter((f) => !f.startsWith('.'))
          .sort(),
      ).toEqual(['charts', 'quota.csv', 'quota.json']);
      expect(readFileSync(join(out, 'quota.json'), 'utf8')).toBe(printed);
      expect(readFileSync(join(out, 'quota.csv'), 'utf8')).toBe(readFileSync(file, 'utf8'));
      expect(readdirSync(join(out, 'charts')).sort()).toEqual(
        ['quota-attainment', 'quota-distribution', 'quota-reps'].flatMap((n) => [
          `${n}.png`,
          `${n}.svg`,
          `${n}.vl.json`,
        ]),
      );
    });
  });

  it('--role and --confidence make a quota for a scenario without a quota block', async () => {
    const r = await runCli([
      'quota',
      'scenarios/consumer-brand.yaml',
      '--trials',
      '200',
      '--workers',
      '1',
      '--role',
      'advisors',
      '--confidence',
      '0.5',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const q = JSON.parse(r.stdout);
    expect(q.role).toBe('advisors');
    expect(q.reps).toHaveLength(55 + 5 + 8);
  });
});

describe('salesops quota: bad input exits 2 naming the flag or field', () => {
  const fixture = (
    name: string,
    quota: string,
    extraTeam = '',
    ae = '{headcount: 3, capacity: 10}',
  ) => {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(
      file,
      `scenario: bad quota
calendar: {start: 2027-01, periods: 12}
markets: {m: {deal_size: 1000}}
channels: {c: {response: {curve: fixed, leads: 20}}}
funnel: [{stage: lead}, {stage: won, rate: 0.3, worked_by: ae}]
team: {ae: ${ae}${extraTeam}}
${quota}
`,
    );
    return file;
  };

  it.each([
    ['0', /^--confidence: ✖ expected a probability strictly between 0 and 1, got 0$/m],
    ['1', /^--confidence: ✖ expected a probability strictly between 0 and 1, got 1$/m],
    ['1.5', /^--confidence: ✖ expected a probability strictly between 0 and 1, got 1.5$/m],
    ['-0.2', /^--confidence: ✖ expected a probability strictly between 0 and 1, got -0.2$/m],
  ])('--confidence %s', async (c, message) => {
    const r = await runCli(['quota', B2B, '--trials', '50', `--confidence=${c}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('--confidence without a number', async () => {
    const r = await runCli(['quota', B2B, '--trials', '50', '--confidence', 'high']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--confidence: ✖ expected a decimal number, got "high"\n');
  });

  it('a quota role with more seats than the limit: quota and the main job stop before simulating, naming the file', async () => {
    fixture(
      'huge-team',
      'quota: {role: ae, confidence: 0.6}',
      '',
      '{headcount: 100000, capacity: 10, hires: {"2027-06": 1}}',
    );
    const message =
      'huge-team.yaml: ✖ role ae would carry 100,001 quota seats (a starting headcount of 100,000 and 1 planned hires), above the limit of 100,000: per-rep quotas take memory and time with every seat; check team.ae.headcount and hires → at team.ae\n';
    const quota = await runCli(['quota', 'huge-team.yaml', '--trials', '50'], dir);
    expect(quota).toMatchObject({ code: 2, stderr: message });
    const out = join(dir, 'huge-team-out');
    const run = await runCli(['run', 'huge-team.yaml', '--trials', '50', '--out', out], dir);
    expect(run).toMatchObject({ code: 2, stderr: message });
    expect(existsSync(out)).toBe(false);
  });

  it('--role that is not in the team, or works no stage', async () => {
    const file = fixture(
      'ops',
      'quota: {role: ae, confidence: 0.6}',
      ', ops: {headcount: 1, cost: 9000}',
    );
    const missing = await runCli(['quota', file, '--trials', '50', '--role', 'sales']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('--role: ✖ no role "sales" in the team; expected one of ae, ops\n');
    const idle = await runCli(['quota', file, '--trials', '50', '--role', 'ops']);
    expect(idle.code).toBe(2);
    expect(idle.stderr).toMatch(/^--role: ✖ role "ops" works no funnel stage/);
  });

  it('a quota block whose role is not in the team, works no stage, or whose confidence is out of (0, 1)', async () => {
    const unknown = await runCli([
      'quota',
      fixture('unknown', 'quota: {role: sales, confidence: 0.6}'),
      '--trials',
      '50',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /unknown\.yaml:7: ✖ no role "sales"; expected one of ae → at quota\.role/,
    );
    const idle = await runCli([
      'quota',
      fixture('idle', 'quota: {role: ops, confidence: 0.6}', ', ops: {headcount: 1}'),
      '--trials',
      '50',
    ]);
    expect(idle.code).toBe(2);
    expect(idle.stderr).toMatch(
      /idle\.yaml:7: ✖ role "ops" works no funnel stage.* → at quota\.role/,
    );
    const sure = await runCli([
      'quota',
      fixture('sure', 'quota: {role: ae, confidence: 1}'),
      '--trials',
      '50',
    ]);
    expect(sure.code).toBe(2);
    expect(sure.stderr).toMatch(
      /sure\.yaml:7: ✖ expected a probability strictly between 0 and 1 \(0\.6 for 60%\), got number 1 → at quota\.confidence/,
    );
  });

  it('a scenario without a quota block and no --role', async () => {
    const r = await runCli(['quota', fixture('none', ''), '--trials', '50']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/none\.yaml: ✖ the scenario has no quota block.* → at quota/);
  });

  it('an --out folder that is not ours is refused before simulating', async () => {
    const out = join(dir, 'theirs');
    rmSync(out, { recursive: true, force: true });
    writeFileSync(join(dir, 'theirs'), 'not a folder');
    const r = await runCli(['quota', B2B, '--trials', '50', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--out: ✖ /);
    expect(existsSync(join(dir, 'theirs'))).toBe(true);
  });
});

describe('salesops run with a quota block', () => {
  it('adds quota.json, quota.csv, the quota charts and a Quota section to the report', async () => {
    const out = join(dir, 'run');
    const r = await runCli([
      'run',
      B2B,
      '--trials',
      '300',
      '--workers',
      '1',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const payload = JSON.parse(r.stdout);
    expect(payload.quota).toMatchObject({ role: 'ae', confidence: 0.6 });
    for (const f of [
      'quota.json',
      'quota.csv',
      'charts/quota-reps.png',
      'charts/quota-attainment.svg',
    ])
      expect(payload.files).toContain(join(out, f));
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const q = JSON.parse(readFileSync(join(out, 'quota.json'), 'utf8'));
    expect(html).toContain('<section id="quota">');
    expect(html.indexOf('id="quota"')).toBeLessThan(html.indexOf('id="methodology"'));
    expect(html).toContain('<a href="#quota">Quota</a>');
    for (const name of ['quota-distribution', 'quota-attainment', 'quota-reps'])
      expect(html).toContain(`id="spec-${name}"`);
    // The section's numbers are the run's: the team target and every rep.
    expect(html).toContain(`$${(q.team_target / 1e6).toPrecision(3)}M`);
    for (const rep of q.reps) expect(html).toContain(`<th scope="row">${rep.id}</th>`);
    expect(html).toContain('<strong>Warning:</strong> fewer than half of the reps');
  });

  it('leaves the report as it was for a scenario without one', async () => {
    const out = join(dir, 'run-minimal');
    const r = await runCli([
      'run',
      'scenarios/minimal.yaml',
      '--trials',
      '100',
      '--workers',
      '1',
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'quota.json'))).toBe(false);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).not.toContain('id="quota"');
  });
});
