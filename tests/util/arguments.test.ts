/**
 * The check of required arguments itself: how a wrong argument is described, the
 * diagnostic's shape (the option-name check's), and that each kind's shape test recognises
 * what the library really makes — a kind that stopped recognising a real forecast or model
 * would refuse every correct call. What each exported function refuses is tested in
 * tests/index-arguments.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as salesops from '../../src/index.js';
import { ARG, type ArgumentKind } from '../../src/util/argument-kinds.js';
import { argumentProblem, checkArgument, describeArgument } from '../../src/util/arguments.js';
import { formatDiagnostic, InputError } from '../../src/util/result.js';

const ROOT = join(import.meta.dirname, '../..');
const B2B = join(ROOT, 'scenarios/b2b-saas.yaml');
const HISTORY = join(ROOT, 'scenarios/history');
const tmp = mkdtempSync(join(tmpdir(), 'salesops-argument-kinds-'));

describe('describeArgument', () => {
  it('shows values as describeValue does, and says more of objects', async () => {
    expect(describeArgument(undefined)).toBe('nothing');
    expect(describeArgument(42)).toBe('number 42');
    expect(describeArgument([1, 2])).toBe('a list of 2');
    expect(describeArgument(Float64Array.of(1, 2, 3))).toBe('a Float64Array of 3');
    expect(describeArgument(() => 1)).toBe('a function');
    expect(describeArgument(new URL('file:///plan.yaml'))).toBe(
      'a URL (pass a path string: fileURLToPath(url))',
    );
    const pending = Promise.resolve(1);
    expect(describeArgument(pending)).toBe('a promise (await it first)');
    await pending;
    expect(describeArgument({})).toBe('a map with no fields');
    expect(describeArgument({ model: {}, text: 'x', file: 'f' })).toBe(
      'a map with model, text, file',
    );
    expect(describeArgument({ a: 'x', b: 'x', c: 'x', d: 'x', e: 'x', f: 'x', g: 'x' })).toBe(
      'a map with a, b, c, d, e, f, …',
    );
    // A small map of numbers is shown whole: it is the values that are wrong.
    expect(describeArgument({ k: 3, n: 2 })).toBe('a map { k: 3, n: 2 }');
  });
});

describe('argumentProblem and checkArgument', () => {
  const kind: ArgumentKind = { expected: 'a thing (a string)', is: (v) => typeof v === 'string' };

  it('is null for an argument of the kind, else names the function and the argument', () => {
    expect(argumentProblem('f', 'thing', 'x', kind)).toBeNull();
    const d = argumentProblem('f', 'options.thing', 7, kind)!;
    expect(d).toEqual({
      file: 'f: options.thing',
      line: null,
      path: '',
      message: 'expected a thing (a string), got number 7',
    });
    expect(formatDiagnostic(d)).toBe(
      'f: options.thing: ✖ expected a thing (a string), got number 7',
    );
  });

  it('throws the same diagnostic as an InputError', () => {
    expect(() => checkArgument('f', 'thing', undefined, kind)).toThrow(InputError);
    expect(() => checkArgument('f', 'thing', undefined, kind)).toThrow(
      'f: thing: ✖ expected a thing (a string), got nothing',
    );
    expect(() => checkArgument('f', 'thing', 'x', kind)).not.toThrow();
  });
});

describe('each kind', () => {
  // Real objects of each kind, made by the library (small runs).
  const made: Record<string, unknown> = {};
  let ev: salesops.Evaluator;
  beforeAll(async () => {
    const bundle = await salesops.loadBundle(B2B, { trials: 50 });
    const model = bundle.base;
    ev = salesops.prepare(bundle, { workers: 1 });
    const run = { workers: 1 };
    const actuals = await salesops.readActuals(join(HISTORY, 'b2b-actuals.csv'));
    if (!actuals.ok) throw new Error('the sample actuals do not read');
    const deals = await salesops.readDeals(join(HISTORY, 'b2b-deals.csv'), {
      stages: actuals.value.stages,
      asOf: 2026 * 12 + 11,
    });
    if (!deals.ok) throw new Error(formatDiagnostic(deals.errors[0]!));
    const h1 = await salesops.readActualsFor(model, join(HISTORY, 'b2b-2027-h1-actuals.csv'));
    const out = join(tmp, 'shard.arrow');
    await salesops.writeShard(model, B2B, null, { k: 1, n: 1 }, out, run);
    const shards = await salesops.readShards([out]);
    const forecast = await salesops.forecast(model, run);
    Object.assign(made, {
      model,
      bundle,
      evaluator: ev,
      forecast,
      actuals: actuals.value,
      dealsOrNull: deals.value,
      allocation: await salesops.allocate(model, { ...run, trials: 50 }),
      quota: await salesops.quota(model, run),
      comparison: await salesops.compare(ev, { trials: 50 }),
      sensitivity: await salesops.sensitivity(ev, { trials: 50, tornadoTrials: 50 }),
      goal: await salesops.goalSeek(ev, {
        lever: 'channels.paid_search.spend',
        metric: 'bookings',
        target: 12e6,
        probability: 0.5,
        trials: 50,
      }),
      backtest: await salesops.backtest(actuals.value, { ...run, trials: 50 }),
      calibration: salesops.calibrate(actuals.value, deals.value),
      reforecast: await salesops.reforecast(model, h1, run),
      syntheticHistory: salesops.synthesize(model),
      shardSet: shards,
      trialsMeta: shards.meta,
      layout: ev.layout,
      calendar: model.calendar,
      labelledModel: model,
      spec: salesops.buildForecastCharts(forecast, model)[0],
      charts: salesops.buildForecastCharts(forecast, model),
      reportSections: salesops.FORECAST_SECTIONS,
    });
  }, 120_000);
  afterAll(async () => {
    await ev.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('recognises what the library makes, and refuses nothing and a number', () => {
    for (const [name, value] of Object.entries(made)) {
      const kind = ARG[name as keyof typeof ARG] as ArgumentKind;
      expect(kind.is(value), name).toBe(true);
      expect(kind.is(42), name).toBe(false);
      // The deals may be left out: calibrate(actuals) is calibrate(actuals, null).
      if (name !== 'dealsOrNull') expect(kind.is(undefined), name).toBe(false);
    }
  });

  it('tells the library objects apart', () => {
    expect(ARG.model.is(made.bundle)).toBe(false);
    expect(ARG.bundle.is(made.model)).toBe(false);
    expect(ARG.evaluator.is(made.model)).toBe(false);
    expect(ARG.forecast.is(made.quota)).toBe(false);
    expect(ARG.allocation.is(made.forecast)).toBe(false);
    expect(ARG.reforecast.is(made.forecast)).toBe(false);
    expect(describeArgument(made.bundle)).toBe('a scenario bundle');
    expect(describeArgument(made.evaluator)).toBe('an evaluator');
    expect(describeArgument(made.forecast)).toBe('a forecast result');
  });
});
