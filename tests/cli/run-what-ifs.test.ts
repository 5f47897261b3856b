/** `salesops run` adds What-ifs (variants, --set) and What drives it to the report, with their files. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'salesops-run-whatifs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FLAGS = ['--trials', '300', '--seed', '4', '--workers', '1', '--quiet'];

describe('salesops run with what-ifs', () => {
  it('compares every variant and the --set what-if on the forecast’s trials, and shows what drives the plan', async () => {
    const out = join(dir, 'b2b');
    const r = await runCli([
      'run',
      'scenarios/b2b-saas.yaml',
      '--out',
      out,
      '--set',
      'team.ae.headcount=8',
      ...FLAGS,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const compare = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8'));
    const forecast = JSON.parse(readFileSync(join(out, 'forecast.json'), 'utf8'));
    expect(Object.keys(compare.variants)).toEqual([
      'hire_q2',
      'search_over_events',
      'faster_ramp',
      'recession',
      'team.ae.headcount=8',
    ]);
    // The forecast is of the --set plan; the comparison's what-if is that plan, on its trials.
    expect(compare.trials).toBe(forecast.trials);
    expect(compare.variants['team.ae.headcount=8'].bookings.p50).toBe(
      forecast.metrics.bookings.total.p50,
    );
    const sensitivity = JSON.parse(readFileSync(join(out, 'sensitivity.json'), 'utf8'));
    expect(sensitivity.trials).toEqual({ variance: 300, tornado: 50 });
    // The report's spider: P10, the quartiles, the median and P90.
    expect(sensitivity.spider[0].points.map((p: { percentile: number }) => p.percentile)).toEqual([
      0.1, 0.25, 0.5, 0.75, 0.9,
    ]);
    const charts = readdirSync(join(out, 'charts'));
    for (const name of [
      'compare-difference',
      'compare-target',
      'tornado',
      'variance-shares',
      'spider',
    ]) {
      expect(charts).toContain(`${name}.png`);
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<section id="compare">');
    expect(html).toContain('<section id="sensitivity">');
  }, 120_000);

  it('--no-what-ifs writes the forecast’s report alone', async () => {
    const out = join(dir, 'forecast-only');
    const r = await runCli([
      'run',
      'scenarios/b2b-saas.yaml',
      '--out',
      out,
      '--no-what-ifs',
      ...FLAGS,
    ]);
    expect(r.code).toBe(0);
    const files = readdirSync(out);
    expect(files).not.toContain('compare.json');
    expect(files).not.toContain('sensitivity.json');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<section id="compare">');
    expect(html).not.toContain('<section id="sensitivity">');
  }, 120_000);

  it('a scenario without variants gets no What-ifs section', async () => {
    const out = join(dir, 'minimal');
    const r = await runCli(['run', 'scenarios/minimal.yaml', '--out', out, ...FLAGS]);
    expect(r.code).toBe(0);
    const files = readdirSync(out);
    expect(files).not.toContain('compare.json');
    expect(files).toContain('sensitivity.json');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<section id="compare">');
    expect(html).toContain('<section id="sensitivity">');
  }, 120_000);
});
