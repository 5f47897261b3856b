/**
 * Number formats shared by charts and the report: money with the scenario's currency
 * symbol, large numbers as 1.2M, percentages. The same conventions are given to Vega
 * through the theme's locale so axes, tooltips and HTML text agree.
 */
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';

/** English month abbreviations, January first (kept in util/: the model's input labels name months too). */
export { MONTHS } from '../util/months.js';

/** Currencies with a well-known symbol; any other code is written after the number. */
const SYMBOLS: Readonly<Record<string, string>> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  CNY: '¥',
};

/**
 * Prefix and suffix around a money amount for an ISO 4217 code: a symbol in front where
 * one is known (USD $, EUR €, GBP £, JPY ¥, CNY ¥), otherwise the code after the number.
 * @example currencyAffix('EUR') // { prefix: '€', suffix: '' }
 */
export function currencyAffix(currency: string): { prefix: string; suffix: string } {
  const symbol = SYMBOLS[currency.toUpperCase()];
  return symbol === undefined
    ? { prefix: '', suffix: ` ${currency}` }
    : { prefix: symbol, suffix: '' };
}

const SI: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/**
 * A number with `digits` significant digits and a k/M/B/T suffix (1234567 → "1.23M").
 * Numbers below 1,000 keep up to `digits` significant digits; trailing zeros are trimmed
 * unless `zeros` (then 145,977,000 at 4 digits is "146.0M", so that it reads as precise as
 * a neighbouring "145.9M"). Non-finite values print as "–"; magnitudes below 1e-6 as "0";
 * from 1,000T on, exponent form ("1.77e20").
 * @example formatCompact(1234567) // "1.23M"
 * @example formatCompact(145_977_000, 4, true) // "146.0M"
 */
export function formatCompact(value: number, digits = 3, zeros = false): string {
  if (!Number.isFinite(value)) return '–';
  // Below a millionth nothing in a sales plan is meaningful; this also avoids exponent notation.
  if (Math.abs(value) < 1e-6) return '0';
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  for (const [scale, suffix] of SI) {
    // Rounding can carry into the next unit (999,999 → "1000k"): test the rounded value.
    const scaled = Number((abs / scale).toPrecision(digits));
    if (scaled >= 1 && scaled < 1000) return `${sign}${trim(scaled, digits, zeros)}${suffix}`;
  }
  // Past 999T (only absurd plans get there) the exponent is clearer than "177000000T".
  if (abs >= 1e12)
    return `${sign}${Number(abs.toPrecision(digits)).toExponential().replace('e+', 'e')}`;
  return `${sign}${trim(Number(abs.toPrecision(digits)), digits, zeros)}`;
}

function trim(x: number, digits: number, zeros: boolean): string {
  // x is already rounded; String() drops trailing zeros and avoids exponent form here.
  const kept = x.toPrecision(digits);
  return zeros && !kept.includes('e') ? kept : String(x);
}

/**
 * Money in compact form with the scenario's currency: 1234567 USD → "$1.23M", SEK → "1.23M SEK";
 * `digits` and `zeros` as {@link formatCompact}.
 * @example formatMoney(-2500, 'EUR') // "−€2.5k"
 */
export function formatMoney(value: number, currency: string, digits = 3, zeros = false): string {
  checkArgument('formatMoney', 'currency', currency, ARG.currency);
  const { prefix, suffix } = currencyAffix(currency);
  const text = formatCompact(value, digits, zeros);
  if (text === '–') return text;
  return text.startsWith('−') ? `−${prefix}${text.slice(1)}${suffix}` : `${prefix}${text}${suffix}`;
}

/**
 * A share in [0, 1] as a percentage with `decimals` decimals: 0.6349 → "63.5%".
 * @example formatPercent(0.6349, 1) // "63.5%"
 */
export function formatPercent(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '–';
  return `${(value * 100).toFixed(decimals)}%`;
}

/**
 * An integer-ish count with thousands separators: 12345.6 → "12,346".
 * @example formatCount(12345.6) // "12,346"
 */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return Math.round(value).toLocaleString('en-US');
}

/**
 * A count of trials with its noun, singular at one: "1 trial", "2,000 trials".
 * @example formatTrials(1) // "1 trial"
 * @example formatTrials(2000) // "2,000 trials"
 */
export function formatTrials(n: number): string {
  return `${formatCount(n)} trial${n === 1 ? '' : 's'}`;
}

/**
 * How a Monte Carlo standard error reads when the trials were too few (one) to estimate it:
 * the engine holds it as null, the JSON prints null and a CSV leaves the cell empty.
 */
export const NOT_AVAILABLE = 'n/a';

/**
 * A standard error in `format`, or "n/a" when one trial could not estimate it (null).
 * @example formatError(null, formatCompact) // "n/a"
 */
export function formatError(se: number | null, format: (x: number) => string): string {
  return se === null ? NOT_AVAILABLE : format(se);
}

/**
 * A probability with its Monte Carlo standard error, e.g. "63% ± 1.1 pp". The ± is one
 * standard error, √(p(1−p)/n); "± n/a" when one trial could not estimate it (null).
 * @example formatProbability(0.63, 0.011) // "63% ± 1.1 pp"
 */
export function formatProbability(p: number, se: number | null): string {
  return `${formatPercent(p, 0)} ± ${formatError(se, (x) => `${(x * 100).toFixed(1)} pp`)}`;
}
