/** Structure tests of the chart builders on the hand-built fixture (not a real forecast). */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/charts/format.js';
import { buildForecastCharts, validateSpec } from '../../src/charts/index.js';
import { buildTeamChart } from '../../src/charts/team.js';
import { renderSvg } from '../../src/render/svg.js';
import {
  FORECAST_CHART_NAMES,
  fixtureModel,
  fixtureResult,
  HOSTILE,
  normalSummary,
} from './fixture.js';

/** Every string in `value` found under a key that Vega/Vega-Lite evaluate as an expression. */
function expressionStrings(value: unknown, key = '', out: string[] = []): string[] {
  const exprKeys = new Set([
    'expr',
    'signal',
    'update',
    'test',
    'calculate',
    'filter',
    'labelExpr',
  ]);
  if (typeof value === 'string') {
    if (exprKeys.has(key)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) expressionStrings(v, key, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expressionStrings(v, k, out);
  }
  return out;
}

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) allStrings(v, out);
  return out;
}

describe('buildForecastCharts', () => {
  const result = fixtureResult();
  const charts = buildForecastCharts(result, fixtureModel(result));

  it('builds every forecast chart once, with unique file-safe names', () => {
    expect(charts.map((c) => c.name)).toEqual([...FORECAST_CHART_NAMES]);
    for (const c of charts) expect(c.name).toMatch(/^[a-z0-9-]+$/);
  });

  it.each(charts.map((c) => [c.name, c.spec] as const))(
    '%s validates against the Vega-Lite schema',
    (_name, spec) => {
      expect(validateSpec(spec)).toEqual([]);
    },
  );

  it('gives every chart a title, a subtitle with the scenario, the run in a footnote, and the house font', () => {
    for (const c of charts) {
      const title = c.spec.title as { text: string; subtitle: string[] };
      expect(title.text).toBe(c.title);
      expect(title.subtitle[0]).toContain(result.scenario);
      // The seed and sampling left the subtitle for the small footnote under the chart.
      expect(title.subtitle.join(' ')).not.toContain('seed');
      const parts = (c.spec as { vconcat: { data?: { values: { note?: string }[] } }[] }).vconcat;
      const note = parts[parts.length - 1]?.data?.values[0]?.note ?? '';
      expect(note).toContain('2,000 trials');
      expect(note).toContain('seed 7');
      expect(note).toContain('random sampling');
      expect(c.spec.config?.font).toContain('DejaVu Sans');
      expect(c.spec.config?.font).toContain('Noto Sans CJK SC');
    }
  });

  it('writes the target probability on the charts without the Monte Carlo ± (it stays in the tables)', () => {
    const cumulative = charts.find((c) => c.name === 'cumulative')!;
    expect(allStrings(cumulative.spec).some((s) => s.includes('P(reach) 62%'))).toBe(true);
    for (const c of charts) expect(allStrings(c.spec).some((s) => s.includes('± '))).toBe(false);
  });

  it('writes the return per unit of spend with three significant digits, as the table does', () => {
    const channels = charts.find((c) => c.name === 'channels')!;
    const rows: { per_unit: number; label: string }[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) for (const x of v) walk(x);
      else if (v !== null && typeof v === 'object') {
        if ('per_unit' in v && 'label' in v) rows.push(v as { per_unit: number; label: string });
        else for (const x of Object.values(v)) walk(x);
      }
    };
    walk(channels.spec);
    expect(rows.length).toBeGreaterThan(0);
    // "$6.98 per $1", never "$7 per $1" (docs/charts.md: three significant digits).
    for (const r of rows) expect(r.label).toBe(`${formatMoney(r.per_unit, 'USD')} per $1`);
  });

  it('uses display labels, never raw ids, for channels, stages and roles', () => {
    const strings = charts.flatMap((c) => allStrings(c.spec));
    for (const label of ['Paid search', 'MQL', 'SDR', 'AE', 'Opportunity'])
      expect(strings).toContain(label);
    for (const id of ['paid_search', 'mql', 'sdr']) expect(strings).not.toContain(id);
  });

  it('labels every quarterly median and gives each quarter room for its labels (8 quarters)', () => {
    const long = fixtureResult({ periods: 24 });
    const quarterly = buildForecastCharts(long, fixtureModel(long)).find(
      (c) => c.name === 'quarterly',
    )!;
    const body = (
      quarterly.spec as {
        vconcat: {
          width: { step: number };
          data: { values: { median: string; note: string }[] };
        }[];
      }
    ).vconcat[0]!;
    expect(body.data.values).toHaveLength(8);
    for (const r of body.data.values) expect(r.median).toMatch(/^\$[\d.]+[kM]$/);
    // The widest label line at 12 px bold (≤ 0.78 em a character) fits in its column.
    const widest = Math.max(
      ...body.data.values.flatMap((r) => [...r.note.split('\n'), r.median].map((l) => l.length)),
    );
    expect(body.width.step).toBeGreaterThanOrEqual(widest * 0.78 * 12);
    expect(validateSpec(quarterly.spec)).toEqual([]);
  });

  it('keeps the target note clear of the median label when the target lies below a narrow bar', async () => {
    // A bar a few pixels tall and a target of 1 far below it: the median's label sits above
    // its tick, higher than the bar's top, and the note above the bar must clear it.
    const r = fixtureResult();
    const narrow = {
      ...r,
      quarterly: {
        ...r.quarterly,
        bookings: r.quarterly.bookings!.map((s) => normalSummary(s.p50, s.p50 * 0.002)),
      },
      targets: {
        ...r.targets,
        quarterly_detail: r.targets.quarterly_detail!.map(() => ({
          value: 1,
          probability: 1,
          se: 0,
        })),
      },
    };
    const chart = buildForecastCharts(narrow, fixtureModel(narrow)).find(
      (c) => c.name === 'quarterly',
    )!;
    const svg = await renderSvg(chart.spec);
    const ys = (pattern: RegExp) => [...svg.matchAll(pattern)].map((m) => Number(m[1]));
    // Baselines in px (y grows downwards): each note's second line is 14 px below its first.
    const notes = ys(/translate\([^,]+,([\d.]+)\)"[^>]*fill="#D55E00"><tspan>Target/g);
    const medians = ys(/translate\([^,]+,([\d.]+)\)"[^>]*fill="#222222">\$[\d.]+[kM]<\/text>/g);
    expect(notes).toHaveLength(4);
    expect(medians).toHaveLength(4);
    // The median label's capitals reach about 9 px above its baseline, the note's descenders
    // about 3 px below its own: a gap of at least 12 px between baselines keeps them apart.
    for (const [q, n] of notes.entries())
      expect(medians[q]! - (n + 14), `quarter ${q + 1}`).toBeGreaterThanOrEqual(12);
  });

  it('shades the bars at or above the target in the distribution, splitting the bin the target falls in', () => {
    const dist = charts.find((c) => c.name === 'distribution')!;
    const bars = (
      dist.spec as {
        vconcat: {
          layer: {
            data: { values: { start: number; end: number; side: string; count: number }[] };
          }[];
        }[];
      }
    ).vconcat[0]!.layer[0]!.data.values;
    const target = result.targets.bookings!.value;
    for (const b of bars) {
      if (b.side === 'at or above target') expect(b.start).toBeGreaterThanOrEqual(target);
      else expect(b.end).toBeLessThanOrEqual(target);
    }
  });

  it.each(charts.map((c) => [c.name, c.spec] as const))(
    '%s shows no NaN or undefined in any tooltip',
    async (_name, spec) => {
      const view = new View(parse(compile(spec as TopLevelSpec).spec), { renderer: 'none' });
      try {
        await view.runAsync();
        const tooltips: Record<string, unknown>[] = [];
        const walk = (node: unknown): void => {
          if (node === null || typeof node !== 'object') return;
          const n = node as { items?: unknown[]; tooltip?: unknown };
          if (n.tooltip !== undefined && typeof n.tooltip === 'object' && n.tooltip !== null)
            tooltips.push(n.tooltip as Record<string, unknown>);
          for (const child of n.items ?? []) walk(child);
        };
        walk((view.scenegraph() as unknown as { root: unknown }).root);
        for (const t of tooltips) {
          for (const [k, v] of Object.entries(t)) {
            expect(String(v), `${k} in ${JSON.stringify(t)}`).not.toMatch(/NaN|undefined/);
          }
        }
      } finally {
        view.finalize();
      }
    },
  );

  it('drops charts with nothing to show', () => {
    const r = fixtureResult({ roles: [] });
    const noRepeat = {
      ...r,
      metrics: {
        ...r.metrics,
        repeat_bookings: {
          ...r.metrics.repeat_bookings,
          total: { ...r.metrics.repeat_bookings.total, mean: 0 },
        },
      },
    };
    const names = buildForecastCharts(noRepeat, fixtureModel(noRepeat)).map((c) => c.name);
    expect(names).not.toContain('team');
    expect(names).not.toContain('headcount');
    expect(names).not.toContain('new-vs-repeat');
  });
});

describe('scenario text is data, never an expression', () => {
  const result = fixtureResult({
    scenario: HOSTILE,
    channels: [HOSTILE, 'a.b[0]', "it's"],
    roles: [`${HOSTILE} role`, 'ae'],
    stages: ['lead', `${HOSTILE} stage`, 'won'],
  });
  // Labels are free text in any script: the hostile text reaches the charts as labels.
  const verbatim = [HOSTILE, 'a.b[0]', "it's", `${HOSTILE} role`, `${HOSTILE} stage`];
  const charts = buildForecastCharts(
    result,
    fixtureModel(result, Object.fromEntries(verbatim.map((v) => [v, v]))),
  );

  it.each(charts.map((c) => [c.name, c.spec] as const))(
    '%s keeps hostile names out of every expression',
    (_name, spec) => {
      const vega = compile(spec as TopLevelSpec).spec;
      for (const tree of [spec, vega]) {
        for (const e of expressionStrings(tree)) {
          expect(e).not.toContain('alert');
          expect(e).not.toContain('a.b[0]');
          expect(e).not.toContain("it's");
        }
      }
      expect(validateSpec(spec)).toEqual([]);
    },
  );

  it('carries the names verbatim as data and titles', () => {
    const channels = charts.find((c) => c.name === 'channels')!;
    const strings = allStrings(channels.spec);
    expect(strings).toContain(HOSTILE);
    expect(strings).toContain('a.b[0]');
    expect(strings.some((s) => s.startsWith(HOSTILE))).toBe(true);
  });
});

describe('team chart', () => {
  it('shades each capacity-bound month centred on its own point, never into the next month', () => {
    const r = fixtureResult();
    const [id, role] = Object.entries(r.roles)[0]!;
    const bound = new Set([0, 4, r.periods.length - 1]);
    const periods = role.utilisation.periods.map((s, t) =>
      bound.has(t) ? { ...s, p50: 1, p90: 1, p95: 1 } : s,
    );
    const saturated = {
      ...r,
      roles: { ...r.roles, [id]: { ...role, utilisation: { ...role.utilisation, periods } } },
    };
    const spec = JSON.stringify(buildTeamChart(saturated, fixtureModel(saturated))?.spec);
    const bands = [...spec.matchAll(/"period":"([^"]+)","start":"([^"]+)","end":"([^"]+)"/g)];
    expect(bands.map((b) => b[1])).toEqual([...bound].map((t) => r.periods[t]));
    const day = 86_400_000;
    const last = r.periods.length - 1;
    for (const [, period, start, end] of bands) {
      const at = Date.parse(`${period}-01`);
      const t = r.periods.indexOf(period!);
      // Half way to the neighbouring months' points (14–15.5 days), clipped at the ends.
      const before = at - Date.parse(start!);
      const after = Date.parse(end!) - at;
      const halfway = (d: number) => d >= 14 * day && d <= 15.5 * day;
      expect(t === 0 ? before === 0 : halfway(before)).toBe(true);
      expect(t === last ? after === 0 : halfway(after)).toBe(true);
    }
  });

  it('shades months with no capacity while items wait, labels them and counts them in the title', () => {
    const r = fixtureResult();
    const [id, role] = Object.entries(r.roles)[0]!;
    // No capacity (utilisation 0, as the kernel writes it) in months 0–3; items wait in 1–3.
    const point = (s: typeof role.capacity, values: Record<number, number>) => ({
      ...s,
      periods: s.periods.map((p, t) => (t in values ? normalSummary(values[t]!, 0) : p)),
    });
    const zero = { 0: 0, 1: 0, 2: 0, 3: 0 };
    const unstaffed = {
      ...r,
      roles: {
        ...r.roles,
        [id]: {
          ...role,
          capacity: point(role.capacity, zero),
          utilisation: point(role.utilisation, zero),
          queue: point(role.queue, { 0: 0, 1: 30, 2: 60, 3: 90 }),
          lost: point(role.lost, { 0: 0, 1: 0, 2: 0, 3: 0 }),
        },
      },
    };
    const chart = buildTeamChart(unstaffed, fixtureModel(unstaffed))!;
    expect(validateSpec(chart.spec)).toEqual([]);
    const spec = JSON.stringify(chart.spec);
    const bands = [
      ...spec.matchAll(/"period":"([^"]+)","start":"[^"]+","end":"[^"]+","why":"([^"]+)"/g),
    ];
    expect(bands.map((b) => [b[1], b[2]])).toEqual(
      [1, 2, 3].map((t) => [r.periods[t], 'no capacity, items waited']),
    );
    // One label for the run of months without capacity, at the middle of its shading.
    expect(spec.match(/"text":"no capacity"/g)).toHaveLength(1);
    expect(spec).toMatch(/capacity-bound in 3 of 12 months \(3 with no capacity\)/);
  });
});
