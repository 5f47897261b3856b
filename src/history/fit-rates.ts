/**
 * Stage rates as counts: `{successes, trials}` (the scenario reads them as the beta
 * posterior Beta(s + 1, n − s + 1)), pooled over cohorts, and the channel quality factors
 * and market win factors that split the pooled rate by cohort.
 *
 * From deals, a stage's trials are its items that resolved (advanced or were lost; open
 * ones are not yet trials, and `unworked` ones never faced the rate), its successes those
 * that advanced. From monthly actuals alone, the windowed estimator: with the lag pmf p of
 * the stage and a window W = [s, T−1] that starts at the lag's longest period s, every
 * arrival at stage k inside W comes from an item of stage k−1 that arrived within the
 * history, so successes = Σ_{t∈W} a_k(t) and trials = Σ_t a_{k−1}(t) · P(t + lag ∈ W)
 * (rounded) estimate the rate without bias from items in flight at either end.
 */
import type { Tally } from './read-deals.js';

/** A stage rate fitted from counts. */
export interface RateFit {
  readonly successes: number;
  readonly trials: number;
}

/** Posterior mean of `{successes, trials}` under the uniform prior: (s + 1)/(n + 2). */
export const posteriorMean = (r: RateFit): number => (r.successes + 1) / (r.trials + 2);

/**
 * The windowed estimator of a stage rate from monthly arrivals (see the module comment).
 * @example windowedRate([100, 100, 100], [0, 40, 40], [0, 1]) // { successes: 80, trials: 200 }
 */
export function windowedRate(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  lag: readonly number[],
): RateFit {
  const T = before.length;
  let s = lag.length - 1;
  while (s > 0 && lag[s] === 0) s -= 1;
  s = Math.min(s, T - 1);
  let successes = 0;
  for (let t = s; t < T; t++) successes += after[t]!;
  let trials = 0;
  for (let t = 0; t < T; t++) {
    let p = 0;
    for (let l = 0; l < lag.length; l++) if (t + l >= s && t + l < T) p += lag[l]!;
    trials += before[t]! * p;
  }
  const n = Math.round(trials);
  return { successes: Math.min(successes, n), trials: n };
}

/**
 * Multiplicative factors of a rate by channel (and by market, on the last stage): the
 * log-linear (Poisson) fit rate_{c,m} = r · f_c · g_m by iterative proportional fitting of
 * expected successes to observed ones, scaled so that the trials-weighted mean factor is 1.
 * `cohorts` maps `channel\0market` to its counts.
 * @example fitFactors(map, ['a', 'b'], ['x'], false).channel // { a: 1.2, b: 0.8 }
 */
export function fitFactors(
  cohorts: ReadonlyMap<string, Tally>,
  channels: readonly string[],
  markets: readonly string[],
  withMarkets: boolean,
): { channel: Record<string, number>; market: Record<string, number> } {
  const f = Object.fromEntries(channels.map((c) => [c, 1])) as Record<string, number>;
  const g = Object.fromEntries(markets.map((m) => [m, 1])) as Record<string, number>;
  const cells = [...cohorts].map(([key, t]) => {
    const [c, m] = key.split('\u0000') as [string, string];
    return { c, m, ...t };
  });
  const S = cells.reduce((a, x) => a + x.successes, 0);
  const N = cells.reduce((a, x) => a + x.trials, 0);
  if (N === 0 || S === 0) return { channel: f, market: g };
  const r = S / N;
  for (let it = 0; it < 50; it++) {
    for (const c of channels) {
      let s = 0;
      let e = 0;
      for (const x of cells)
        if (x.c === c) {
          s += x.successes;
          e += x.trials * r * g[x.m]!;
        }
      if (e > 0) f[c] = s / e;
    }
    if (!withMarkets) break;
    for (const m of markets) {
      let s = 0;
      let e = 0;
      for (const x of cells)
        if (x.m === m) {
          s += x.successes;
          e += x.trials * r * f[x.c]!;
        }
      if (e > 0) g[m] = s / e;
    }
    // keep Σ trials · f · g = N, with the markets' factors averaging 1 over trials
    let gm = 0;
    for (const x of cells) gm += x.trials * g[x.m]!;
    gm /= N;
    for (const m of markets) g[m] = g[m]! / gm;
    for (const c of channels) f[c] = f[c]! * gm;
  }
  return { channel: f, market: g };
}
