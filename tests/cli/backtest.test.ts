/**
 * `salesops backtest` in-process on a small synthetic history: the table, --json, the
 * folder with a valid calibration chart, and exit 2 on bad flags.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSpec } from '../../src/charts/validate.js';
import { synthesize } from '../../src/history/synthesize.js';
import { actualsCsv } from '../../src/history/write-csv.js';
import { runCli } from '../helpers/cli.js';
import { modelOf } from '../helpers/model.js';

const ROOT = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'salesops-backtest-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const history = join(tmp, 'actuals.csv');
const model = modelOf(
  readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8').replace(
    /calendar:.*\n/,
    'calendar: {start: 2025-01, periods: 16}\n',
  ),
);
writeFileSync(history, actualsCsv(model, synthesize(model, { seed: 3 })));

describe('salesops backtest', () => {
  it('prints the score table', async () => {
    const r = await runCli(
      ['backtest', history, '--trials', '200', '--first', '2025-10', '--horizon', '2'],
      tmp,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 origins (2025-10 … 2026-03), 2 months ahead, 200 trials each');
    expect(r.stdout).toMatch(/\nleads +12 +\d+% +\d+% /);
    expect(r.stdout).toMatch(/\nall metrics +48 /);
  });

  it('writes JSON and the folder with a valid calibration chart', async () => {
    const out = join(tmp, 'bt');
    const r = await runCli(
      ['backtest', history, '--trials', '200', '--step', '2', '--json', '--out', out],
      tmp,
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      summary: { metric: string; n: number; coverage_80: number; crps: number | null }[];
      points: unknown[];
    };
    const all = json.summary.find((s) => s.metric === 'all')!;
    expect(all.n).toBe(json.points.length);
    expect(all.crps).toBeNull();
    expect(json.summary.find((s) => s.metric === 'leads')!.crps).toBeGreaterThan(0);
    expect(
      validateSpec(JSON.parse(readFileSync(join(out, 'charts/coverage.vl.json'), 'utf8'))),
    ).toEqual([]);
    const csv = readFileSync(join(out, 'backtest.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('metric,origin,period,ahead,actual,median,crps,pit,in_50,in_80');
    expect(csv).toHaveLength(json.points.length + 1);
  });

  it('exits 2 on bad flags', async () => {
    let r = await runCli(['backtest', history, '--horizon', '0'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--horizon: ✖ expected a whole number from 1 to 240, got 0\n');
    r = await runCli(['backtest', history, '--first', '2030-01'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--first: ✖ expected a month from 2025-03 to 2026-02 (at least 2 months of history before it, 3 after), got "2030-01"',
    );
    r = await runCli(['backtest', history, '--deals', history], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--deals: ✖ backtest reads the monthly actuals only');
  });
});
