/**
 * What an input's number measures, by its dot path, so that charts and tables write it the
 * way the rest of the product writes such numbers: spend and costs as money in the scenario's
 * currency, rates and shares as percentages, everything else (counts, multipliers) plain.
 */
import type { Domain } from './dist.js';

/** `money` (the scenario's currency), `percent` (a rate or share in [0, 1]) or `number`. */
export type ParamUnit = 'money' | 'percent' | 'number';

/** Fields that hold an amount of money: spend, the spend-side response parameters, costs. */
const MONEY = [
  /^channels\.[^.]+\.spend$/,
  /^channels\.[^.]+\.response\.(half_spend|cost_per_lead)$/,
  /^team\.[^.]+\.cost$/,
  /^initiatives\.[^.]+\.cost\.(once|per_period)$/,
];

/**
 * Fields whose domain is not `rate` but that the scenario writes as a percentage: a market's
 * growth per month ("-0.5% to 1.5%") and the gross margin ("40% to 48%").
 */
const PERCENT = [/^markets\.[^.]+\.growth$/, /^economics\.gross_margin$/];

/**
 * The unit of the input at `path` with values in `domain`: `percent` for any rate and for
 * growth and gross margin, `money` for spend, `response.half_spend`, `response.cost_per_lead`
 * and costs, else `number`.
 * @example paramUnit('channels.events.response.cost_per_lead', 'positive') // 'money'
 * @example paramUnit('markets.smb.growth', 'real') // 'percent'
 */
export function paramUnit(path: string, domain: Domain): ParamUnit {
  if (domain === 'rate' || PERCENT.some((re) => re.test(path))) return 'percent';
  if (MONEY.some((re) => re.test(path))) return 'money';
  return 'number';
}
