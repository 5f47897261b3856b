/**
 * Stage rates updated by the counts the actuals show (docs/model.md, "Reforecast from
 * actuals"). For stage j the successes are its arrivals over the k months, s = Σ A_j(t);
 * the trials are the items of stage j − 1 that resolved within those months, from the
 * replayed state, weighted by what multiplies the rate for their cohort and month (channel
 * rate factor, market win factor on the last stage, initiative factors, each at its mean):
 * n = Σ_{h,t} resolved_j(h, t) · f_h · g(t), so that E[s] = r · n.
 *
 * - A beta prior Beta(α, β) (`"30% to 40%"`, `{successes, trials}`, `{dist: beta}`) becomes
 *   Beta(α + s, β + n − s): the conjugate update.
 * - Any other uncertain prior is updated numerically — the posterior ∝ prior × r^s (1 − r)^(n−s)
 *   on 8,192 equal-probability points of the prior — and written as the beta with the
 *   posterior's mean and variance.
 * - A fixed rate stays fixed: the plan says it is known.
 */
import type { Dist } from '../../model/dist.js';
import type { Model, ParamRef } from '../../model/types.js';
import { clampToDomain } from '../../sim/params.js';
import { distMean, distQuantile, distVariance } from '../../stats/dist-math.js';

/** Points of the numerical update. */
const GRID = 8192;

/** What the actuals did to one stage rate. */
export interface RateUpdate {
  /** Stage id (the rate of reaching it). */
  readonly stage: string;
  /** The input's dot path, e.g. `funnel.won.rate`. */
  readonly path: string;
  /** Arrivals at the stage over the actuals. */
  readonly successes: number;
  /** Expected items that faced the rate (resolved within the actuals), factor-weighted. */
  readonly trials: number;
  readonly prior: { readonly mean: number; readonly sd: number };
  readonly posterior: { readonly mean: number; readonly sd: number };
  /** `conjugate` (beta prior), `moments` (numerical, matched to a beta), `fixed` (not updated). */
  readonly method: 'conjugate' | 'moments' | 'fixed';
}

/** The beta with mean m and variance v, or a fixed value when v leaves no room for one. */
export function betaFromMoments(m: number, v: number): Dist {
  const common = (m * (1 - m)) / v - 1;
  if (!(v > 0) || !(common > 0) || !(m > 0 && m < 1)) return { kind: 'fixed', value: m };
  return { kind: 'beta', alpha: m * common, beta: (1 - m) * common };
}

/**
 * The posterior of a rate with prior `dist` after s successes in n trials.
 * @example posteriorRate({ kind: 'beta', alpha: 2, beta: 8 }, 30, 100) // Beta(32, 78)
 */
export function posteriorRate(
  dist: Dist,
  s: number,
  n: number,
): { dist: Dist; method: RateUpdate['method'] } {
  const fails = Math.max(0, n - s);
  if (dist.kind === 'fixed') return { dist, method: 'fixed' };
  if (dist.kind === 'beta')
    return {
      dist: { kind: 'beta', alpha: dist.alpha + s, beta: dist.beta + fails },
      method: 'conjugate',
    };
  const logs = new Float64Array(GRID);
  const rs = new Float64Array(GRID);
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < GRID; i++) {
    const r = clampToDomain(distQuantile(dist, (i + 0.5) / GRID), 'rate');
    rs[i] = r;
    const l = (s > 0 ? s * Math.log(r) : 0) + (fails > 0 ? fails * Math.log1p(-r) : 0);
    logs[i] = Number.isNaN(l) ? Number.NEGATIVE_INFINITY : l;
    if (logs[i]! > best) best = logs[i]!;
  }
  let w = 0;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < GRID; i++) {
    const x = Math.exp(logs[i]! - best);
    w += x;
    m1 += x * rs[i]!;
    m2 += x * rs[i]! * rs[i]!;
  }
  const mean = m1 / w;
  return { dist: betaFromMoments(mean, Math.max(0, m2 / w - mean * mean)), method: 'moments' };
}

/**
 * Updates every stage rate of `model` with the actuals' counts: `arrivals[j][h·k + t]`,
 * `resolved[j][h·k + t]` from the replay, inputs at their means `pv`, and the initiative
 * factors on stage rates `stageFactor[j·T + t]`.
 * @example const { dists, updates } = updateRates(model, 6, past.arrivals, state.resolved, pv, inputs.stageFactor)
 */
export function updateRates(
  model: Model,
  k: number,
  arrivals: readonly Float64Array[],
  resolved: readonly Float64Array[],
  pv: Float64Array,
  stageFactor: Float64Array,
): { dists: Map<ParamRef, Dist>; updates: RateUpdate[] } {
  const T = model.calendar.periods;
  const K = model.stages.length;
  const M = model.markets.length;
  const dists = new Map<ParamRef, Dist>();
  const updates: RateUpdate[] = [];
  for (let j = 1; j < K; j++) {
    const stage = model.stages[j]!;
    let s = 0;
    let n = 0;
    for (let h = 0; h < model.channels.length * M; h++) {
      const rf = model.channels[Math.floor(h / M)]!.rateFactors[j]!;
      const f = (rf < 0 ? 1 : pv[rf]!) * (j === K - 1 ? pv[model.markets[h % M]!.winFactor]! : 1);
      for (let t = 0; t < k; t++) {
        s += arrivals[j]![h * k + t]!;
        n += resolved[j]![h * k + t]! * f * stageFactor[j * T + t]!;
      }
    }
    const param = model.params[stage.rate]!;
    const { dist, method } = posteriorRate(param.dist, s, n);
    if (method !== 'fixed') dists.set(stage.rate, dist);
    updates.push({
      stage: stage.id,
      path: param.path,
      successes: s,
      trials: n,
      prior: { mean: distMean(param.dist), sd: Math.sqrt(distVariance(param.dist)) },
      posterior: { mean: distMean(dist), sd: Math.sqrt(distVariance(dist)) },
      method,
    });
  }
  return { dists, updates };
}
