/** `salesops compare` in-process: the JSON core, --variants, --set as a what-if, bad input. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FLAGS = ['--trials', '300', '--seed', '5', '--workers', '1'];
const SUMMARY_KEYS = ['mean', 'sd', 'se', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'];

describe('salesops compare', () => {
  it('--json: base and every variant with the stable core, on the same trials', async () => {
    const r = await runCli(['compare', 'scenarios/b2b-saas.yaml', '--json', ...FLAGS]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.trials).toBe(300);
    expect(Object.keys(json.base.bookings)).toEqual(SUMMARY_KEYS);
    expect(Object.keys(json.base.profit)).toEqual(SUMMARY_KEYS);
    expect(typeof json.base.target_probability).toBe('number');
    expect(Object.keys(json.variants)).toEqual([
      'hire_q2',
      'search_over_events',
      'faster_ramp',
      'recession',
    ]);
    for (const v of Object.values(json.variants) as Record<string, unknown>[]) {
      expect(Object.keys(v.bookings as object)).toEqual(SUMMARY_KEYS);
      expect(Object.keys(v.profit as object)).toEqual(SUMMARY_KEYS);
      expect(v).toHaveProperty('target_probability');
      const d = v.difference as {
        mean: number;
        lo: number;
        hi: number;
        spread: { p10: number; p50: number; p90: number };
      };
      expect(d.lo).toBeLessThanOrEqual(d.mean);
      expect(d.hi).toBeGreaterThanOrEqual(d.mean);
      expect(d.spread.p10).toBeLessThanOrEqual(d.spread.p50);
      expect(d.spread.p50).toBeLessThanOrEqual(d.spread.p90);
      expect(v.probability_better).toBeGreaterThanOrEqual(0);
      expect(v.probability_better).toBeLessThanOrEqual(1);
    }
    expect(json.variants.recession.difference.hi).toBeLessThan(0);
    expect(json.base.quarterly_target_probabilities).toHaveLength(4);
  }, 60_000);

  it('--set adds a what-if named after its edits, bit-identical to the variant with the same edits', async () => {
    const r = await runCli([
      'compare',
      'scenarios/b2b-saas.yaml',
      '--json',
      '--variants',
      'search_over_events',
      '--set',
      'channels.events.spend=12000',
      '--set',
      'channels.paid_search.spend=71000',
      ...FLAGS,
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const name = 'channels.events.spend=12000, channels.paid_search.spend=71000';
    expect(Object.keys(json.variants)).toEqual(['search_over_events', name]);
    const strip = ({ name: _n, label: _l, description: _d, ...rest }: Record<string, unknown>) =>
      rest;
    expect(strip(json.variants[name])).toEqual(strip(json.variants.search_over_events));
  }, 60_000);

  it('--variants= compares only the --set what-if; the table reads with the base first', async () => {
    const r = await runCli([
      'compare',
      'scenarios/b2b-saas.yaml',
      '--variants=',
      '--set',
      'team.ae.headcount=9',
      ...FLAGS,
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('300 trials, seed 5, every plan on the same trials');
    expect(lines.filter((l) => /^base /.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /^team\.ae\.headcount=9 /.test(l))).toHaveLength(2);
    expect(r.stdout).not.toContain('hire_q2');
    // each quantile column in one unit at one precision (never "15M" next to "14.7M")
    for (const head of ['bookings', 'profit']) {
      const rows = lines.slice(lines.findIndex((l) => l.startsWith(head)) + 1).slice(0, 2);
      const cells = rows.map((l) => l.trim().split(/ {2,}/).slice(1, 4));
      for (let c = 0; c < 3; c++) {
        const shape = cells.map((row) => row[c]!.replace(/\d/g, '9').replace(/^9+/, '9'));
        expect(shape[0], `${head} column ${c + 1}: ${cells.map((row) => row[c])}`).toBe(shape[1]);
      }
    }
  }, 60_000);

  it.each([
    [
      ['--variants', 'hire_q3'],
      'variants',
      'no variant "hire_q3"; did you mean hire_q2? The scenario has hire_q2, search_over_events, faster_ramp, recession',
    ],
    [
      ['--variants', 'hire_q2,,recession'],
      '--variants',
      'expected variant names separated by commas',
    ],
    [
      ['--set', 'channels.paid_serch.spend=80000'],
      'channels.paid_serch.spend',
      '--set: no field channels.paid_serch.spend; did you mean channels.paid_search.spend?',
    ],
    [['--set', 'funnel.won.rate=1.4'], 'funnel[4].rate', '--set: expected'],
    [['--set', 'channels.paid_search.spend'], '--set', 'expected PATH=VALUE'],
  ])('bad input %j exits 2 naming %s', async (flags, where, message) => {
    const r = await runCli(['compare', 'scenarios/b2b-saas.yaml', ...flags, ...FLAGS]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(where);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
