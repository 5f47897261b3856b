/**
 * The output a sensitivity analysis explains: horizon bookings, horizon profit, or whether
 * horizon bookings reach the bookings target (an indicator per trial, whose mean is the
 * probability of reaching it).
 */
import type { Model } from '../../model/types.js';
import { InputError } from '../../util/result.js';
import { whatIfMsg } from '../messages.js';
import type { SensitivityMetric } from './types.js';

/** How to read a {@link SensitivityMetric} off an evaluation. */
export interface MetricPlan {
  readonly metric: SensitivityMetric;
  /** The evaluator metric to ask for. */
  readonly read: 'bookings' | 'profit';
  /** The target of `target` (null otherwise). */
  readonly target: number | null;
  /** Per-trial values of the metric from the evaluator's values. */
  readonly values: (read: Float64Array) => Float64Array;
}

/**
 * The plan for `metric` on `model`.
 * @throws InputError for an unknown metric, or `target` without a bookings target.
 * @example metricPlan('target', model).values(bookings) // 1 where bookings ≥ target, else 0
 */
export function metricPlan(metric: string, model: Model): MetricPlan {
  const fail = (message: string) =>
    new InputError([{ file: model.name, line: null, path: 'metric', message }]);
  if (metric === 'bookings' || metric === 'profit') {
    return { metric, read: metric, target: null, values: (v) => v };
  }
  if (metric !== 'target') throw fail(whatIfMsg.noMetric(metric));
  const target = model.targets.bookings;
  if (target === null) throw fail(whatIfMsg.noTarget());
  return {
    metric,
    read: 'bookings',
    target,
    values: (v) => v.map((x) => (x >= target ? 1 : 0)),
  };
}
