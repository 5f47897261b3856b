/** `salesops run` in-process on the B2B example with few trials: the output folder, --json, atomicity, bad input. */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCli } from '../../src/cli/app.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'salesops-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function salesops(...argv: string[]) {
  return salesopsIn(ROOT, ...argv);
}

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

// The what-if sections have their own test (run-what-ifs.test.ts); these check the run itself.
const FLAGS = ['--trials', '500', '--seed', '11', '--workers', '1', '--no-what-ifs'];

describe('salesops run', () => {
  it('writes the report, JSON, CSV and every chart as spec, SVG and PNG, and prints a summary', async () => {
    const out = join(dir, 'b2b');
    const r = await salesops('run', 'scenarios/b2b-saas.yaml', '--out', out, ...FLAGS);
    // The example's quota block over-assigns: its one warning is the quota's.
    expect(r.stderr).toMatch(
      /^salesops: warning: fewer than half of the reps are expected to reach quota [^\n]*\n$/,
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toContain('500 trials, seed 11');
    // The executive summary, one bullet per sentence, the same sentences as the report's.
    expect(lines[1]).toMatch(
      /^• We expect to book \$[\d.]+M in Jan–Dec 2027 .*\$[\d.]+M \(P10\) and \$[\d.]+M \(P90\)\.$/,
    );
    expect(
      lines.some((l) => /^• AE capacity binds: capacity-bound in \d+ of 12 months/.test(l)),
    ).toBe(true);
    expect(lines).toContainEqual(
      expect.stringMatching(/P\(bookings ≥ \$12.5M\) = \d+% ± [\d.]+ pp/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^quota \(AE\): team target \$[\d.]+M at 60% confidence, total quota \$[\d.]+M; \d+% of reps expected to reach quota$/,
      ),
    );
    // The scenario has an allocation block: the run allocates too (docs/allocate.md).
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^recommended split of \$100k a period: Paid search \$[\d.]+k?, Content/,
      ),
    );
    expect(lines.at(-2)).toBe(`report: ${join(out, 'report.html')}`);
    expect(lines.at(-1)).toBe(`charts for slides: ${join(out, 'charts')}/*.png`);
    const json = JSON.parse(readFileSync(join(out, 'forecast.json'), 'utf8'));
    expect(json.trials).toBe(500);
    expect(json.seed).toBe(11);
    expect(readFileSync(join(out, 'forecast.csv'), 'utf8').length).toBeGreaterThan(100);
    const charts = readdirSync(join(out, 'charts'));
    expect(JSON.parse(readFileSync(join(out, 'allocation.json'), 'utf8')).budget).toBe(100000);
    expect(readFileSync(join(out, 'allocation.csv'), 'utf8')).toMatch(/^section,budget,channel/);
    for (const name of [
      'allocation',
      'response-curves',
      'budget-curve',
      'uplift',
      'fan',
      'quarterly',
      'cumulative',
      'distribution',
      'funnel',
      'channels',
      'team',
      'headcount',
    ]) {
      expect(charts).toContain(`${name}.vl.json`);
      expect(charts).toContain(`${name}.svg`);
      expect(charts).toContain(`${name}.png`);
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<h1>Acme FY2027 plan</h1>');
    expect(html).toContain('<section id="allocation">');
    // No temporary or old sibling folders are left behind.
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 180_000);

  it('--json prints {report, files, summary} and nothing else; a rerun replaces its own folder', async () => {
    const out = join(dir, 'b2b');
    const r = await salesops('run', 'scenarios/b2b-saas.yaml', '--out', out, '--json', ...FLAGS);
    expect(r.code).toBe(0);
    const payload = JSON.parse(r.stdout);
    expect(payload.report).toBe(join(out, 'report.html'));
    expect(payload.files).toContain(join(out, 'charts', 'fan.png'));
    for (const f of payload.files) expect(existsSync(f)).toBe(true);
    const forecast = JSON.parse(readFileSync(join(out, 'forecast.json'), 'utf8'));
    expect(payload.summary.bookings.p50).toBe(forecast.metrics.bookings.total.p50);
    expect(payload.summary.target.probability).toBe(forecast.targets.bookings.probability);
    expect(payload.summary.sentences[0]).toMatch(/^We expect to book/);
  }, 180_000);

  it('refuses to replace a folder it did not write, and leaves it untouched', async () => {
    const out = join(dir, 'precious');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    const r = await salesops('run', 'scenarios/b2b-saas.yaml', '--out', out, ...FLAGS);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out: ✖');
    expect(r.stderr).toContain('was not written by salesops');
    expect(readdirSync(out)).toEqual(['notes.txt']);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 60_000);

  it('refuses an --out it cannot create at once, exit 2 (under /proc Node’s recursive mkdir would spin forever)', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const targets = [
      join(file, 'out'),
      ...(existsSync('/proc/self') ? ['/proc/salesops-out'] : []),
    ];
    for (const out of targets) {
      const r = await salesops('run', 'scenarios/minimal.yaml', '--out', out, ...FLAGS);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--out: ✖ cannot write /);
    }
  });

  it('writes a variant to its own default folder, next to the base', async () => {
    const here = join(dir, 'defaults');
    mkdirSync(here);
    const plan = join(ROOT, 'scenarios/b2b-saas.yaml');
    const base = await salesopsIn(here, 'run', plan, '--json', ...FLAGS);
    const variant = await salesopsIn(here, 'run', plan, '--variant', 'hire_q2', '--json', ...FLAGS);
    expect(JSON.parse(base.stdout).report).toBe(join(here, 'out/b2b-saas/report.html'));
    expect(JSON.parse(variant.stdout).report).toBe(join(here, 'out/b2b-saas.hire_q2/report.html'));
    expect(readdirSync(join(here, 'out')).sort()).toEqual(['b2b-saas', 'b2b-saas.hire_q2']);
  }, 180_000);

  it('exits 2 with a located message on a bad scenario and writes nothing', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'scenario: x\ncurrency: USD\ncalendar: {start: 2027-01, periods: 0}\n');
    const out = join(dir, 'bad-out');
    const r = await salesops('run', bad, '--out', out, ...FLAGS);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml');
    expect(existsSync(out)).toBe(false);
  });
});

describe('salesops render', () => {
  it('renders a written spec to SVG and PNG, and rejects an invalid spec with exit 2', async () => {
    const spec = join(dir, 'b2b', 'charts', 'fan.vl.json');
    const outDir = join(dir, 'rendered');
    const ok = await salesops('render', spec, '--out', outDir, '--scale', '1');
    expect(ok.code).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(['fan.png', 'fan.svg']);
    const badSpec = join(dir, 'bad.vl.json');
    writeFileSync(badSpec, JSON.stringify({ mark: 'nonsense', data: { values: [] } }));
    const bad = await salesops('render', badSpec, '--out', outDir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.vl.json');
    expect(bad.stderr).toContain('not a valid Vega-Lite spec');
    const notJson = join(dir, 'broken.vl.json');
    writeFileSync(notJson, '{ "mark": ');
    expect((await salesops('render', notJson)).code).toBe(2);
  }, 60_000);

  it('checks that --out, the folder the files go into, can be written (not its parent)', async () => {
    if (!existsSync('/proc/self')) return; // procfs is Linux's
    // /proc's parent (/) can take a folder, /proc itself cannot: refused before rendering.
    const r = await salesops('render', join(dir, 'b2b', 'charts', 'fan.vl.json'), '--out', '/proc');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--out: ✖ cannot write /proc: /proc: nothing can be created there\n');
  });

  it('refuses a spec whose data is named by URL with exit 2, writing nothing', async () => {
    const spec = join(dir, 'rel.vl.json');
    writeFileSync(
      spec,
      JSON.stringify({
        mark: 'bar',
        data: { url: 'x.csv' },
        encoding: { x: { field: 'a', type: 'quantitative' } },
      }),
    );
    const out = join(dir, 'rel-out');
    const r = await salesops('render', spec, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rel.vl.json: ✖ charts must carry their data inline');
    expect(r.stderr).toContain('loads "x.csv"');
    expect(existsSync(out)).toBe(false);
  });
});
