/**
 * Golden tests: the chart specs of a REAL forecast of scenarios/b2b-saas.yaml (2,000
 * trials, seed 2027), with every number rounded to 3 significant digits before comparing
 * (Observable Plot's snapshot rounding), pinned in tests/charts/golden/NAME.vl.json.snap (an extension
 * Biome leaves alone, so the formatter never rewrites a snapshot).
 * Update deliberately with `npx vitest run tests/charts/golden.test.ts -u`.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { forecast } from '../../src/analysis/forecast.js';
import type { ForecastResult } from '../../src/analysis/types.js';
import { buildForecastCharts, type ChartSpec, validateSpec } from '../../src/charts/index.js';
import type { Model } from '../../src/model/types.js';
import { loadModel } from '../../src/scenario/index.js';
import { FORECAST_CHART_NAMES } from './fixture.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Rounds every number in a JSON value to `digits` significant digits. */
function roundDeep(value: unknown, digits = 3): unknown {
  if (typeof value === 'number')
    return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(digits)) : value;
  if (Array.isArray(value)) return value.map((v) => roundDeep(v, digits));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v, digits)]));
  }
  return value;
}

describe('golden chart specs of the B2B example', () => {
  let model: Model;
  let result: ForecastResult;
  let charts: ChartSpec[];
  beforeAll(async () => {
    model = await loadModel(resolve(ROOT, 'scenarios/b2b-saas.yaml'), { trials: 2000, seed: 2027 });
    result = await forecast(model, { workers: 1 });
    charts = buildForecastCharts(result, model);
  }, 60_000);

  it('builds every forecast chart for the example', () => {
    expect(charts.map((c) => c.name)).toEqual([...FORECAST_CHART_NAMES]);
  });

  it('every spec validates against the Vega-Lite schema', () => {
    for (const c of charts) expect(validateSpec(c.spec), c.name).toEqual([]);
  });

  it('specs match the pinned snapshots (numbers rounded to 3 significant digits)', async () => {
    for (const c of charts) {
      const text = `${JSON.stringify(roundDeep(c.spec), null, 2)}\n`;
      await expect(text).toMatchFileSnapshot(`golden/${c.name}.vl.json.snap`);
    }
  });

  it('puts the forecast numbers where the charts say they are', () => {
    const fan = charts.find((c) => c.name === 'fan')!.spec as {
      vconcat: { data: { values: { p50: number }[] } }[];
    };
    expect(fan.vconcat[0]!.data.values.map((r) => r.p50)).toEqual(
      result.metrics.bookings.periods.map((s) => s.p50),
    );
    const dist = charts.find((c) => c.name === 'distribution')!.spec as {
      vconcat: { layer: { data: { values: { from: number; count: number }[] } }[] }[];
    };
    // The bin the target falls in is drawn in two parts: count each bin once.
    const bins = new Map(dist.vconcat[0]!.layer[0]!.data.values.map((b) => [b.from, b.count]));
    const counted = [...bins.values()].reduce((a, b) => a + b, 0);
    expect(counted).toBe(result.histograms.bookings.counts.reduce((a, b) => a + b, 0));
  });
});
