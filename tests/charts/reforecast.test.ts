/**
 * The reforecast chart on the hand-built fixture: a valid Vega-Lite spec (schema and
 * compile), the months of actuals as points, the fan from the last of them on, the plan's
 * median only when the plan is given, the repeat-business rule only where the months of
 * actuals have a spread, and scenario text as data, never an expression.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { ForecastResult } from '../../src/analysis/types.js';
import { validateSpec } from '../../src/charts/index.js';
import { buildReforecastChart } from '../../src/charts/reforecast.js';
import { fixtureModel, fixtureResult, HOSTILE, normalSummary } from './fixture.js';

interface Layer {
  readonly data?: { values: Record<string, unknown>[] };
  readonly mark?: { type: string; strokeDash?: number[] } | string;
  readonly layer?: Layer[];
}
const body = (spec: TopLevelSpec) =>
  (spec as unknown as { vconcat: { layer: Layer[] }[] }).vconcat[0]!.layer;
const markOf = (l: Layer) => (typeof l.mark === 'string' ? l.mark : l.mark?.type);

/** The fixture with months before k booked exactly (no repeat business). */
function exact(result: ForecastResult, k: number): ForecastResult {
  const periods = result.metrics.bookings.periods.map((s, t) =>
    t < k ? normalSummary(s.mean, 0) : s,
  );
  return {
    ...result,
    metrics: { ...result.metrics, bookings: { ...result.metrics.bookings, periods } },
  };
}

describe('buildReforecastChart', () => {
  const result = fixtureResult();
  const model = fixtureModel(result);

  it('is a valid spec: actuals as points, the fan from the last actual month, the plan dashed', () => {
    const c = buildReforecastChart(result, 4, model, result);
    expect(c.name).toBe('reforecast');
    expect(validateSpec(c.spec)).toEqual([]);
    expect(() => compile(c.spec)).not.toThrow();
    const [plan, fan, actual] = body(c.spec);
    expect(markOf(plan!)).toBe('line');
    expect((plan!.mark as { strokeDash?: number[] }).strokeDash).toBeDefined();
    expect(plan!.data!.values).toHaveLength(result.periods.length);
    expect(fan!.data!.values.map((r) => r.period)).toEqual(result.periods.slice(3));
    expect(actual!.data!.values.map((r) => r.p50)).toEqual(
      result.metrics.bookings.periods.slice(0, 4).map((s) => s.p50),
    );
    expect(actual!.layer!.map(markOf)).toEqual(['rule', 'point']);
    // the repeat business's rule is explained on a line of its own (one line ran past the plot)
    const subtitle = (c.spec as { title: { subtitle: string[] } }).title.subtitle;
    expect(subtitle[1]).toContain('the rule spans its P10–P90');
    expect(subtitle[2]).toContain('dashed grey: the plan’s median');
  });

  it('leaves out the plan and the repeat rule when it has neither', () => {
    const c = buildReforecastChart(exact(result, 3), 3, model);
    expect(validateSpec(c.spec)).toEqual([]);
    const layers = body(c.spec);
    expect(layers).toHaveLength(2);
    expect(layers[1]!.layer!.map(markOf)).toEqual(['point']);
    const subtitle = (c.spec as { title: { subtitle: string[] } }).title.subtitle;
    expect(subtitle[0]).toContain(
      `points: booked ${result.periods[0]} … ${result.periods[2]} (actuals)`,
    );
    expect(subtitle[1]).not.toContain('plan');
  });

  it('keeps scenario text out of expressions', () => {
    const hostile = fixtureResult({ scenario: HOSTILE });
    const c = buildReforecastChart(hostile, 2, fixtureModel(hostile), hostile);
    expect(validateSpec(c.spec)).toEqual([]);
    expect(JSON.stringify(c.spec)).not.toMatch(/"(expr|signal|calculate|filter)":"[^"]*alert/);
  });
});
