/**
 * One trial cannot estimate a standard error or a spread: forecast, compare and sensitivity
 * still answer (exit 0), say so on stderr, and print every simulation error and every sd as not
 * available — null in the JSON, "n/a" in the tables (with a footnote), an empty CSV cell, "n/a"
 * in the report — never as 0. Two trials say nothing and print numbers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const WARNING = /warning: 1 trial cannot estimate a Monte Carlo standard error/;
const B2B = 'scenarios/b2b-saas.yaml';
const ONE = ['--trials', '1', '--workers', '1'];
/** A ± followed by a zero error: "± 0", "±0.00", "± 0.0%", "±$0", "± 0.0 pp". */
const PLUS_MINUS_ZERO = /±\s*[$€£¥]?0(?:\.0+)?(?![\d.,]*[1-9])/;

/** Every value under a standard-error key (`se`, `*_se`, also arrays of them) in a JSON value. */
function errors(value: unknown, key = ''): unknown[] {
  if (Array.isArray(value)) {
    return /(^|_)se$/.test(key) ? value : value.flatMap((v) => errors(v, key));
  }
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => errors(v, k));
  return /(^|_)se$/.test(key) ? [value] : [];
}

/** Every value under an `sd` key in a JSON value (every summary's, and sensitivity's own). */
function spreads(value: unknown, key = ''): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => spreads(v, key));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => spreads(v, k));
  return key === 'sd' ? [value] : [];
}

const dir = mkdtempSync(join(tmpdir(), 'salesops-one-trial-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--trials 1', () => {
  it.each(['forecast', 'compare', 'sensitivity'])(
    '%s answers, warns, and prints every simulation error as n/a (null in JSON), never ± 0',
    async (command) => {
      const one = await runCli([command, B2B, ...ONE]);
      expect(one.code).toBe(0);
      expect(one.stderr).toMatch(WARNING);
      expect(one.stdout).toMatch(/±\s?n\/a/);
      expect(one.stdout).not.toMatch(PLUS_MINUS_ZERO);
      expect(one.stdout).toContain('n/a: 1 trial is too few for a standard error; run more trials');
      // One trial, not "1 trials", wherever the run is named.
      expect(one.stdout).toMatch(/\b1 trial\b/);
      expect(one.stdout).not.toMatch(/\b1 trials\b/);

      const json = await runCli([command, B2B, ...ONE, '--json']);
      expect(json.code).toBe(0);
      const se = errors(JSON.parse(json.stdout));
      expect(se.length).toBeGreaterThan(0);
      expect(se.filter((v) => v !== null)).toEqual([]);
      const sd = spreads(JSON.parse(json.stdout));
      expect(sd.length).toBeGreaterThan(0);
      expect(sd.filter((v) => v !== null)).toEqual([]);

      const two = await runCli([command, B2B, '--trials', '2', '--workers', '1']);
      expect(two.code).toBe(0);
      expect(two.stderr).not.toMatch(WARNING);
      expect(two.stdout).not.toMatch(/n\/a: /);
      const twoJson = await runCli([command, B2B, '--trials', '2', '--workers', '1', '--json']);
      expect(errors(JSON.parse(twoJson.stdout)).every((v) => typeof v === 'number')).toBe(true);
      expect(spreads(JSON.parse(twoJson.stdout)).every((v) => typeof v === 'number')).toBe(true);
    },
    120_000,
  );

  it('sensitivity: the metric’s sd reads n/a in the table (a number from two trials)', async () => {
    const one = await runCli(['sensitivity', B2B, ...ONE]);
    expect(one.stdout).toMatch(/\(mean [\d.]+M, sd n\/a\)/);
    expect(one.stdout).toMatch(/, 1 trial a run\n/);
    expect(one.stdout).toContain('shares of variance: 1 trial with every input uncertain (mean');
    const two = await runCli(['sensitivity', B2B, '--trials', '2', '--workers', '1']);
    expect(two.stdout).toMatch(/\(mean [\d.]+M, sd [\d.]+[kM]?\)/);
    expect(two.stdout).toMatch(/, 2 trials a run\n/);
    expect(two.stdout).toContain('shares of variance: 2 trials with every input uncertain (mean');
  }, 120_000);

  it('compare: the interval of a mean difference is null too', async () => {
    const json = JSON.parse((await runCli(['compare', B2B, ...ONE, '--json'])).stdout);
    for (const v of Object.values(json.variants) as { difference: object }[])
      expect(v.difference).toMatchObject({ lo: null, hi: null, se: null });
  }, 60_000);

  it('forecast --csv leaves the sd and se cells empty (numbers again from two trials)', async () => {
    const cells = async (trials: string) => {
      const csv = join(dir, `trials-${trials}.csv`);
      const flags = ['--trials', trials, '--workers', '1', '--csv', csv, '--quiet'];
      expect((await runCli(['forecast', B2B, ...flags])).code).toBe(0);
      const [head, ...rows] = readFileSync(csv, 'utf8').trim().split('\n');
      const columns = head!.split(',');
      expect(rows.length).toBeGreaterThan(0);
      // Breakdown rows per period carry only a mean and its se: their sd cell is always empty.
      const summaries = rows.map((r) => r.split(',')).filter((r) => r[3] === 'total');
      expect(summaries.length).toBeGreaterThan(0);
      return (name: string) => summaries.map((r) => r[columns.indexOf(name)]);
    };
    const one = await cells('1');
    expect(one('sd').filter((c) => c !== '')).toEqual([]);
    expect(one('se').filter((c) => c !== '')).toEqual([]);
    const two = await cells('2');
    expect(two('sd').every((c) => c !== '' && Number.isFinite(Number(c)))).toBe(true);
    expect(two('se').every((c) => c !== '' && Number.isFinite(Number(c)))).toBe(true);
  }, 60_000);

  it('quota and allocate: their summaries have sd null too', async () => {
    const q = JSON.parse((await runCli(['quota', B2B, ...ONE, '--json'])).stdout);
    expect(q.share_reaching_quota).toMatchObject({ sd: null, se: null });
    expect(q.bookings).toMatchObject({ sd: null, se: null });
    const a = JSON.parse((await runCli(['allocate', B2B, ...ONE, '--json'])).stdout);
    const table = (await runCli(['allocate', B2B, ...ONE])).stdout;
    expect(table).toMatch(/^1 trial, seed 2027; searched on seed 2028 \(1 trial\), /m);
    expect(table).not.toMatch(/\b1 trials\b/);
    expect(a.value.current).toMatchObject({ sd: null, se: null });
    expect(a.value.recommended).toMatchObject({ sd: null, se: null });
  }, 120_000);

  it('run: the report says n/a where an error would be, and never ± 0', async () => {
    const out = join(dir, 'run');
    const r = await runCli(['run', B2B, ...ONE, '--out', out]);
    expect(r.code).toBe(0);
    const page = readFileSync(join(out, 'report.html'), 'utf8');
    // Neither the prose nor the charts' footnotes (in the embedded specs) say "1 trials".
    expect(page).toContain('Over the whole horizon, from 1 trial (seed 2027).');
    expect(page).not.toMatch(/\b1 trials\b/);
    const html = page.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<svg[\s\S]*?<\/svg>/g, '');
    const text = html.replace(/<[^>]+>/g, '').replaceAll('\u2060', '');
    expect(text).toMatch(/±\s?n\/a/);
    expect(text).not.toMatch(PLUS_MINUS_ZERO);
    expect(text).toContain('one trial cannot estimate it, so every ± reads n/a');
  }, 120_000);
});
