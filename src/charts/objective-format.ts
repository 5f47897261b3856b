/**
 * How an allocation objective's values read: money for revenue, profit and p10 (with the
 * scenario's currency), a percentage for the probability of reaching the target. The
 * terminal table, the charts and the report all print objective values through these.
 */
import type { AllocationObjective } from '../model/types.js';
import { formatMoney, formatPercent } from './format.js';
import { MONEY_LABEL_EXPR, MONEY_STEP_AXIS_FORMAT, PERCENT_STEP_AXIS_FORMAT } from './theme.js';

/** A short name of the objective for titles and axes. */
export const OBJECTIVE_TITLES: Readonly<Record<AllocationObjective, string>> = {
  revenue: 'Mean bookings',
  profit: 'Mean profit',
  p10: 'P10 of bookings',
  target: 'Probability of reaching the target',
};

/**
 * An objective value as text: money (3 significant digits, compact) or a percentage (one
 * decimal); `extra` digits more of either, to tell close values apart, trailing zeros kept
 * ("$146.0M" beside "$145.9M").
 * @example formatObjective('target', 0.634, 'USD') // "63.4%"
 * @example formatObjective('revenue', 145_977_199, 'USD', 1) // "$146.0M"
 */
export function formatObjective(
  objective: AllocationObjective,
  value: number,
  currency: string,
  extra = 0,
): string {
  if (objective === 'target') return formatPercent(value, 1 + extra);
  return formatMoney(value, currency, 3 + extra, extra > 0);
}

/**
 * A change of an objective value, signed: "+551k", "−1.2 pp".
 * @example formatObjectiveChange('revenue', 551000, 'USD') // "+$551k"
 */
export function formatObjectiveChange(
  objective: AllocationObjective,
  value: number,
  currency: string,
): string {
  if (objective === 'target') {
    const pp = value * 100;
    return `${pp >= 0 ? '+' : '−'}${Math.abs(pp).toFixed(1)} pp`;
  }
  const text = formatMoney(Math.abs(value), currency);
  return `${value >= 0 ? '+' : '−'}${text}`;
}

/**
 * "± error" after an objective value, or "± n/a" when the trials were too few (one) to estimate
 * the error, which the engine then holds as Infinity (and the JSON as null).
 * @example formatObjectiveError('revenue', 12000, 'USD') // "± $12k"
 */
export function formatObjectiveError(
  objective: AllocationObjective,
  se: number,
  currency: string,
): string {
  return Number.isFinite(se) ? `± ${formatObjective(objective, se, currency)}` : '± n/a';
}

/**
 * The axis format of an objective's values, with no precision ({@link MONEY_STEP_AXIS_FORMAT}):
 * Vega takes it from the tick step, so a narrow range reads "$145.8M", "$146M" or "49.5%",
 * "50%", never "$146M" or "50%" twice as a fixed precision ($.3~s, .0%) wrote them. Money
 * takes the theme's currency from the locale and writes 1e9 as B.
 * @example objectiveAxis('target') // { format: '~%' }
 * @example objectiveAxis('revenue').format // '$~s'
 */
export function objectiveAxis(objective: AllocationObjective): {
  format: string;
  labelExpr?: string;
} {
  return objective === 'target'
    ? { format: PERCENT_STEP_AXIS_FORMAT }
    : { format: MONEY_STEP_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR };
}
