/**
 * One plan's outcome from its trials: bookings and profit summaries, target probabilities
 * (horizon, quarterly, profit) and cumulative bookings per period. Quarterly and cumulative
 * figures are summed from per-period bookings in period order, as the forecast sums them.
 */
import type { Model } from '../../model/types.js';
import type { Evaluation } from '../evaluator.js';
import { exceedanceOf, summaryOf } from '../value-summary.js';
import type { PlanOutcome } from './types.js';

/**
 * The metric names an outcome needs: horizon bookings and profit, and bookings per period.
 * @example outcomeMetrics(model) // ['bookings', 'profit', 'bookings@2027-01', …]
 */
export function outcomeMetrics(model: Model): string[] {
  return ['bookings', 'profit', ...model.calendar.labels.map((l) => `bookings@${l}`)];
}

/**
 * The outcome of `e`, an evaluation of {@link outcomeMetrics}; targets are the base's.
 * @example planOutcome(await ev.evaluate([], { metrics: outcomeMetrics(m) }), m, { name: 'base', … })
 */
export function planOutcome(
  e: Evaluation,
  base: Model,
  about: {
    name: string;
    label: string;
    description: string;
    set: Readonly<Record<string, unknown>>;
  },
): PlanOutcome {
  const { calendar, targets } = base;
  const T = calendar.periods;
  const n = e.trials;
  const bookings = e.values.bookings!;
  const profit = e.values.profit!;
  const perPeriod = calendar.labels.map((l) => e.values[`bookings@${l}`]!);
  const running = new Float64Array(n);
  const cumulative = perPeriod.map((v) => {
    for (let i = 0; i < n; i++) running[i]! += v[i]!;
    return summaryOf(running);
  });
  const quarterly = targets.quarterly.map((value, q) => {
    const sum = new Float64Array(n);
    for (let t = 0; t < T; t++) {
      if (calendar.quarterOf[t] !== q) continue;
      const v = perPeriod[t]!;
      for (let i = 0; i < n; i++) sum[i]! += v[i]!;
    }
    return exceedanceOf(sum, value).probability;
  });
  const target = targets.bookings === null ? null : exceedanceOf(bookings, targets.bookings);
  return {
    ...about,
    bookings: summaryOf(bookings),
    profit: summaryOf(profit),
    target_probability: target?.probability ?? null,
    target_se: target?.se ?? null,
    quarterly_target_probabilities: quarterly,
    profit_target_probability:
      targets.profit === null ? null : exceedanceOf(profit, targets.profit).probability,
    cumulative_bookings: cumulative,
  };
}
