/**
 * The quota charts on a real quota run: valid Vega-Lite, the house title and subtitle, the
 * team target and total quota where the result puts them, and scenario text only as data.
 */
import { readFileSync } from 'node:fs';
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { quotaWithForecast } from '../../src/analysis/quota/index.js';
import type { QuotaResult } from '../../src/analysis/quota/types.js';
import type { ForecastResult } from '../../src/analysis/types.js';
import type { ChartSpec } from '../../src/charts/common.js';
import { validateSpec } from '../../src/charts/index.js';
import { buildQuotaCharts } from '../../src/charts/quota.js';
import { modelOf } from '../helpers/model.js';
import { HOSTILE } from './fixture.js';
import { overlaps, sceneItems } from './scene.js';

/** Every string under a key Vega or Vega-Lite evaluate as an expression. */
function expressions(value: unknown, key = '', out: string[] = []): string[] {
  const keys = new Set(['expr', 'signal', 'update', 'test', 'calculate', 'filter', 'labelExpr']);
  if (typeof value === 'string') {
    if (keys.has(key)) out.push(value);
  } else if (Array.isArray(value)) for (const v of value) expressions(v, key, out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) expressions(v, k, out);
  return out;
}

/** The inline data rows of every layer named `values`, flattened. */
function dataRows(spec: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(spec)) for (const v of spec) dataRows(v, out);
  else if (spec !== null && typeof spec === 'object') {
    for (const [k, v] of Object.entries(spec)) {
      if (k === 'values' && Array.isArray(v)) out.push(...(v as Record<string, unknown>[]));
      else dataRows(v, out);
    }
  }
  return out;
}

const B2B = readFileSync('scenarios/b2b-saas.yaml', 'utf8').replace(
  /^scenario: .*$/m,
  `scenario: ${JSON.stringify(HOSTILE)}`,
);

let q: QuotaResult;
let f: ForecastResult;
let charts: ChartSpec[];
beforeAll(async () => {
  ({ quota: q, forecast: f } = await quotaWithForecast(modelOf(B2B, { trials: 300 }), {
    workers: 1,
  }));
  charts = buildQuotaCharts(q, f);
});

describe('buildQuotaCharts', () => {
  it('builds the three quota charts with file-safe names', () => {
    expect(charts.map((c) => c.name)).toEqual([
      'quota-distribution',
      'quota-attainment',
      'quota-reps',
    ]);
  });

  it('validates every chart against the Vega-Lite schema, with the house title and font', () => {
    for (const c of charts) {
      expect(validateSpec(c.spec), c.name).toEqual([]);
      const title = c.spec.title as { text: string; subtitle: string[] };
      expect(title.text).toBe(c.title);
      expect(title.subtitle[0]).toContain(HOSTILE);
      // The run goes to the footnote, under the chart.
      const footnote = JSON.stringify((c.spec as { vconcat: unknown[] }).vconcat[1]);
      expect(footnote).toContain('300 trials · seed 2027 · random sampling');
      expect(c.spec.config?.font).toContain('DejaVu Sans');
    }
  });

  it('keeps the scenario name out of every expression, in Vega-Lite and compiled Vega', () => {
    for (const c of charts) {
      for (const tree of [c.spec, compile(c.spec as TopLevelSpec).spec])
        for (const e of expressions(tree)) expect(e, c.name).not.toContain('alert');
    }
  });

  it("marks the team target and the total quota at the result's values", () => {
    const rows = dataRows(charts[0]!.spec);
    const marks = rows.filter((r) => Array.isArray(r.label));
    expect(marks.map((m) => m.value)).toEqual([q.team_target, q.total_quota]);
    expect((marks[0]!.label as string[])[0]).toMatch(/^Team target \$[\d.]+M$/);
    expect((marks[1]!.label as string[])[0]).toMatch(/^Total quota \$[\d.]+M \(× 1\.15\)$/);
  });

  it('gives the attainment bins shares that add up to 1, green from 100% on', () => {
    const bins = dataRows(charts[1]!.spec).filter((r) => 'outcome' in r);
    expect(bins.reduce((s, b) => s + (b.share as number), 0)).toBeCloseTo(1, 12);
    for (const b of bins)
      expect(b.outcome).toBe((b.start as number) >= 1 - 1e-9 ? 'at or above quota' : 'below quota');
  });

  it("draws one row per rep, cells only from each rep's first month", () => {
    const rows = dataRows(charts[2]!.spec);
    const totals = rows.filter((r) => 'share' in r);
    expect(totals.map((t) => t.quota)).toEqual(q.reps.map((r) => r.quota));
    const july = rows.filter(
      (r) => typeof r.rep === 'string' && (r.rep as string).startsWith('ae-10') && 'column' in r,
    );
    expect(july.map((c) => c.column)).toEqual(['Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
  });
});

describe('a large team', () => {
  it('shares one row among reps who start together', async () => {
    const model = modelOf(readFileSync('scenarios/consumer-brand.yaml', 'utf8'), { trials: 100 });
    const { quota, forecast } = await quotaWithForecast(model, {
      workers: 1,
      role: 'advisors',
      confidence: 0.6,
    });
    const reps = buildQuotaCharts(quota, forecast)[2]!;
    expect(validateSpec(reps.spec)).toEqual([]);
    const labels = dataRows(reps.spec)
      .filter((r) => 'share' in r)
      .map((r) => r.rep);
    expect(labels).toEqual([
      'advisors-01–55 (55 reps)',
      'advisors-56–60 (5 reps) · hired May 2027',
      'advisors-61–68 (8 reps) · hired Oct 2027',
    ]);
  });
});

describe('a two-year quota grid', () => {
  it('gives each quarter column room for its label (eight "FY2027 Q1" labels ran together)', async () => {
    // The distributor example's shape: 24 months, so the grid shows 8 quarters.
    const periods = Array.from({ length: 24 }, (_, i) => {
      const m = 9 + i; // from 2026-10
      return `${2026 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    });
    const quarters = ['2027', '2028'].flatMap((y) => [1, 2, 3, 4].map((n) => `FY${y} Q${n}`));
    const long: QuotaResult = {
      ...q,
      periods,
      quarters,
      reps: q.reps.map((r) => ({ ...r, quarterly: quarters.map(() => r.quota / 8) })),
    };
    const chart = buildQuotaCharts(long, f).find((c) => c.name === 'quota-reps')!;
    expect(validateSpec(chart.spec)).toEqual([]);
    const items = await sceneItems(chart.spec);
    const heads = items
      .filter((i) => i.role === 'axis-label' && quarters.includes(i.text))
      .sort((a, b) => a.bounds.x1 - b.bounds.x1);
    expect(heads.map((h) => h.text)).toEqual(quarters);
    for (let i = 1; i < heads.length; i++) {
      expect(overlaps(heads[i - 1]!.bounds, heads[i]!.bounds), heads[i]!.text).toBe(false);
    }
  });
});
