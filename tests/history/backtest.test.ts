/**
 * Backtest on synthetic history: histories simulated item by item from a known scenario are
 * backtested with rolling origins; the nominal 80% intervals must cover between 70% and 90%
 * of what happened. The scores themselves are checked on cases worked by hand.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BacktestPoint, backtest, summarise } from '../../src/history/backtest.js';
import { readActuals } from '../../src/history/read-actuals.js';
import { crpsSorted, scoreSamples } from '../../src/history/scores.js';
import { synthesize } from '../../src/history/synthesize.js';
import { actualsCsv } from '../../src/history/write-csv.js';
import { modelOf } from '../helpers/model.js';

const tmp = mkdtempSync(join(tmpdir(), 'salesops-backtest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PERIODS = 27;
const TRUTH = `scenario: backtest truth
calendar: {start: 2024-01, periods: ${PERIODS}}
markets:
  smb: {deal_size: {dist: lognormal, median: 9000, p90: 22000}, growth: 0.01}
channels:
  search:
    spend: [${Array.from({ length: PERIODS }, (_, t) => 15000 + 5000 * ((t * 5) % 4)).join(', ')}]
    response: {curve: linear, cost_per_lead: 60}
    leads_cv: 0.1
  partners:
    response: {curve: fixed, leads: 80}
funnel:
  - {stage: lead}
  - {stage: opp, rate: 0.2, lag: [0.6, 0.4]}
  - {stage: won, rate: 0.3, lag: [0.3, 0.4, 0.3]}
`;

describe('scores', () => {
  it('computes the fair sample CRPS and the mid-PIT interval checks by hand', () => {
    // samples 1, 2, 3 and y = 2: E|X − y| = 2/3; Σ|xᵢ − xⱼ| over ordered pairs = 8, /(3·2) → ½·8/6
    expect(crpsSorted([1, 2, 3], 2)).toBeCloseTo(2 / 3 - 8 / 12, 12);
    expect(crpsSorted([5], 2)).toBe(3);
    const s = scoreSamples(Float64Array.of(3, 1, 2, 4), 2.5);
    expect(s.median).toBe(2.5);
    expect(s.pit).toBe(0.5);
    expect(s.inside.every(Boolean)).toBe(true);
    // all ten samples tie with the outcome: mid-PIT ½, inside every central interval
    expect(scoreSamples(new Float64Array(10).fill(4), 4).pit).toBe(0.5);
    const out = scoreSamples(
      Float64Array.from({ length: 10 }, (_, i) => i),
      100,
    );
    expect(out.pit).toBe(1);
    expect(out.inside.some(Boolean)).toBe(false);
    const sum = summarise('x', [s, out]);
    expect(sum.coverage80).toBe(0.5);
    expect(sum.medianError).toBeCloseTo((2.5 - 2.5 + (100 - 4.5)) / 2, 12);
  });
});

describe('backtest on synthetic history', () => {
  it('covers 70–90% of outcomes with its nominal 80% intervals', async () => {
    const model = modelOf(TRUTH);
    const points: BacktestPoint[] = [];
    for (const seed of [1, 2]) {
      const file = join(tmp, `history-${seed}.csv`);
      writeFileSync(file, actualsCsv(model, synthesize(model, { seed })));
      const a = await readActuals(file);
      if (!a.ok) throw new Error('unreadable synthetic history');
      const r = await backtest(a.value, { horizon: 3, trials: 400, first: 12, workers: 1, seed });
      expect(r.metrics).toEqual(['leads', 'opp', 'wins', 'bookings']);
      expect(r.origins).toHaveLength(PERIODS - 3 - 12 + 1);
      points.push(...r.points);
    }
    const all = summarise('all', points);
    expect(all.n).toBe(2 * 13 * 3 * 4);
    expect(all.coverage80).toBeGreaterThanOrEqual(0.7);
    expect(all.coverage80).toBeLessThanOrEqual(0.9);
    console.log(
      JSON.stringify({
        coverage50: all.coverage50,
        coverage80: all.coverage80,
        byMetric: ['leads', 'opp', 'wins', 'bookings'].map((m) => [
          m,
          summarise(
            m,
            points.filter((p) => p.metric === m),
          ).coverage80,
        ]),
      }),
    );
  }, 120_000);
});
