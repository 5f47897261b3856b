/**
 * Stage lags from observed times in a stage, with open items right-censored: the discrete
 * Kaplan–Meier (life-table) estimate. With dₗ items resolving after exactly l periods and
 * nₗ items at risk at l (resolved after ≥ l periods, or still open having stayed ≥ l + 1),
 * the hazard is hₗ = dₗ / nₗ and P(lag = l) = hₗ · Πⱼ₍ⱼ₍ₗ₎ (1 − hⱼ). Past the last period with
 * anyone at risk, the remaining mass (open items older than any resolved one) continues
 * at the hazard of the last three periods with data, geometrically, until less than
 * {@link LAG_TAIL_CUT} is left (or at once, one period later, when that hazard is 0).
 */
import { MAX_LAG } from '../scenario/limits.js';

/** Probability left in a fitted lag's tail where the list stops. */
export const LAG_TAIL_CUT = 1e-4;

/** A fitted lag and what it rests on. */
export interface LagFit {
  /** P(lag = 0, 1, 2, …), summing to 1. */
  readonly pmf: number[];
  /** Resolved items (events) and open items (censored) used. */
  readonly events: number;
  readonly censored: number;
  /** Mass put past the longest observed time by extrapolating the hazard. */
  readonly extrapolated: number;
}

/**
 * Kaplan–Meier lag pmf from events by lag (`events[l]`) and open items known to have lag ≥ c
 * (`censored[c]`). Null when nothing resolved.
 * @example kaplanMeier([6, 3, 1], [0, 0, 0]).pmf // [0.6, 0.3, 0.1]
 */
export function kaplanMeier(events: ArrayLike<number>, censored: ArrayLike<number>): LagFit | null {
  const L = Math.max(events.length, censored.length);
  let totalEvents = 0;
  let totalCensored = 0;
  for (let l = 0; l < L; l++) {
    totalEvents += events[l] ?? 0;
    totalCensored += censored[l] ?? 0;
  }
  if (totalEvents === 0) return null;
  // at risk at l: events at ≥ l, plus censored with c ≥ l + 1 (known to have lasted past l)
  const risk = new Float64Array(L + 1);
  for (let l = L - 1; l >= 0; l--)
    risk[l] = risk[l + 1]! + (events[l] ?? 0) + (censored[l + 1] ?? 0);
  const pmf: number[] = [];
  let survive = 1;
  let lastData = 0;
  for (let l = 0; l < L && risk[l]! > 0; l++) {
    const h = (events[l] ?? 0) / risk[l]!;
    pmf.push(survive * h);
    survive *= 1 - h;
    lastData = l;
  }
  let extrapolated = 0;
  if (survive > LAG_TAIL_CUT) {
    let d = 0;
    let n = 0;
    for (let l = Math.max(0, lastData - 2); l <= lastData; l++) {
      d += events[l] ?? 0;
      n += risk[l]!;
    }
    const h = n > 0 ? d / n : 0;
    extrapolated = survive;
    if (h <= 0) {
      pmf.push(survive);
      survive = 0;
    }
    while (survive > LAG_TAIL_CUT && pmf.length <= MAX_LAG) {
      pmf.push(survive * h);
      survive *= 1 - h;
    }
  }
  pmf[pmf.length - 1]! += survive;
  while (pmf.length > 1 && pmf[pmf.length - 1] === 0) pmf.pop();
  return { pmf, events: totalEvents, censored: totalCensored, extrapolated };
}

/**
 * A pmf rounded to `digits` decimals that still sums to exactly 1 in those units (largest
 * remainders), trailing zeros dropped: what a scenario file can carry.
 * @example roundPmf([0.33333, 0.66667], 2) // [0.33, 0.67]
 */
export function roundPmf(pmf: readonly number[], digits = 4): number[] {
  const unit = 10 ** digits;
  const exact = pmf.map((p) => p * unit);
  const out = exact.map(Math.floor);
  let left = unit - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, f: x - Math.floor(x) }))
    .sort((a, b) => b.f - a.f || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  const r = out.map((n) => n / unit);
  while (r.length > 1 && r[r.length - 1] === 0) r.pop();
  return r;
}
