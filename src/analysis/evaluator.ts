/**
 * The prepared evaluator: the one engine every analysis asks "this plan, with these few
 * numbers changed, on the same trials — what happens, trial by trial?".
 *
 *   prepare(plan or bundle) ─► Evaluator ─┬─ evaluate(overrides, {trials, seed, metrics})
 *        (layout, stream plan,            │     → per-trial values + mean/sd/se
 *         design, threads: once)          ├─ source(plan) → rows, for forecastWith and friends
 *                                         └─ close()
 *
 * Preparing compiles nothing and starts no thread; the first run large enough to be worth
 * threads starts them, and they stay up (warm) until {@link Evaluator.close}. Every run
 * switches the threads to the plan it simulates (same shape, other values), so no run
 * re-parses, recompiles what did not change, or restarts a thread. Because every trial
 * draws from streams keyed by (seed, trial, purpose), two runs of the same seed are paired
 * trial by trial: common random numbers.
 */
import { availableParallelism } from 'node:os';
import { BATCH_TRIALS, THREAD_MIN_TRIAL_PERIODS } from '../defaults.js';
import type { Model } from '../model/types.js';
import { pickPlan, type ScenarioBundle } from '../scenario/load.js';
import { msg } from '../scenario/messages.js';
import { applyOverrides, type Override } from '../scenario/overrides.js';
import { canonicalParamPath } from '../scenario/params.js';
import { drawInputs } from '../sim/input-draws.js';
import { buildLayout, type Layout } from '../sim/layout.js';
import type { RowConsumer } from '../sim/pool.js';
import { SimPool } from '../sim/pool.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { type Logger, silentLogger } from '../util/logger.js';
import { type Diagnostic, InputError } from '../util/result.js';
import { closest } from '../util/suggest.js';
import { type MetricReader, metricReader } from './metric-reader.js';
import { checkOwnVariant } from './own-variant.js';
import type { TrialSource } from './precision.js';
import { checkOptionNames, checkRunOption, type OptionNames } from './run-options.js';
import { sampleSd, standardError } from './standard-error.js';

export interface PrepareOptions {
  /** Threads to simulate on, the main thread included: a whole number from 1 to 256; default every core. */
  readonly workers?: number;
  readonly logger?: Logger;
  /** How overrides are named in messages (default `override`; the CLI says `--set`). */
  readonly label?: string;
  /**
   * Trial-periods from which a run starts the threads (they then serve every later run);
   * default THREAD_MIN_TRIAL_PERIODS, right for one forecast. An analysis that evaluates
   * many times passes less (its threads start once and stay warm).
   */
  readonly threadMin?: number;
  /**
   * Evaluate this variant of the bundle (and what-ifs on top of it) instead of the base; a
   * compiled plan takes only its own (`model.variant`).
   */
  readonly variant?: string | undefined;
  /**
   * One-off edits (`--set`) that are part of the plan being evaluated: applied to the base
   * (or `variant`), and before every later `set` override.
   */
  readonly sets?: readonly Override[];
}

const PREPARE_OPTIONS: OptionNames<PrepareOptions> = {
  workers: true,
  logger: true,
  label: true,
  threadMin: true,
  variant: true,
  sets: true,
};

export interface EvaluateOptions {
  /** The metrics to return per trial (see metric-reader.ts); default `['bookings']`. */
  readonly metrics?: readonly string[];
  /** Trials to run, a whole number from 1 to 10,000,000; default the plan's `simulation.trials`. */
  readonly trials?: number;
  /**
   * Seed, a whole number from 0 to 2^53 − 1; default the plan's. Another seed gives fresh
   * trials (e.g. to confirm a search).
   */
  readonly seed?: number;
  /**
   * Start from this variant of the bundle instead of the base plan; a compiled plan takes
   * only its own (`model.variant`).
   */
  readonly variant?: string | undefined;
  /**
   * Inputs (dot paths, stages by id or index) whose value in each trial to return as well,
   * under `inputs` by their canonical path: the draws the trials were simulated with.
   */
  readonly inputs?: readonly string[];
  readonly onProgress?: (done: number, total: number) => void;
}

const EVALUATE_OPTIONS: OptionNames<EvaluateOptions> = {
  metrics: true,
  trials: true,
  seed: true,
  variant: true,
  inputs: true,
  onProgress: true,
};

/**
 * Mean, sample sd and the Monte Carlo standard error of the mean of one metric (sd and se null
 * for one trial, which cannot estimate them).
 */
export interface MeanSummary {
  readonly mean: number;
  readonly sd: number | null;
  readonly se: number | null;
}

/** What one evaluation returns: every asked-for metric, trial by trial, and its summary. */
export interface Evaluation {
  readonly trials: number;
  readonly seed: number;
  /** The plan that was simulated (overrides applied). */
  readonly model: Model;
  /** Per metric: one value per trial, trial 0 first. */
  readonly values: Readonly<Record<string, Float64Array>>;
  readonly summary: Readonly<Record<string, MeanSummary>>;
  /** Per asked-for input (canonical dot path): its value in each trial, trial 0 first. */
  readonly inputs: Readonly<Record<string, Float64Array>>;
}

/**
 * Prepares `input` (a compiled plan, or a bundle of a base plan and its variants, which
 * `set` overrides need) for many evaluations. Close it when done.
 * @throws InputError when `workers` is no whole number from 1 to 256, or `variant` names no
 * plan of `input`.
 * @example
 * const ev = prepare(await loadBundle('plan.yaml'), { workers: 2 });
 * const a = await ev.evaluate([], { trials: 2000 });
 * const b = await ev.evaluate([{ spend: 'paid_search', value: 55000 }], { trials: 2000 });
 * await ev.close();
 */
export function prepare(input: Model | ScenarioBundle, opts: PrepareOptions = {}): Evaluator {
  return new Evaluator(input, opts);
}

/**
 * Runs `fn` on an evaluator: `input` itself when it is one (left open for its owner), else
 * one prepared for this call (threads from the first trial) and closed after it, whatever
 * `fn` does.
 * @example const r = await withEvaluator(bundle, {}, (ev) => ev.evaluate([], { trials: 500 }));
 */
export async function withEvaluator<T>(
  input: Model | ScenarioBundle | Evaluator,
  opts: { readonly workers?: number | undefined; readonly logger?: Logger | undefined },
  fn: (ev: Evaluator) => Promise<T>,
): Promise<T> {
  if ('evaluate' in input) return fn(input);
  const ev = prepare(input, {
    threadMin: 0,
    ...(opts.workers === undefined ? {} : { workers: opts.workers }),
    ...(opts.logger === undefined ? {} : { logger: opts.logger }),
  });
  try {
    return await fn(ev);
  } finally {
    await ev.close();
  }
}

export class Evaluator {
  /** The plan evaluations start from: the base (or the prepared variant) with its `sets`. */
  readonly model: Model;
  readonly bundle: ScenarioBundle | null;
  readonly layout: Layout;
  readonly logger: Logger;
  private readonly workers: number;
  /** How overrides are named in messages (`--set` on the command line). */
  readonly label: string;
  private readonly threadMin: number;
  private readonly variant: string | null;
  private readonly sets: readonly Override[];
  /** The compiled plan given (or the bundle's base). */
  private readonly root: Model;
  /** Pools by plan shape (inputs and row layout); the prepared plan's shape is `baseShape`. */
  private readonly pools = new Map<string, { local: SimPool | null; threads: SimPool | null }>();
  private readonly baseShape: string;
  private closed = false;

  constructor(input: Model | ScenarioBundle, opts: PrepareOptions = {}) {
    checkArgument('prepare', 'input', input, ARG.modelOrBundle);
    checkOptionNames('prepare', opts, PREPARE_OPTIONS);
    const isBundle = 'base' in input;
    this.bundle = isBundle ? input : null;
    this.logger = opts.logger ?? silentLogger;
    this.label = opts.label ?? 'override';
    this.threadMin = opts.threadMin ?? THREAD_MIN_TRIAL_PERIODS;
    this.variant = opts.variant ?? null;
    this.sets = opts.sets ?? [];
    this.root = isBundle ? input.base : input;
    this.model = this.plan([]);
    this.layout = buildLayout(this.model);
    this.baseShape = shapeOf(this.model, this.layout);
    checkRunOption('prepare: options.workers', 'workers', opts.workers);
    this.workers = opts.workers ?? availableParallelism();
  }

  /**
   * The plan with `overrides` applied — to `variant` when given, else to the prepared plan
   * (the base, or the prepared variant, with the prepared `sets`) — checked with the same
   * messages as a variant.
   * @throws InputError naming the path and what was expected, or a variant the bundle lacks
   * (for a compiled plan, any variant but its own).
   */
  plan(overrides: readonly Override[], variant?: string): Model {
    checkArgument('plan', 'overrides', overrides, ARG.overrides);
    const name = variant ?? this.variant ?? undefined;
    let start = this.root;
    if (this.bundle === null) {
      // A compiled plan is its own variant and no other.
      checkOwnVariant('evaluate', this.root, name);
    } else if (name !== undefined) {
      const picked = pickPlan(this.bundle, name);
      if (!picked.ok) throw new InputError(picked.errors);
      start = picked.value;
    }
    const all = [...this.sets, ...overrides];
    if (all.length === 0) return start;
    const r = applyOverrides({ model: start, bundle: this.bundle }, all, this.label);
    if (!r.ok) throw new InputError(r.errors);
    return r.value;
  }

  /**
   * Simulates the plan with `overrides` on trials [0, trials) and returns the asked-for
   * metrics trial by trial. Two evaluations with the same seed see the same trials: their
   * per-trial differences are paired.
   * @throws InputError when an override or a metric name does not apply, or `trials` or `seed`
   * is no whole number in its range (`evaluate: options.seed: ✖ expected a whole number from
   * 0 to 2^53 − 1, got 1.5`).
   */
  async evaluate(overrides: readonly Override[], opts: EvaluateOptions = {}): Promise<Evaluation> {
    checkArgument('evaluate', 'overrides', overrides, ARG.overrides);
    checkOptionNames('evaluate', opts, EVALUATE_OPTIONS);
    return this.evaluatePlan(this.plan(overrides, opts.variant), opts);
  }

  /**
   * Like {@link evaluate}, for a plan the caller made: one from {@link plan}, then changed by
   * `applyOverrides`, e.g. a what-if that many runs start from, so its `set` edits compile
   * once. `opts.variant` is ignored.
   * @throws InputError when a metric name or an input path does not apply, or `trials` or
   * `seed` is out of range.
   */
  async evaluatePlan(base: Model, opts: EvaluateOptions = {}): Promise<Evaluation> {
    checkArgument('evaluatePlan', 'plan', base, ARG.model);
    checkOptionNames('evaluatePlan', opts, EVALUATE_OPTIONS);
    checkRunOption('evaluate: options.trials', 'trials', opts.trials);
    checkRunOption('evaluate: options.seed', 'seed', opts.seed);
    for (const key of ['metrics', 'inputs'] as const)
      if (opts[key] !== undefined)
        checkArgument('evaluate', `options.${key}`, opts[key], ARG.names);
    const trials = opts.trials ?? base.simulation.trials;
    const seed = opts.seed ?? base.simulation.seed;
    const model: Model = {
      ...base,
      simulation: { ...base.simulation, trials, seed, precision: null },
    };
    const names = opts.metrics ?? ['bookings'];
    // A variant may change the plan's shape (e.g. drop an initiative): read its own layout.
    const layout = shapeOf(model) === this.baseShape ? this.layout : buildLayout(model);
    const readers = this.readersOf(layout, model, names);
    const wanted = this.inputIndices(model, opts.inputs ?? []);
    const values: Record<string, Float64Array> = {};
    for (const r of readers) values[r.name] = new Float64Array(trials);
    const w = layout.width;
    await this.source(model, opts.onProgress)(0, trials, (from, count, rows) => {
      for (let i = 0; i < count; i++) {
        for (const r of readers) values[r.name]![from + i] = r.read(rows, i * w);
      }
    });
    const summary: Record<string, MeanSummary> = {};
    for (const r of readers) summary[r.name] = meanSummary(values[r.name]!);
    const draws = drawInputs(model, trials, wanted);
    const inputs: Record<string, Float64Array> = {};
    wanted.forEach((p, j) => {
      inputs[model.params[p]!.path] = draws[j]!;
    });
    return { trials, seed, model, values, summary, inputs };
  }

  /**
   * Param indices of the inputs at `paths` (any spelling users write).
   * @throws InputError naming a path that is no input, with the closest one.
   */
  private inputIndices(model: Model, paths: readonly string[]): number[] {
    const stageIds = model.stages.map((s) => s.id);
    const errors: Diagnostic[] = [];
    const found = paths.map((path) => {
      const canonical = canonicalParamPath(path, stageIds);
      const p = canonical === null ? -1 : model.params.findIndex((x) => x.path === canonical);
      if (p < 0) {
        const known = model.params.map((x) => x.path);
        errors.push({
          file: this.bundle?.file ?? model.name,
          line: null,
          path,
          message: `${this.label}: ${msg.overrideNoInput(path, closest(path, known))}`,
        });
      }
      return p;
    });
    if (errors.length > 0) throw new InputError(errors);
    return found;
  }

  /**
   * The metric readers for `names`.
   * @throws InputError naming the metric and what names are accepted.
   */
  readers(names: readonly string[]): MetricReader[] {
    checkArgument('readers', 'names', names, ARG.names);
    return this.readersOf(this.layout, this.model, names);
  }

  private readersOf(layout: Layout, model: Model, names: readonly string[]): MetricReader[] {
    return names.map((name) => {
      const r = metricReader(layout, model.calendar, name);
      if (typeof r === 'string') {
        throw new InputError([{ file: 'evaluate', line: null, path: '', message: r }]);
      }
      return r;
    });
  }

  /**
   * Trials of `model` (the base or a variant, with overrides) from the evaluator's threads,
   * rows in trial order; what forecasts and analyses run on. A plan of another shape than the
   * prepared one (a variant that drops an initiative has fewer inputs) runs on threads of its
   * own.
   */
  source(model: Model, onProgress?: (done: number, total: number) => void): TrialSource {
    checkArgument('source', 'model', model, ARG.model);
    return async (from: number, to: number, consume: RowConsumer) => {
      if (this.closed) throw new Error('Evaluator: used after close()');
      if (to <= from) return;
      const pool = this.poolFor(model, (to - from) * model.calendar.periods);
      pool.setModel(model);
      await pool.simulate(from, to, consume, onProgress);
    };
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()].flatMap((p) => [p.threads, p.local]);
    this.pools.clear();
    await Promise.all(pools.map((p) => p?.close()));
  }

  /**
   * For plans of `model`'s shape: the main thread alone for small runs; every thread (started
   * once) for larger ones.
   */
  private poolFor(model: Model, trialPeriods: number): SimPool {
    const shape = shapeOf(model);
    let pools = this.pools.get(shape);
    if (pools === undefined) {
      pools = { local: null, threads: null };
      this.pools.set(shape, pools);
    }
    const batches = Math.ceil(trialPeriods / (BATCH_TRIALS * model.calendar.periods));
    if (this.workers > 1 && (pools.threads !== null || trialPeriods >= this.threadMin)) {
      pools.threads ??= new SimPool(model, Math.min(this.workers, Math.max(2, batches)));
      return pools.threads;
    }
    pools.local ??= new SimPool(model, 1);
    return pools.local;
  }
}

/** What a plan's threads depend on: its inputs (by path) and its row layout. */
function shapeOf(model: Model, layout: Layout = buildLayout(model)): string {
  return JSON.stringify([model.params.map((p) => p.path), layout.series.map((s) => s.key)]);
}

/** Mean (compensated), sample sd and se = sd/√n of `x` (sd and se null for one value). */
export function meanSummary(x: Float64Array): MeanSummary {
  checkArgument('meanSummary', 'values', x, ARG.values);
  const n = x.length;
  let sum = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const y = x[i]! - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  return { mean, sd: sampleSd(sd, n), se: standardError(sd, n) };
}
