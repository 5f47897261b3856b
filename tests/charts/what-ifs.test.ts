/**
 * The comparison and sensitivity charts, from real runs (the B2B example's variants and a
 * --set what-if, 400 trials; the minimal example's sensitivity with a --vary input): every
 * spec valid against the Vega-Lite schema, the numbers where the charts say they are, no
 * scenario text in an expression, and golden snapshots (numbers rounded to 3 significant
 * digits; update deliberately with `npx vitest run tests/charts/what-ifs.test.ts -u`).
 */
import { resolve } from 'node:path';
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CompareResult, compare } from '../../src/analysis/compare/index.js';
import { type SensitivityResult, sensitivity } from '../../src/analysis/sensitivity/index.js';
import { buildCompareCharts } from '../../src/charts/compare/index.js';
import { formatPercent } from '../../src/charts/format.js';
import { validateSpec } from '../../src/charts/index.js';
import { buildSensitivityCharts } from '../../src/charts/sensitivity/index.js';
import { TORNADO_ROWS } from '../../src/defaults.js';
import { loadBundle } from '../../src/scenario/index.js';
import { HOSTILE } from './fixture.js';
import { overlaps, sceneItems } from './scene.js';

const ROOT = resolve(import.meta.dirname, '../..');

function roundDeep(value: unknown, digits = 3): unknown {
  if (typeof value === 'number')
    return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(digits)) : value;
  if (Array.isArray(value)) return value.map((v) => roundDeep(v, digits));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v, digits)]));
  }
  return value;
}

/** Every string under a key that Vega or Vega-Lite evaluates as an expression. */
function expressions(value: unknown, key = '', out: string[] = []): string[] {
  const keys = new Set(['expr', 'signal', 'update', 'test', 'calculate', 'filter', 'labelExpr']);
  if (typeof value === 'string') {
    if (keys.has(key)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) expressions(v, key, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expressions(v, k, out);
  }
  return out;
}

/** The data rows of the first layer that has inline data. */
function rowsOf(spec: unknown): Record<string, unknown>[] {
  const s = spec as { data?: { values: Record<string, unknown>[] }; layer?: unknown[] };
  if (s.data) return s.data.values;
  for (const l of s.layer ?? []) {
    const found = rowsOf(l);
    if (found.length > 0) return found;
  }
  return [];
}

const WHAT_IF = 'channels.paid_search.spend=80000';
let cmp: CompareResult;
let sens: SensitivityResult;

beforeAll(async () => {
  const b2b = await loadBundle(resolve(ROOT, 'scenarios/b2b-saas.yaml'), {
    trials: 400,
    seed: 2027,
  });
  cmp = await compare(b2b, {
    workers: 1,
    whatIfs: [{ name: WHAT_IF, overrides: [{ set: 'channels.paid_search.spend', value: 80000 }] }],
  });
  const minimal = await loadBundle(resolve(ROOT, 'scenarios/minimal.yaml'), {
    trials: 400,
    seed: 42,
  });
  sens = await sensitivity(minimal, {
    workers: 1,
    vary: [{ path: 'channels.search_ads.spend', by: 0.1 }],
  });
}, 120_000);

describe('comparison and sensitivity charts', () => {
  it('builds each chart once, valid against the Vega-Lite schema', () => {
    const charts = [...buildCompareCharts(cmp), ...buildSensitivityCharts(sens)];
    expect(charts.map((c) => c.name)).toEqual([
      'compare-difference',
      'compare-target',
      'compare-bookings',
      'compare-cumulative',
      'tornado',
      'variance-shares',
      'spider',
    ]);
    for (const c of charts) {
      expect(validateSpec(c.spec), c.name).toEqual([]);
      const title = c.spec.title as { text: string; subtitle: string[] };
      expect(title.text).toBe(c.title);
      expect(title.subtitle[0]).toMatch(/^(Acme FY2027 plan|Minimal web shop) — /);
      expect(c.spec.config?.font).toContain('DejaVu Sans');
    }
  });

  it('puts the numbers where the charts say they are', () => {
    const [difference, target, bookings] = buildCompareCharts(cmp);
    const d = rowsOf(difference!.spec);
    // Plans by their labels: the variants' (a readable default from the name), the what-if's edits.
    expect(d.map((r) => r.plan)).toEqual([
      'Hire Q2',
      'Search over events',
      'Faster ramp',
      'Recession',
      WHAT_IF,
    ]);
    expect(d.map((r) => r.mean)).toEqual(Object.values(cmp.variants).map((v) => v.difference.mean));
    expect(d.map((r) => [r.p10, r.p90])).toEqual(
      Object.values(cmp.variants).map((v) => [v.difference.spread.p10, v.difference.spread.p90]),
    );
    expect(rowsOf(target!.spec).map((r) => r.probability)).toEqual([
      cmp.base.target_probability,
      ...Object.values(cmp.variants).map((v) => v.target_probability),
    ]);
    expect(rowsOf(bookings!.spec).map((r) => r.p50)).toEqual([
      cmp.base.bookings.p50,
      ...Object.values(cmp.variants).map((v) => v.bookings.p50),
    ]);
    const [tornado, shares, spider] = buildSensitivityCharts(sens);
    const bars = rowsOf(tornado!.spec);
    expect(bars.filter((r) => r.side === 'input low').map((r) => r.output)).toEqual(
      sens.inputs.map((i) => i.output_low),
    );
    const total = rowsOf(shares!.spec).reduce((a, r) => a + (r.share as number), 0);
    expect(total).toBeCloseTo(1, 12);
    const lines = (spider!.spec as { layer: { data: { values: unknown[] } }[] }).layer[1]!.data
      .values;
    expect(lines).toHaveLength(9 * sens.spider.length);
  });

  it('writes the chance of the target without ± on the chart; the tooltip keeps it (docs/charts.md)', () => {
    const target = buildCompareCharts(cmp).find((c) => c.name === 'compare-target')!;
    const rows = rowsOf(target.spec);
    expect(rows.map((r) => r.label)).toEqual(
      [cmp.base, ...Object.values(cmp.variants)].map((o) =>
        formatPercent(o.target_probability ?? 0),
      ),
    );
    for (const r of rows) expect(String(r.with_error)).toContain('±');
    const subtitle = (target.spec.title as { subtitle: string[] }).subtitle.join(' ');
    expect(subtitle).not.toContain('±');
  });

  it('names inputs by their labels, never by a bare dot path (docs/charts.md)', () => {
    const [tornado, shares, spider] = buildSensitivityCharts(sens);
    const labels = sens.inputs.map((i) => i.label);
    expect(labels.every((l) => l !== undefined && !l.includes('.'))).toBe(true);
    const tornadoInputs = new Set(rowsOf(tornado!.spec).map((r) => r.input as string));
    for (const i of sens.inputs.slice(0, tornadoInputs.size))
      expect([...tornadoInputs].some((t) => t.startsWith(`${i.label} (`))).toBe(true);
    const shareLabels = rowsOf(shares!.spec).map((r) => r.label as string);
    const lines = (spider!.spec as { layer: { data: { values: { input: string }[] } }[] }).layer[1]!
      .data.values;
    for (const name of [...tornadoInputs, ...shareLabels, ...lines.map((l) => l.input)])
      for (const i of sens.inputs) expect(name).not.toContain(i.path);
  });

  it('drops the target chart and line when the scenario sets no bookings target', () => {
    const none: CompareResult = { ...cmp, targets: { ...cmp.targets, bookings: null } };
    const names = buildCompareCharts(none).map((c) => c.name);
    expect(names).not.toContain('compare-target');
    expect(JSON.stringify(buildCompareCharts(none))).not.toContain('Target $');
  });

  it('keeps hostile scenario and what-if names out of every expression', () => {
    const hostileCmp: CompareResult = {
      ...cmp,
      scenario: HOSTILE,
      variants: Object.fromEntries(
        Object.entries(cmp.variants).map(([k, v]) =>
          k === WHAT_IF ? [HOSTILE, { ...v, name: HOSTILE }] : [k, v],
        ),
      ),
    };
    const hostileSens: SensitivityResult = { ...sens, scenario: HOSTILE, variant: HOSTILE };
    for (const c of [...buildCompareCharts(hostileCmp), ...buildSensitivityCharts(hostileSens)]) {
      const vega = compile(c.spec as TopLevelSpec).spec;
      for (const tree of [c.spec, vega]) {
        for (const e of expressions(tree)) {
          expect(e, c.name).not.toContain('alert');
          expect(e, c.name).not.toContain('Acme');
        }
      }
      expect(JSON.stringify(c.spec), c.name).toContain('alert(1)');
      expect(validateSpec(c.spec), c.name).toEqual([]);
    }
  });

  it('match the pinned snapshots (numbers rounded to 3 significant digits)', async () => {
    for (const c of [...buildCompareCharts(cmp), ...buildSensitivityCharts(sens)]) {
      const text = `${JSON.stringify(roundDeep(c.spec), null, 2)}\n`;
      await expect(text).toMatchFileSnapshot(`golden/${c.name}.vl.json.snap`);
    }
  });

  it.each([
    // consumer-brand: interactions −12.6% ± 2.8; the label sat on its own (negative) bar and
    // the whisker ran to the axis, against the row label.
    ['a negative share', -0.126, 0.028],
    // b2b-saas: interactions −0.1% ± 2.0, a whisker below zero and a bar too thin to see.
    ['a share near zero with a wide error', -0.001, 0.02],
  ] as const)(
    'keeps the variance-share labels off the bars and the whiskers clear of the axis: %s',
    async (_case, share, se) => {
      const r = { ...sens, interactions: { share, se } };
      const chart = buildSensitivityCharts(r).find((c) => c.name === 'variance-shares')!;
      expect(validateSpec(chart.spec)).toEqual([]);
      const items = await sceneItems(chart.spec);
      const bars = items.filter((i) => i.type === 'rect' && i.role === 'mark');
      const whiskers = items.filter((i) => i.type === 'rule' && i.role === 'mark');
      const values = items.filter((i) => i.type === 'text' && i.role === 'mark');
      expect(values.some((v) => v.text.startsWith('−'))).toBe(share <= -0.0005);
      for (const v of values)
        for (const b of bars) expect(overlaps(v.bounds, b.bounds), v.text).toBe(false);
      // The y axis's line: the one vertical axis-domain rule. A whisker starts right of it.
      const axisLine = items.find(
        (i) =>
          i.role === 'axis-domain' &&
          i.bounds.x2 - i.bounds.x1 < 3 &&
          i.bounds.y2 - i.bounds.y1 > 20,
      )!;
      expect(axisLine).toBeDefined();
      for (const w of whiskers) expect(w.bounds.x1).toBeGreaterThan(axisLine.bounds.x2);
    },
  );

  it('counts the inputs the tornado leaves out in the singular for one (distributor: "1 inputs")', () => {
    const note = (extra: number) => {
      const inputs = Array.from({ length: TORNADO_ROWS + extra }, (_, k) => ({
        ...sens.inputs[0]!,
        path: `${sens.inputs[0]!.path}.${k}`,
      }));
      const chart = buildSensitivityCharts({ ...sens, inputs }).find((c) => c.name === 'tornado')!;
      return (chart.spec.title as { subtitle: string[] }).subtitle.join('\n');
    };
    expect(note(1)).toContain(' · 1 input with a smaller swing not shown');
    expect(note(2)).toContain(' · 2 inputs with smaller swings not shown');
    expect(note(0)).not.toContain('not shown');
  });
});
