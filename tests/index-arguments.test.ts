/**
 * Every function the library exports (src/index.ts) refuses a required argument that is
 * missing or of the wrong kind at its entry, naming the function, the argument (or the field
 * of an options object) and what it takes, in the option-name check's shape:
 * `forecast: model: ✖ expected a compiled model (loadModel(file), or a bundle's base), got
 * nothing`. Before, each of these calls failed with a raw TypeError from deep inside
 * (`Cannot use 'in' operator to search for 'base' in undefined`), or worse returned a wrong
 * answer without a word (`stringifyForecast()` printed `{"salesops": "0.1.0"}`, `readDeals`
 * took `asOf: '2026-01'`, `summaryOf([10, 9, 100])` sorted the numbers as text). The table
 * must name every exported function, so a new export needs a row (or a reason to have none).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as salesops from '../src/index.js';
import {
  type Actuals,
  type Evaluator,
  type ForecastResult,
  InputError,
  type Model,
  type Result,
  type ScenarioBundle,
} from '../src/index.js';
import { type Loose, only } from './helpers/refusal.js';

const ROOT = join(import.meta.dirname, '..');
const B2B = join(ROOT, 'scenarios/b2b-saas.yaml');
const ACTUALS = join(ROOT, 'scenarios/history/b2b-actuals.csv');
const DEALS = join(ROOT, 'scenarios/history/b2b-deals.csv');
const tmp = mkdtempSync(join(tmpdir(), 'salesops-arguments-'));
const OUT = join(tmp, 'shard.arrow');

// What a JavaScript caller can pass: the library seen without its types.
const L = salesops as Loose;
let model: Model;
let bundle: ScenarioBundle;
let ev: Evaluator;
let f: ForecastResult;
let actuals: Actuals;
beforeAll(async () => {
  bundle = await salesops.loadBundle(B2B, { trials: 20 });
  model = bundle.base;
  ev = salesops.prepare(bundle, { workers: 1 });
  f = await salesops.forecast(model, { workers: 1 });
  const a = await salesops.readActuals(ACTUALS);
  if (!a.ok) throw new Error('the sample actuals do not read');
  actuals = a.value;
});
afterAll(async () => {
  await ev.close();
  rmSync(tmp, { recursive: true, force: true });
});

const F64 = (...v: number[]) => Float64Array.from(v);
// Objects of the right shape, where an argument after them is the one left out.
const shardSet = { meta: {}, files: [] };
const calibration = { stages: [], markets: [], channels: [], anchor: '2026-01' };
const backtested = { points: [], summary: [], byAhead: [] };

/** Functions that return a result: they carry the refusal as the result's one diagnostic. */
const RESULTS = new Set([
  'compileScenario',
  'compileAll',
  'compileScenarioFile',
  'readActuals',
  'readDeals',
  'applyOverrides',
  'recordedPlan',
]);

/**
 * Exports without a row, and why: error classes and the result and logger constructors take
 * nothing that can be missing in a way they could refuse; the number formats and the beta
 * quantile follow the NaN policy (a value that is no number gives '–' or NaN); validateSpec
 * is itself a check (anything that is no spec gives its problems).
 */
const NO_ROW = new Set([
  'InputError',
  'SimulationError',
  'ExternalDataError',
  'Evaluator', // its constructor is prepare's: the rows of prepare
  'ok',
  'fail',
  'memoryLogger',
  'scenarioJsonSchema',
  'formatCompact',
  'formatPercent',
  'betaQuantile',
  'validateSpec',
]);

interface Row {
  /** The export (or method) called. */
  readonly name: string;
  /** The argument the message names. */
  readonly at: string;
  /** How the message shows what was given (its start). */
  readonly got: string;
  readonly call: () => unknown;
  /** The function the message names, when not `name` (quotaWithForecast reports as quota). */
  readonly fn?: string;
  /** What the message says is expected, where an older check says something else. */
  readonly expected?: string;
}
const row = (
  name: string,
  at: string,
  got: string,
  call: () => unknown,
  fn?: string,
  expected?: string,
): Row => ({
  name,
  at,
  got,
  call,
  ...(fn === undefined ? {} : { fn }),
  ...(expected === undefined ? {} : { expected }),
});

const ROWS: readonly Row[] = [
  // scenario
  row('loadModel', 'path', 'nothing', () => L.loadModel()),
  row('loadModel', 'path', 'number 42', () => L.loadModel(42)),
  row('loadModel', 'path', 'string ""', () => L.loadModel('')),
  row('loadModel', 'path', 'a URL', () => L.loadModel(new URL(`file://${B2B}`))),
  row('loadBundle', 'path', 'nothing', () => L.loadBundle()),
  row('compileScenario', 'text', 'nothing', () => L.compileScenario()),
  row('compileScenario', 'file', 'nothing', () => L.compileScenario('scenario: x')),
  row('compileAll', 'text', 'number 42', () => L.compileAll(42, 'plan.yaml')),
  row('compileScenarioFile', 'path', 'nothing', () => L.compileScenarioFile()),
  row('applyOverrides', 'target', 'nothing', () => L.applyOverrides()),
  row('applyOverrides', 'target.model', 'number 42', () =>
    L.applyOverrides({ model: 42, bundle: null }, []),
  ),
  row('applyOverrides', 'overrides', 'nothing', () => L.applyOverrides({ model, bundle })),
  row('recordedPlan', 'meta', 'nothing', () => L.recordedPlan()),
  row('defaultLabel', 'id', 'number 42', () => L.defaultLabel(42)),
  row('displayLabel', 'id', 'nothing', () => L.displayLabel()),
  row('paramLabel', 'path', 'nothing', () => L.paramLabel(model)),
  row('splitParamPath', 'model', 'number 42', () => L.splitParamPath(42, 'funnel.won.rate')),
  row('buildLayout', 'model', 'a scenario bundle', () => L.buildLayout(bundle)),
  // the evaluator
  row('prepare', 'input', 'nothing', () => L.prepare()),
  row('prepare', 'input', 'a map with no fields', () => L.prepare({})),
  row('evaluate', 'overrides', 'nothing', () => (ev as Loose).evaluate()),
  row('evaluate', 'options.metrics', 'string "bookings"', () =>
    ev.evaluate([], { metrics: 'bookings' as Loose }),
  ),
  row('evaluatePlan', 'plan', 'a scenario bundle', () => ev.evaluatePlan(bundle as Loose)),
  row('plan', 'overrides', 'number 42', () => ev.plan(42 as Loose)),
  row('readers', 'names', 'string "bookings"', () => ev.readers('bookings' as Loose)),
  row('source', 'model', 'nothing', () => (ev as Loose).source()),
  row('meanSummary', 'values', 'nothing', () => L.meanSummary()),
  // analyses
  row('forecast', 'model', 'nothing', () => L.forecast()),
  row('forecast', 'model', 'number 42', () => L.forecast(42)),
  row('forecast', 'model', 'a scenario bundle', () => L.forecast(bundle)),
  row('forecast', 'model', 'a promise (await it first)', () => L.forecast(L.loadModel(B2B))),
  row('forecastWith', 'ev', 'a compiled model', () => L.forecastWith(model, [])),
  row('forecastWith', 'overrides', 'nothing', () => L.forecastWith(ev)),
  row('runForecast', 'simulate', 'nothing', () => L.runForecast(model)),
  row('summariseRun', 'trials', 'nothing', () => L.summariseRun(model)),
  row('summariseRun', 'source', 'nothing', () => L.summariseRun(model, 10)),
  row('allocate', 'input', 'nothing', () => L.allocate()),
  row('allocate', 'input', 'a list of 0', () => L.allocate([])),
  row('compare', 'input', 'number 42', () => L.compare(42)),
  row('sensitivity', 'input', 'nothing', () => L.sensitivity()),
  row('quota', 'model', 'nothing', () => L.quota()),
  row(
    'quotaWithForecast',
    'model',
    'a scenario bundle',
    () => L.quotaWithForecast(bundle),
    'quota',
  ),
  row('goalSeek', 'ev', 'nothing', () => L.goalSeek()),
  row('goalSeek', 'ev', 'a compiled model', () =>
    L.goalSeek(model, { lever: 'channels.paid_search.spend', metric: 'bookings' }),
  ),
  row('goalSeek', 'options', 'nothing', () => L.goalSeek(ev)),
  row('goalSeek', 'options.lever', 'nothing', () => L.goalSeek(ev, {})),
  row('goalSeek', 'options.metric', 'nothing', () =>
    L.goalSeek(ev, { lever: 'channels.paid_search.spend' }),
  ),
  row('lever', 'model', 'nothing', () => L.lever()),
  row('lever', 'path', 'number 42', () => L.lever(model, 42)),
  row('metricReader', 'layout', 'nothing', () => L.metricReader()),
  row('metricReader', 'calendar', 'nothing', () => L.metricReader(ev.layout)),
  row('metricReader', 'name', 'number 42', () => L.metricReader(ev.layout, model.calendar, 42)),
  row('whatIfAnalyses', 'bundle', 'a compiled model', () =>
    L.whatIfAnalyses(model, { trials: 20 }),
  ),
  row('whatIfAnalyses', 'options.trials', 'nothing', () => L.whatIfAnalyses(bundle)),
  row('simulate', 'model', 'nothing', () => L.simulate()),
  row('simulate', 'consume', 'nothing', () => L.simulate(model, {})),
  row('writeShard', 'model', 'nothing', () => L.writeShard()),
  row('writeShard', 'scenario', 'nothing', () => L.writeShard(model)),
  row('writeShard', 'variant', 'nothing', () => L.writeShard(model, B2B)),
  row('writeShard', 'shard', 'a map { k: 3, n: 2 }', () =>
    L.writeShard(model, B2B, null, { k: 3, n: 2 }, OUT),
  ),
  row('writeShard', 'out', 'nothing', () => L.writeShard(model, B2B, null, { k: 1, n: 2 })),
  row('readShards', 'paths', 'string "a.arrow"', () => L.readShards('a.arrow')),
  row('mergeShards', 'set', 'nothing', () => L.mergeShards()),
  row('mergeShards', 'model', 'nothing', () => L.mergeShards(shardSet)),
  row('shardRange', 'trials', 'nothing', () => L.shardRange()),
  row('shardRange', 'n', 'number 0', () => L.shardRange(10, 1, 0)),
  row('shardRange', 'k', 'number 3', () => L.shardRange(10, 3, 2)),
  row('summaryOf', 'values', 'a list of 3', () => L.summaryOf([10, 9, 100])),
  row('pairedDifference', 'variant', 'nothing', () => L.pairedDifference()),
  row('pairedDifference', 'base', 'a Float64Array of 2', () =>
    L.pairedDifference(F64(1, 2, 3), F64(1, 2)),
  ),
  row('trialDifference', 'base', 'nothing', () => L.trialDifference(F64(1, 2))),
  row('beats', 'variant', 'a list of 2', () => L.beats([1, 2], F64(1, 2))),
  // results as JSON and CSV
  row('forecastToCsv', 'result', 'a scenario bundle', () => L.forecastToCsv(bundle)),
  row('forecastJson', 'result', 'nothing', () => L.forecastJson()),
  row('stringifyForecast', 'result', 'nothing', () => L.stringifyForecast()),
  row('allocationToCsv', 'result', 'a forecast result', () => L.allocationToCsv(f)),
  row('stringifyAllocation', 'result', 'nothing', () => L.stringifyAllocation()),
  row('quotaToCsv', 'result', 'nothing', () => L.quotaToCsv()),
  // history
  row('readActuals', 'path', 'nothing', () => L.readActuals()),
  row('readDeals', 'path', 'number 42', () => L.readDeals(42)),
  row('readDeals', 'options.stages', 'nothing', () => L.readDeals(DEALS)),
  row('readDeals', 'options.asOf', 'string "2026-06"', () =>
    L.readDeals(DEALS, { stages: ['lead', 'won'], asOf: '2026-06' }),
  ),
  row('readActualsFor', 'model', 'nothing', () => L.readActualsFor()),
  row('readActualsFor', 'path', 'nothing', () => L.readActualsFor(model)),
  row('loadHistory', 'inputs', 'nothing', () => L.loadHistory()),
  row('loadHistory', 'inputs.actuals', 'nothing', () => L.loadHistory({})),
  // The option-name check said "expected an object of options" here.
  row(
    'loadHistory',
    'inputs.actuals',
    'string "',
    () => L.loadHistory({ actuals: ACTUALS }),
    undefined,
    'a file { path, display? }',
  ),
  row('loadHistory', 'inputs.actuals.path', 'number 42', () =>
    L.loadHistory({ actuals: { path: 42 } }),
  ),
  row('loadHistory', 'inputs.deals.path', 'nothing', () =>
    L.loadHistory({ actuals: { path: ACTUALS }, deals: {} }),
  ),
  row('loadHistory', 'inputs.asOf', 'number 24318', () =>
    L.loadHistory({ actuals: { path: ACTUALS }, deals: { path: DEALS }, asOf: 24318 }),
  ),
  row('backtest', 'actuals', 'string "', () => L.backtest(ACTUALS)),
  row('calibrate', 'actuals', 'nothing', () => L.calibrate()),
  row('calibrate', 'deals', 'number 42', () => L.calibrate(actuals, 42)),
  row('reforecast', 'actuals', 'nothing', () => L.reforecast(model)),
  row('synthesize', 'model', 'nothing', () => L.synthesize()),
  row('actualsCsv', 'history', 'nothing', () => L.actualsCsv(model)),
  row('dealsCsv', 'model', 'number 42', () => L.dealsCsv(42)),
  row('calibrationJson', 'calibration', 'nothing', () => L.calibrationJson()),
  row('fragmentYaml', 'calibration', 'a compiled model', () => L.fragmentYaml(model)),
  row('mergeYaml', 'baseText', 'nothing', () => L.mergeYaml(calibration)),
  row('backtestCsv', 'result', 'nothing', () => L.backtestCsv()),
  row('backtestJson', 'result', 'nothing', () => L.backtestJson()),
  row('reforecastJson', 'result', 'nothing', () => L.reforecastJson()),
  row('stringifyReforecast', 'result', 'a forecast result', () => L.stringifyReforecast(f)),
  row('crpsSorted', 'sorted', 'nothing', () => L.crpsSorted()),
  row('crpsSorted', 'y', 'nothing', () => L.crpsSorted([1, 2])),
  row('scoreSamples', 'samples', 'a list of 2', () => L.scoreSamples([1, 2], 1)),
  row('scoreSamples', 'actual', 'nothing', () => L.scoreSamples(F64(1, 2))),
  row('parseNumber', 'text', 'number 42', () => L.parseNumber(42)),
  row('parseDate', 'text', 'nothing', () => L.parseDate()),
  row('parseMonth', 'text', 'number 202606', () => L.parseMonth(202606)),
  // charts, rendering and the report
  row('buildForecastCharts', 'result', 'nothing', () => L.buildForecastCharts()),
  row('buildForecastCharts', 'model', 'nothing', () => L.buildForecastCharts(f)),
  row('buildAllocationCharts', 'result', 'nothing', () => L.buildAllocationCharts()),
  row('buildBacktestChart', 'currency', 'nothing', () => L.buildBacktestChart(backtested)),
  row('buildCalibrationCharts', 'calibration', 'nothing', () => L.buildCalibrationCharts()),
  row('buildCompareCharts', 'comparison', 'nothing', () => L.buildCompareCharts()),
  row('buildGoalChart', 'goal', 'nothing', () => L.buildGoalChart()),
  row('buildQuotaCharts', 'quota', 'a forecast result', () => L.buildQuotaCharts(f, f)),
  row('buildReforecastChart', 'k', 'nothing', () => L.buildReforecastChart(f)),
  row('buildSensitivityCharts', 'result', 'nothing', () => L.buildSensitivityCharts()),
  row('uniqueLabels', 'items', 'nothing', () => L.uniqueLabels()),
  row('houseConfig', 'currency', 'number 42', () => L.houseConfig(42)),
  row('formatMoney', 'currency', 'nothing', () => L.formatMoney(1000)),
  row('renderSvg', 'spec', 'nothing', () => L.renderSvg()),
  row('renderPng', 'spec', 'number 42', () => L.renderPng(42)),
  row('svgToPng', 'svg', 'nothing', () => L.svgToPng()),
  row('buildReport', 'input', 'nothing', () => L.buildReport()),
  row('buildReport', 'input.result', 'nothing', () => L.buildReport({})),
  row('buildReport', 'input.model', 'nothing', () => L.buildReport({ result: f })),
  row('buildReport', 'input.charts', 'nothing', () => L.buildReport({ result: f, model })),
  row('buildReport', 'sections', 'string "summary"', () =>
    L.buildReport({ result: f, model, charts: [] }, 'summary'),
  ),
  row('executiveSummary', 'model', 'nothing', () => L.executiveSummary(f)),
  row('formatDiagnostic', 'diagnostic', 'nothing', () => L.formatDiagnostic()),
];

/** What a raw failure from inside looks like; none may reach the caller. */
const RAW = /TypeError|Cannot read|Cannot use|is not a function|is not iterable|undefined|\n\s+at /;

/** The refusal's message: from the result's one diagnostic, or the InputError thrown. */
async function refusalOf(r: Row): Promise<string> {
  let value: unknown;
  try {
    value = await r.call();
  } catch (e) {
    expect(RESULTS.has(r.name), `${r.name} returns a result, and must not throw`).toBe(false);
    expect(e, (e as Error).message).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  expect(RESULTS.has(r.name), `${r.name} took the argument`).toBe(true);
  return only(value as Result<unknown>);
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a missing or wrong required argument', () => {
  it.each(ROWS.map((r) => [`${r.name}: ${r.at} (${r.got})`, r] as const))(
    '%s is refused naming the function and the argument',
    async (_, r) => {
      const message = await refusalOf(r);
      expect(message).toMatch(
        new RegExp(
          `^${literal(r.fn ?? r.name)}: ${literal(r.at)}: ✖ expected ${r.expected === undefined ? '.+' : literal(r.expected)}, got ${literal(r.got)}`,
        ),
      );
      expect(message).not.toMatch(RAW);
    },
  );

  it('has a row for every function the library exports, or a reason for none', () => {
    const exported = Object.entries(salesops)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k);
    const covered = new Set(ROWS.map((r) => r.name));
    expect(exported.filter((k) => !covered.has(k) && !NO_ROW.has(k))).toEqual([]);
    expect([...NO_ROW].filter((k) => !exported.includes(k))).toEqual([]);
  });
});

describe('what the checks let through', () => {
  it('takes the arguments JavaScript callers leave out where the function has a default', async () => {
    // A spend override needs no bundle; a lever with bounds of its own needs none given;
    // simulate's options may be left out; calibrate's deals may be.
    const r = salesops.applyOverrides({ model } as Loose, [{ spend: 'paid_search', value: 60000 }]);
    expect(r.ok, r.ok ? '' : salesops.formatDiagnostic(r.errors[0]!)).toBe(true);
    expect(salesops.lever(model, 'channels.paid_search.spend').min).toBeGreaterThanOrEqual(0);
    let rows = 0;
    await salesops.simulate(model, undefined, (_from, count) => {
      rows += count;
    });
    expect(rows).toBe(20);
    expect(salesops.calibrate(actuals, undefined as Loose).stages.length).toBe(
      actuals.stages.length,
    );
    expect(salesops.crpsSorted([0, 1], 0)).toBe(0);
  });
});
