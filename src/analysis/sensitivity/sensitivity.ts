/**
 * sensitivity — what drives the plan's outcome:
 *
 *   plan ─► levers (uncertain inputs P10/P90, --vary inputs ±x%)
 *        ├─► tornado: each lever low and high, every other uncertain input at its median,
 *        │            on the same trials (common random numbers); sorted by swing
 *        ├─► spider:  the top inputs at P10, P20 … P90
 *        └─► variance shares: each uncertain input's first-order share (given data of one
 *                     run), the funnel's own noise (a second run: same inputs, other noise),
 *                     and the remainder (interactions)
 *
 * Every run is the plan with model-level overrides on the evaluator's threads; its own
 * variant and `set` edits compile once.
 */
import {
  MAX_SPIDER_INPUTS,
  SENSITIVITY_BOOTSTRAP,
  SPIDER_INPUTS,
  SPIDER_PERCENTILES,
  TORNADO_TRIAL_SHARE,
  TORNADO_TRIALS_MAX,
  TORNADO_TRIALS_MIN,
} from '../../defaults.js';
import { paramLabel } from '../../model/param-label.js';
import type { Model } from '../../model/types.js';
import type { ScenarioBundle } from '../../scenario/load.js';
import type { Override } from '../../scenario/overrides.js';
import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import type { Logger } from '../../util/logger.js';
import { InputError } from '../../util/result.js';
import { type Evaluator, withEvaluator } from '../evaluator.js';
import { whatIfMsg } from '../messages.js';
import {
  checkOptionNames,
  checkRunOption,
  checkRunOptions,
  type OptionNames,
  optionError,
} from '../run-options.js';
import { sampleSd } from '../standard-error.js';
import { ONE_TRIAL_WARNING } from '../summarise.js';
import { levers as leversOf, type Vary } from './levers.js';
import { metricPlan } from './metric.js';
import { SensitivityRunner } from './runner.js';
import { varianceShares } from './shares.js';
import { spider, spiderExtraRuns, tornado, tornadoRuns } from './tornado.js';
import type { SensitivityInput, SensitivityMetric, SensitivityResult } from './types.js';

export interface SensitivityOptions {
  /** `bookings` (default: horizon bookings), `profit`, or `target` (reaching the bookings target). */
  readonly metric?: SensitivityMetric;
  /**
   * Analyse this variant of the bundle instead of the base (with a compiled plan: only a
   * check that it is the plan's own variant). The result names the analysed plan's variant.
   */
  readonly variant?: string;
  /** Changes to the plan first (e.g. `--set` edits): the what-if whose drivers to show. */
  readonly overrides?: readonly Override[];
  /** Fixed inputs (or `channels.<id>.spend`) to add to the tornado, moved by ±`by`. */
  readonly vary?: readonly Vary[];
  /** Inputs on the spider chart (default 5). */
  readonly top?: number;
  /** Input percentiles of the spider's points, within 0.1 … 0.9 (default P10, P20 … P90). */
  readonly spiderPercentiles?: readonly number[];
  /** Trials of each of the two variance runs (default the plan's `simulation.trials`). */
  readonly trials?: number;
  /** Trials of each tornado and spider run (default a tenth of `trials`, 200 … 2,000). */
  readonly tornadoTrials?: number;
  /** Seed (default the plan's). */
  readonly seed?: number;
  /** Bootstrap resamples for the errors of the shares (default 200). */
  readonly bootstrap?: number;
  /** Threads when `sensitivity` prepares its own evaluator; default every core. */
  readonly workers?: number;
  readonly logger?: Logger;
  readonly onProgress?: (done: number, total: number) => void;
}

const SENSITIVITY_OPTIONS: OptionNames<SensitivityOptions> = {
  metric: true,
  variant: true,
  overrides: true,
  vary: true,
  top: true,
  spiderPercentiles: true,
  trials: true,
  tornadoTrials: true,
  seed: true,
  bootstrap: true,
  workers: true,
  logger: true,
  onProgress: true,
};

/** What the shares' estimator is, in words for the JSON and the report. */
export const ESTIMATOR =
  'first-order shares Var(E[Y|X])/Var(Y) from the trials of one run (given data: piecewise-linear fit of Y on X in equal-count bins, adjusted R²); the funnel’s own noise from a second run with the same inputs and other noise draws (1 − Cov(Y_A, Y_B)/Var(Y)); errors by bootstrap';

/**
 * Tornado, spider and variance shares of a plan's horizon bookings (or profit, or reaching the
 * bookings target). Give a bundle or a compiled plan (an evaluator is prepared and closed) or
 * a prepared evaluator (it stays open).
 * @throws InputError for an unknown metric or variant, a bad override or `--vary`.
 * @example
 * const s = await sensitivity(await loadBundle('plan.yaml'), { trials: 4000 });
 * s.inputs[0] // { path: 'funnel.won.rate', low, high, output_low, output_high, swing, variance_share, … }
 */
export async function sensitivity(
  input: ScenarioBundle | Model | Evaluator,
  opts: SensitivityOptions = {},
): Promise<SensitivityResult> {
  // The seed becomes reseed overrides before any evaluation: check it (and the trials) here.
  checkArgument('sensitivity', 'input', input, ARG.analysisInput);
  checkOptionNames('sensitivity', opts, SENSITIVITY_OPTIONS);
  checkRunOptions('sensitivity', opts);
  checkRunOption('sensitivity: options.tornadoTrials', 'trials', opts.tornadoTrials);
  return withEvaluator(input, opts, (ev) => analyse(ev, opts));
}

async function analyse(ev: Evaluator, opts: SensitivityOptions): Promise<SensitivityResult> {
  const plan = ev.plan(opts.overrides ?? [], opts.variant);
  const metric = metricPlan(opts.metric ?? 'bookings', plan);
  const levers = leversOf(plan, opts.vary ?? []);
  if (levers.length === 0) {
    throw new InputError([
      { file: plan.name, line: null, path: '', message: whatIfMsg.noInputs() },
    ]);
  }
  const top = opts.top ?? SPIDER_INPUTS;
  const percentiles = opts.spiderPercentiles ?? SPIDER_PERCENTILES;
  if (!(Number.isInteger(top) && top >= 1 && top <= MAX_SPIDER_INPUTS)) {
    throw optionError('sensitivity: options.top', whatIfMsg.top(top));
  }
  const trials = opts.trials ?? plan.simulation.trials;
  if (trials < 2) opts.logger?.warn(ONE_TRIAL_WARNING);
  const tornadoTrials =
    opts.tornadoTrials ??
    Math.min(
      trials,
      Math.max(
        TORNADO_TRIALS_MIN,
        Math.min(TORNADO_TRIALS_MAX, Math.round(trials * TORNADO_TRIAL_SHARE)),
      ),
    );
  const seed = opts.seed ?? plan.simulation.seed;
  const uncertain = levers.filter((l) => l.kind === 'uncertain');
  const spiderInputs = Math.min(top, uncertain.length);
  const total =
    (tornadoRuns(levers) + spiderInputs * spiderExtraRuns(percentiles)) * tornadoTrials +
    (uncertain.length > 0 ? 2 * trials : 0);
  const runner = new SensitivityRunner(ev, plan, metric, seed, total, opts.onProgress);

  const { base, bars } = await tornado(runner, levers, tornadoTrials);
  const lines = await spider(runner, bars, base, top, tornadoTrials, percentiles);
  const paths = uncertain.map((l) => l.path);
  const shares =
    paths.length > 0
      ? await varianceShares(runner, paths, trials, opts.bootstrap ?? SENSITIVITY_BOOTSTRAP)
      : null;

  const inputs: SensitivityInput[] = bars.map((b) => {
    const share = shares?.inputs.get(b.lever.path);
    return {
      path: b.lever.path,
      label: paramLabel(plan, b.lever.path),
      kind: b.lever.kind,
      domain: b.lever.domain,
      low: b.lever.low,
      high: b.lever.high,
      output_low: b.outputLow,
      output_high: b.outputHigh,
      swing: b.swing,
      swing_se: b.swingSe,
      variance_share: share?.share ?? 0,
      // A fixed input explains no variance, exactly; an uncertain one has the bootstrap's error.
      variance_share_se: share === undefined ? 0 : share.se,
      varied_by: b.lever.by,
    };
  });
  return {
    scenario: plan.name,
    currency: plan.currency,
    variant: plan.variant,
    metric: metric.metric,
    base,
    mean: shares?.mean ?? base,
    // Without uncertain inputs no variance run measures sd: it reads 0, and like any sd it is
    // not available (null) from one trial.
    sd: shares === null ? sampleSd(0, trials) : shares.sd,
    target: metric.target,
    inputs,
    noise: shares?.noise ?? { share: 1, se: 0 },
    interactions: shares?.interactions ?? { share: 0, se: 0 },
    spider: lines,
    seed,
    trials: { variance: trials, tornado: tornadoTrials },
    estimator: {
      method: ESTIMATOR,
      bins: shares?.bins ?? 0,
      bootstrap: opts.bootstrap ?? SENSITIVITY_BOOTSTRAP,
    },
  };
}
