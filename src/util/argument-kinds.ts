/**
 * The kinds of argument the library's functions take, each as the words a refusal uses
 * (`expected a compiled model (loadModel(file), or a bundle's base), got …`) and a cheap
 * test of its shape: a few fields, never a validation — a compiled model is recognised, not
 * checked again (it was checked when it was compiled). The texts live here together, as the
 * scenario's live in scenario/messages.ts. Only types are imported, so the scenario layer can
 * use the kinds without loading any analysis code.
 */

/** One kind of argument. */
export interface ArgumentKind {
  /** What the argument must be, as a message says it after "expected". */
  readonly expected: string;
  /** Whether `v` has the kind's shape. */
  readonly is: (v: unknown) => boolean;
}

type Fields = Readonly<Record<string, unknown>>;

/** An object that is not a list (a class instance counts: an evaluator is one). */
export const isFields = (v: unknown): v is Fields =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const lists = (v: Fields, keys: readonly string[]): boolean =>
  keys.every((k) => Array.isArray(v[k]));
/** An object whose `keys` are all lists, and whose other fields pass `more`. */
const withLists =
  (keys: readonly string[], more: (v: Fields) => boolean = () => true) =>
  (v: unknown): boolean =>
    isFields(v) && lists(v, keys) && more(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isText = (v: unknown): boolean => typeof v === 'string' && v !== '';
const isFunction = (v: unknown): boolean => typeof v === 'function';
const isNumber = (v: unknown): boolean => typeof v === 'number';
const isWhole = (v: unknown, min: number): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min;

/** A compiled model: its calendar, simulation settings and entity lists. */
export const isModel = withLists(
  ['stages', 'channels', 'markets', 'roles'],
  (v) => isFields(v.calendar) && isString(v.calendar.start) && isFields(v.simulation),
);
/** A scenario bundle: a compiled base and a map of variants. */
export const isBundle = (v: unknown): boolean =>
  isFields(v) && isModel(v.base) && v.variants instanceof Map;
/** A prepared evaluator (the class is the analysis layer's: its shape is enough here). */
export const isEvaluator = (v: unknown): boolean =>
  isFields(v) && isFunction(v.evaluate) && isFunction(v.plan) && isModel(v.model);
/** A forecast's result: its periods, metrics and histograms. */
export const isForecast = withLists(
  ['periods'],
  (v) => isFields(v.metrics) && isFields(v.histograms),
);
const isActuals = withLists(['periods', 'stages', 'cohorts'], (v) => isString(v.file));

/** Every kind, by the name the functions' checks use. */
export const ARG = {
  path: { expected: 'a file path (a non-empty string)', is: isText },
  paths: {
    expected: 'a list of file paths (strings)',
    is: (v: unknown) => Array.isArray(v) && v.every(isText),
  },
  scenarioText: { expected: 'the scenario text (a string of YAML or JSON)', is: isString },
  fileName: { expected: 'the file name messages show (a non-empty string)', is: isText },
  model: { expected: "a compiled model (loadModel(file), or a bundle's base)", is: isModel },
  bundle: { expected: 'a scenario bundle (loadBundle(file))', is: isBundle },
  bundleOrNull: {
    expected: 'a scenario bundle (loadBundle(file)), or null for none',
    is: (v: unknown) => v === undefined || v === null || isBundle(v),
  },
  overrideTarget: {
    expected: 'a target { model, bundle }: a compiled model, and its scenario bundle or null',
    is: isFields,
  },
  modelOrBundle: {
    expected: 'a compiled model or a scenario bundle (loadModel(file) or loadBundle(file))',
    is: (v: unknown) => isModel(v) || isBundle(v),
  },
  analysisInput: {
    expected:
      'a compiled model, a scenario bundle or an evaluator (loadModel(file), loadBundle(file) or prepare(bundle))',
    is: (v: unknown) => isModel(v) || isBundle(v) || isEvaluator(v),
  },
  goalOptions: {
    expected: 'an object of options with lever, metric, target and probability',
    is: isFields,
  },
  evaluator: { expected: 'an evaluator (prepare(bundle))', is: isEvaluator },
  labelledModel: {
    expected:
      'a compiled model (loadModel(file)), or an object with its markets, channels, roles, initiatives and stages',
    is: withLists(['markets', 'channels', 'roles', 'initiatives', 'stages']),
  },
  overrides: {
    expected: 'a list of overrides, such as [{ spend: CHANNEL, value }] ([] for none)',
    is: Array.isArray,
  },
  actuals: {
    expected: "actuals (the value of readActuals(path), or loadHistory's actuals)",
    is: isActuals,
  },
  dealsOrNull: {
    expected: 'deal statistics (the value of readDeals(path, options)), or null for none',
    is: (v: unknown) => v === undefined || v === null || withLists(['stages', 'transitions'])(v),
  },
  historyInputs: {
    expected: "the history's files, { actuals: { path }, deals?: { path }, scenario?: { path } }",
    is: isFields,
  },
  historyFile: { expected: 'a file { path, display? }', is: isFields },
  monthLabel: { expected: 'a month such as 2026-12 (a string)', is: isString },
  cellText: { expected: "a cell's text (a string)", is: isString },
  stageIds: {
    expected: "the funnel's stage ids, first to last (a list of strings)",
    is: (v: unknown) => Array.isArray(v) && v.every(isString),
  },
  monthNumber: {
    expected: 'a month number, year·12 + month − 1 (a whole number)',
    is: (v: unknown) => isWhole(v, 0),
  },
  trialCount: { expected: 'a whole number of trials ≥ 1', is: (v: unknown) => isWhole(v, 1) },
  shardCount: {
    expected: 'a number of shards (a whole number ≥ 1)',
    is: (v: unknown) => isWhole(v, 1),
  },
  /** Shard k of `n`. */
  shardIndex: (n: number): ArgumentKind => ({
    expected: `a shard number from 1 to n (${n})`,
    is: (v: unknown) => isWhole(v, 1) && (v as number) <= n,
  }),
  shard: {
    expected: 'a shard { k, n }: whole numbers with 1 ≤ k ≤ n',
    is: (v: unknown) =>
      isFields(v) && isWhole(v.n, 1) && isWhole(v.k, 1) && (v.k as number) <= (v.n as number),
  },
  variantOrNull: {
    expected: "the model's variant name (model.variant), or null for the base plan",
    is: (v: unknown) => v === null || isString(v),
  },
  scenarioSource: {
    expected: 'the scenario the model was compiled from: its file path, or { file, text }',
    is: (v: unknown) => isText(v) || (isFields(v) && isString(v.file) && isString(v.text)),
  },
  trialSource: {
    expected:
      'a function (from, to, consume) that simulates trials, such as ev.source(model) of an evaluator',
    is: isFunction,
  },
  rowSource: {
    expected: 'a function (consume) that feeds every trial row to consume',
    is: isFunction,
  },
  rowConsumer: {
    expected: 'a function (from, count, rows) that takes each batch of trial rows',
    is: isFunction,
  },
  values: {
    expected: 'the value of every trial (a Float64Array)',
    is: (v: unknown) => v instanceof Float64Array,
  },
  /** Paired with values of `n` trials. */
  pairedValues: (n: number): ArgumentKind => ({
    expected: `the value of every trial, as many as the variant's (a Float64Array of ${n})`,
    is: (v: unknown) => v instanceof Float64Array && v.length === n,
  }),
  sortedValues: {
    expected: 'values sorted from low to high (a Float64Array or a list of numbers)',
    is: (v: unknown) => v instanceof Float64Array || (Array.isArray(v) && v.every(isNumber)),
  },
  number: { expected: 'a number', is: isNumber },
  dotPath: {
    expected: "an input's dot path (a string, such as funnel.won.rate)",
    is: isText,
  },
  leverPath: {
    expected: "the lever's dot path (a string, such as channels.paid_search.spend)",
    is: isText,
  },
  metric: {
    expected: 'a metric name (a string, such as bookings or bookings@Q2)',
    is: isText,
  },
  names: {
    expected: "a list of names (strings), such as ['bookings', 'profit']",
    is: (v: unknown) => Array.isArray(v) && v.every(isString),
  },
  diagnostic: {
    expected: "a diagnostic { file, line, path, message } (an item of a failed result's errors)",
    is: (v: unknown) => isFields(v) && isString(v.message),
  },
  id: { expected: 'an id (a string)', is: isString },
  currency: { expected: 'a currency code (a string, such as USD)', is: isString },
  labelItems: {
    expected: 'a list of { id, label }',
    is: (v: unknown) => Array.isArray(v) && v.every((x) => isFields(x) && isString(x.id)),
  },
  spec: {
    expected: 'a Vega-Lite spec (an object, such as one of buildForecastCharts(result, model))',
    is: isFields,
  },
  charts: {
    expected: 'a list of chart specs (buildForecastCharts(result, model))',
    is: (v: unknown) => Array.isArray(v) && v.every(isFields),
  },
  svg: {
    expected: 'SVG text (a string, such as renderSvg(spec) gives)',
    is: (v: unknown) => isText(v) || v instanceof Uint8Array,
  },
  actualMonths: {
    expected: 'the number of months of actuals (a whole number ≥ 0)',
    is: (v: unknown) => isWhole(v, 0),
  },
  scenarioName: { expected: "the scenario's name (a string)", is: isString },
  reportInput: {
    expected: 'a report input { result, model, charts } (a forecast, its model and its charts)',
    is: isFields,
  },
  reportSections: {
    expected: 'a list of report sections (such as FORECAST_SECTIONS)',
    is: (v: unknown) => Array.isArray(v) && v.every((s) => isFields(s) && isString(s.id)),
  },
  layout: {
    expected: 'a row layout (buildLayout(model))',
    is: withLists(['series'], (v) => isFields(v.metric) && typeof v.width === 'number'),
  },
  calendar: {
    expected: "a model's calendar (model.calendar)",
    is: withLists(['labels'], (v) => isString(v.start) && v.quarterOf instanceof Int32Array),
  },
  forecast: { expected: 'a forecast result (forecast(model))', is: isForecast },
  allocation: {
    expected: 'an allocation result (allocate(model))',
    is: (v: unknown) => isFields(v) && isFields(v.recommended) && isFields(v.certificate),
  },
  quota: {
    expected: 'a quota result (quota(model))',
    is: withLists(['reps', 'periods', 'quarters']),
  },
  comparison: {
    expected: 'a comparison (compare(bundle))',
    is: (v: unknown) => isFields(v) && isFields(v.base) && isFields(v.variants),
  },
  sensitivity: {
    expected: 'a sensitivity result (sensitivity(bundle))',
    is: withLists(['inputs', 'spider']),
  },
  goal: {
    expected: 'a goal-seek result (goalSeek(ev, options))',
    is: withLists(['points'], (v) => isString(v.lever) && isFields(v.target)),
  },
  backtest: {
    expected: 'a backtest result (backtest(actuals))',
    is: withLists(['points', 'summary', 'byAhead']),
  },
  calibration: {
    expected: 'a calibration (calibrate(actuals, deals))',
    is: withLists(['stages', 'markets', 'channels'], (v) => isString(v.anchor)),
  },
  reforecast: {
    expected: 'a reforecast result (reforecast(model, actuals))',
    is: withLists(['rates'], (v) => isForecast(v.forecast) && isModel(v.rest)),
  },
  syntheticHistory: {
    expected: 'a synthetic history (synthesize(model))',
    is: withLists(['cohorts', 'deals'], (v) => v.params instanceof Float64Array),
  },
  shardSet: {
    expected: 'a set of shard files (readShards(paths))',
    is: withLists(['files'], (v) => isFields(v.meta)),
  },
  trialsMeta: {
    expected: "a trials file's metadata (readShards(paths).meta)",
    is: (v: unknown) =>
      isFields(v) && isString(v.scenario) && isString(v.file) && Array.isArray(v.edits),
  },
} as const satisfies Record<string, ArgumentKind | ((n: number) => ArgumentKind)>;
