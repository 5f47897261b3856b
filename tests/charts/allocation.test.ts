/**
 * The allocation charts and the report's Allocation section, on a real allocation of a small
 * scenario whose name is hostile: every spec validates against the Vega-Lite schema, puts the
 * result's numbers where it says, keeps scenario text out of expressions, and the section
 * escapes it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/allocate/allocate.js';
import type { AllocationResult } from '../../src/analysis/allocate/types.js';
import { buildAllocationCharts } from '../../src/charts/allocation.js';
import { buildBudgetCurveChart } from '../../src/charts/budget-curve.js';
import { formatMoney } from '../../src/charts/format.js';
import { formatObjective } from '../../src/charts/objective-format.js';
import { AT_CURRENT_SPEND } from '../../src/charts/response-curves.js';
import { validateSpec } from '../../src/charts/validate.js';
import { buildReport, FORECAST_SECTIONS } from '../../src/report/index.js';
import { allocationSection } from '../../src/report/sections/allocation.js';
import { CLOSED_FORM } from '../analysis/allocate/scenarios.js';
import { modelOf } from '../helpers/model.js';
import { fixtureModel, fixtureResult, HOSTILE } from './fixture.js';
import { overlaps, sceneItems } from './scene.js';

/** Every string under a key Vega evaluates as an expression. */
function expressions(value: unknown, key = '', out: string[] = []): string[] {
  const keys = new Set(['expr', 'signal', 'update', 'test', 'calculate', 'filter', 'labelExpr']);
  if (typeof value === 'string') {
    if (keys.has(key)) out.push(value);
  } else if (Array.isArray(value)) for (const v of value) expressions(v, key, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expressions(v, k, out);
  }
  return out;
}

describe('allocation charts', () => {
  let r: AllocationResult;
  beforeAll(async () => {
    const yaml = CLOSED_FORM.replace(
      'scenario: Closed form',
      `scenario: ${JSON.stringify(HOSTILE)}`,
    );
    r = await allocate(modelOf(yaml), { trials: 400, workers: 1 });
  }, 120_000);

  it('builds the four charts, each valid against the Vega-Lite schema, in the house theme', () => {
    const charts = buildAllocationCharts(r);
    expect(charts.map((c) => c.name)).toEqual([
      'allocation',
      'response-curves',
      'budget-curve',
      'uplift',
    ]);
    for (const c of charts) {
      expect(validateSpec(c.spec), c.name).toEqual([]);
      expect(c.spec.config?.font).toContain('DejaVu Sans');
      const title = c.spec.title as { text: string; subtitle: string[] };
      expect(title.text).toBe(c.title);
      expect(title.subtitle[0]).toContain(HOSTILE);
      for (const e of expressions(c.spec)) expect(e).not.toContain('alert');
    }
  });

  it("marks the allocation's budget, and the plan's own spend when it differs and is on the curve", () => {
    type Layer = { data?: { values: { budget: number; label?: string }[] } };
    const markers = (res: AllocationResult) => {
      const spec = buildBudgetCurveChart(res)!.spec as unknown as {
        vconcat: { layer: Layer[] }[];
      };
      const layer = spec.vconcat[0]!.layer.find((l) =>
        l.data?.values.some((v) => v.label?.startsWith('allocation budget')),
      );
      return (layer?.data?.values ?? []).map((v) => [v.budget, v.label]);
    };
    const money = (x: number) => formatMoney(x, r.currency);
    // The plan spends the budget: one marker, named for what it is.
    const same = { ...r, current_total: r.budget };
    expect(markers(same)).toEqual([[r.budget, `allocation budget ${money(r.budget)}`]]);
    // The plan spends 20% less, inside the curve's 50%–200% range: both are marked.
    const less = { ...r, current_total: 0.8 * r.budget };
    expect(markers(less)).toEqual([
      [r.budget, `allocation budget ${money(r.budget)}`],
      [0.8 * r.budget, `current plan spends ${money(0.8 * r.budget)}`],
    ]);
    // Off the curve's range: not marked.
    expect(markers({ ...r, current_total: 0.1 * r.budget })).toHaveLength(1);
  });

  it.each([
    // The curve rises to a plateau (mean bookings, the B2B example): the bottom right is free.
    ['rising', (f: number) => 10e6 + 4e6 * Math.min(1, f)],
    // Profit falls as spend grows past its best budget (the consumer-brand example): the note
    // sat at the bottom right, on the last point and its label.
    ['falling', (f: number) => 76e6 - 18e6 * Math.max(0, f - 0.5)],
  ] as const)(
    'keeps the next-ten-percent note off the points and their labels: a %s curve',
    async (_shape, curve) => {
      const points = r.budget_curve.points.map((p) => ({
        ...p,
        value: curve(p.budget / r.budget),
        se: 0.01 * curve(p.budget / r.budget),
      }));
      const res: AllocationResult = {
        ...r,
        objective: 'profit',
        budget_curve: {
          ...r.budget_curve,
          points,
          next_10_percent: { budget: 0.1 * r.budget, gain: -2.72e6, se: 36.5e3, per_unit: -9 },
        },
      };
      const items = await sceneItems(buildBudgetCurveChart(res)!.spec);
      const note = items.find((i) => i.text.startsWith('next 10%'));
      expect(note).toBeDefined();
      const labels = new Set(points.map((p) => formatObjective('profit', p.value!, r.currency)));
      const marks = items.filter(
        (i) =>
          (i.type === 'symbol' && i.role === 'mark') || (i.type === 'text' && labels.has(i.text)),
      );
      expect(marks.length).toBeGreaterThanOrEqual(2 * points.length);
      for (const m of marks) expect(overlaps(note!.bounds, m.bounds), m.text || m.type).toBe(false);
    },
  );

  it('puts the numbers where the charts say they are', () => {
    const [split, curves, budget, uplift] = buildAllocationCharts(r).map(
      (c) => c.spec,
    ) as unknown as [
      { data: { values: { channel: string; plan: string; spend: number }[] } },
      { data: { values: { channel: string; spend: number; value: number; kind: string }[] } },
      { vconcat: { data: { values: { budget: number; value?: number; spend?: number }[] } }[] },
      { layer: { data: { values: { start?: number; share?: number; value?: number }[] } }[] },
    ];
    const rec = split.data.values.filter((v) => v.plan === 'Recommended');
    expect(Object.fromEntries(rec.map((v) => [v.channel, v.spend]))).toEqual(r.recommended);
    const marked = curves.data.values.filter((v) => v.kind === 'Recommended split');
    expect(marked.map((v) => v.spend)).toEqual(r.certificate.channels.map((c) => c.spend));
    // The grey point is the channel at its current spend with the others as recommended,
    // not the current plan (whose value differs): its legend must not say "Current plan".
    const kinds = new Set(curves.data.values.map((v) => v.kind));
    expect(kinds.has('Current plan')).toBe(false);
    expect(curves.data.values.filter((v) => v.kind === AT_CURRENT_SPEND).length).toBeGreaterThan(0);
    expect(budget.vconcat[0]!.data.values.map((p) => p.value)).toEqual(
      r.budget_curve.points.map((p) => p.value),
    );
    const shares = uplift.layer[0]!.data.values.map((b) => b.share!);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(uplift.layer[2]!.data.values[0]!.value).toBeCloseTo(
      r.value.recommended.mean - r.value.current.mean,
      6,
    );
  });

  it('adds an escaped Allocation section after the charts', () => {
    const result = fixtureResult({ scenario: HOSTILE });
    const model = fixtureModel(result);
    const ids = FORECAST_SECTIONS.map((s) => s.id);
    expect(ids.indexOf('allocation')).toBe(ids.indexOf('charts') + 1);
    const charts = buildAllocationCharts(r);
    const html = buildReport({ result, model, charts: [], allocation: { result: r, charts } });
    // Shown only with an allocation to show.
    expect(buildReport({ result, model, charts: [] })).not.toContain('<section id="allocation">');
    const section = html.slice(html.indexOf('<section id="allocation">'));
    expect(section).toContain('<h2>Allocation</h2>');
    expect(section).toMatch(/Why this split: the certificate/);
    // The mean uplift's interval is its simulation error, not a range of outcomes (the word
    // joiner after ± keeps the figure on its line: report/prose.ts).
    expect(section).toContain(
      `on average (simulation error ±\u2060${formatObjective(r.objective, (r.uplift.hi - r.uplift.lo) / 2, r.currency)}`,
    );
    expect(section).not.toMatch(/90% interval [^<]* to /);
    expect(section).toMatch(/equal within tolerance/);
    for (const c of charts) expect(section).toContain(`id="figure-${c.name}"`);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(allocationSection.render({ result, model, charts: [] })).toMatch(/no allocation block/);
  });
});
