/** Structure tests of the chart builders on the hand-built fixture (not a real forecast). */
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { buildForecastCharts, validateSpec } from '../../src/charts/index.js';
import { FORECAST_CHART_NAMES, fixtureModel, fixtureResult, HOSTILE } from './fixture.js';

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

  it('gives every chart a title, a subtitle with the scenario and the run, and the house font', () => {
    for (const c of charts) {
      const title = c.spec.title as { text: string; subtitle: string[] };
      expect(title.text).toBe(c.title);
      expect(title.subtitle[0]).toContain(result.scenario);
      expect(title.subtitle[1]).toContain('2,000 trials');
      expect(title.subtitle[1]).toContain('seed 7');
      expect(c.spec.config?.font).toContain('DejaVu Sans');
    }
  });

  it('writes the target probability on the cumulative chart', () => {
    const cumulative = charts.find((c) => c.name === 'cumulative')!;
    expect(allStrings(cumulative.spec).some((s) => s.includes('P(reach) 62% ± 1.1 pp'))).toBe(true);
  });

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
  const charts = buildForecastCharts(result, fixtureModel(result));

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
