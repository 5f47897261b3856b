/**
 * Lags as probability mass over 0, 1, 2, … periods. `{median, p90}` is a lognormal
 * X (mu = ln median, sigma = ln(p90/median)/z₀.₉₀) rounded to whole periods:
 * pmf[k] = P(round(X) = k) = Φ((ln(k+½) − mu)/sigma) − Φ((ln(k−½) − mu)/sigma), cut where
 * the remaining tail P(X ≥ k+½) falls below {@link LAG_TAIL} and renormalised.
 */
import { normalCdf } from '../stats/normal.js';
import { LAG_TAIL, MAX_LAG, SUM_TOLERANCE } from './limits.js';
import { msg } from './messages.js';
import { Z90 } from './uncertain.js';

/** A lag as the schema accepts it. */
export type LagInput =
  | number
  | readonly number[]
  | { readonly median: number; readonly p90: number };

/**
 * The lag's probability mass function, or the message of why it is invalid.
 * @example lagPmf(2) // Float64Array [0, 0, 1]
 */
export function lagPmf(input: LagInput): Float64Array | string {
  if (typeof input === 'number') {
    const pmf = new Float64Array(input + 1);
    pmf[input] = 1;
    return pmf;
  }
  if (Array.isArray(input)) {
    const list = input as readonly number[];
    const sum = list.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) return msg.lagSum(sum);
    return Float64Array.from(list, (p) => p / sum);
  }
  const { median, p90 } = input as { median: number; p90: number };
  if (!(median > 0)) return msg.lagMedian(median);
  if (!(p90 > median)) return msg.lagP90(median, p90);
  const mu = Math.log(median);
  const sigma = Math.log(p90 / median) / Z90;
  // upper tail P(X ≥ x) = Φ(−(ln x − mu)/sigma), accurate far into the tail
  const tail = (x: number): number => normalCdf(-(Math.log(x) - mu) / sigma);
  const masses: number[] = [];
  let below = 0;
  for (let k = 0; ; k++) {
    const upper = 1 - tail(k + 0.5);
    masses.push(Math.max(0, upper - below));
    below = upper;
    if (tail(k + 0.5) < LAG_TAIL) break;
    if (k >= MAX_LAG) {
      if (tail(k + 0.5) > 1e-6) return msg.lagTooLong(MAX_LAG);
      break;
    }
  }
  const total = masses.reduce((a, b) => a + b, 0);
  return Float64Array.from(masses, (m) => m / total);
}
