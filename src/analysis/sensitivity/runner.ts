/**
 * Runs of one sensitivity analysis: the plan with overrides applied on top (model-level
 * overrides only, so the plan's own `set` edits compile once), on the evaluator's threads,
 * the metric read per trial, progress counted over every run's trials.
 */
import type { Model } from '../../model/types.js';
import { applyOverrides, type Override } from '../../scenario/overrides.js';
import { InputError } from '../../util/result.js';
import type { Evaluation, Evaluator } from '../evaluator.js';
import type { MetricPlan } from './metric.js';

/**
 * @example
 * const runner = new SensitivityRunner(ev, plan, metricPlan('bookings', plan), 2027, total);
 * const { values } = await runner.run(runner.with([{ quantile: 'funnel.won.rate', value: 0.9 }]), 1000);
 */
export class SensitivityRunner {
  private done = 0;

  constructor(
    private readonly ev: Evaluator,
    readonly plan: Model,
    readonly metric: MetricPlan,
    readonly seed: number,
    /** Trials of every run, for progress: the total the runs will take. */
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  /** The plan with `overrides` applied. */
  with(overrides: readonly Override[]): Model {
    if (overrides.length === 0) return this.plan;
    const r = applyOverrides({ model: this.plan, bundle: null }, overrides);
    if (!r.ok) throw new InputError(r.errors);
    return r.value;
  }

  /** The metric in each of `trials` trials of `model` (and the asked-for inputs' draws). */
  async run(
    model: Model,
    trials: number,
    opts: { seed?: number; inputs?: readonly string[] } = {},
  ): Promise<{ values: Float64Array; evaluation: Evaluation }> {
    const start = this.done;
    const evaluation = await this.ev.evaluatePlan(model, {
      trials,
      seed: opts.seed ?? this.seed,
      metrics: [this.metric.read],
      ...(opts.inputs === undefined ? {} : { inputs: opts.inputs }),
      onProgress: (d) => this.onProgress?.(start + d, this.total),
    });
    this.done = start + trials;
    return { values: this.metric.values(evaluation.values[this.metric.read]!), evaluation };
  }
}
