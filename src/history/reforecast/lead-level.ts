/**
 * The lead level the actuals reveal (docs/model.md, "Reforecast from actuals"). Everything
 * that moves a cohort's lead volume over the months of actuals — its market's demand shock,
 * growth and seasonality, its channel's response curve and carryover, initiative factors —
 * is summarised per cohort h (channel × market) as one log level against the plan at its
 * medians:
 *
 *   ℓ_h = log Σ_{t<k} λ_h(t) − log Σ_{t<k} λ̃_h(t)      (λ at the actual spend)
 *
 * Its prior N(m₀, V₀) comes from 2,000 draws of the plan's inputs (rank correlations induced
 * by a Gaussian copula); the observation y_h = log((O_h + ½) / Σ λ̃_h) of the O_h leads seen
 * has the noise of Poisson counts (1 / (O_h + ½)) and of the channel's gamma multiplier,
 * shared by its markets (leads_cv² Σ_t λ̃_h(t) λ̃_h′(t) / (Σλ̃_h Σλ̃_h′)). The linear-Gaussian
 * update gives the posterior N(m₁, V₁).
 *
 * The rest of the horizon runs at that level: each observed channel's response inputs and
 * carryover are fixed at their medians, each cohort's mix is multiplied by its posterior
 * mean level relative to its market (so its mean lead level is exact), and each market's
 * demand shock becomes a lognormal with the posterior spread of the market's level,
 * τ² = ωᵀ V₁ ω (ω: the cohorts' shares of the market's leads in the months ahead), with
 * the posterior correlations between markets. Growth, seasonality and initiative factors
 * keep their prior: the part of their uncertainty the actuals already settled is counted
 * twice, which widens the forecast a little rather than narrowing it too much.
 */
import type { Model, ParamRef } from '../../model/types.js';
import { cholesky } from '../../sim/design/cholesky.js';
import { clampToDomain } from '../../sim/params.js';
import { streamRng } from '../../sim/rng.js';
import { TrialInputs } from '../../sim/trial-inputs.js';
import { distMean, distQuantile, distVariance } from '../../stats/dist-math.js';
import { gaussianUpdate } from '../../stats/gaussian-update.js';
import { normalCdf, normalQuantile } from '../../stats/normal.js';
import type { PastActuals } from './align.js';

/** Draws of the plan's inputs for the prior of the lead levels. */
const DRAWS = 2000;

/** What the actuals say about one market's lead level. */
export interface MarketLevel {
  readonly market: string;
  /** Leads in the months of actuals, over the cohorts used. */
  readonly observed: number;
  /** What the plan expected of them with every input at its median. */
  readonly expected: number;
  /** The level of the months ahead against the plan at its medians: median and 90% interval. */
  readonly level: { readonly p5: number; readonly p50: number; readonly p95: number };
  /** The plan's own spread of that level before the actuals (90% interval). */
  readonly prior: { readonly p5: number; readonly p50: number; readonly p95: number };
  /** Posterior sd of the market's log level (0: fixed). */
  readonly sd: number;
}

/** The lead level of the months ahead. */
export interface LeadLevel {
  /** Per channel and market: multiplier on the mix, `[c][m]` (1 where the actuals say nothing). */
  readonly mix: readonly Float64Array[];
  /** Per market (null where no cohort of it was observed): the posterior level. */
  readonly markets: readonly (MarketLevel | null)[];
  /** Posterior correlation of the markets' log levels, `[m][m′]`. */
  readonly correlation: readonly (readonly number[])[];
  /** Inputs fixed at their medians for the months ahead (observed channels' response and carryover). */
  readonly fixed: readonly ParamRef[];
  /** 1 for cohorts whose leads informed the level. */
  readonly used: Uint8Array;
}

/** λ[h·k + t] of `model` (the months of actuals, at the actual spend) at inputs `pv`. */
function intensities(model: Model, inputs: TrialInputs, pv: Float64Array, out: Float64Array) {
  inputs.compute(pv);
  const k = model.calendar.periods;
  const M = model.markets.length;
  for (let c = 0; c < model.channels.length; c++) {
    const mix = model.channels[c]!.mix;
    for (let m = 0; m < M; m++)
      for (let t = 0; t < k; t++)
        out[(c * M + m) * k + t] =
          inputs.leadsBase[c * k + t]! * mix[m]! * inputs.demand[m * k + t]!;
  }
}

/** The response inputs and carryover of channel c. */
function channelInputs(model: Model, c: number): ParamRef[] {
  const ch = model.channels[c]!;
  const r = ch.response;
  const curve =
    r.curve === 'hill'
      ? [r.maxLeads, r.halfSpend, r.shape]
      : r.curve === 'linear'
        ? [r.costPerLead]
        : [r.leads];
  return [...curve, ch.carryover];
}

/**
 * The inputs that move lead volume: response curves, carryover, demand shocks, growth,
 * seasonality, and the factors of initiatives on a channel's leads or a market's demand.
 */
function leadInputs(model: Model): Set<ParamRef> {
  const out = new Set<ParamRef>();
  model.channels.forEach((_, c) => {
    for (const p of channelInputs(model, c)) out.add(p);
  });
  for (const m of model.markets)
    for (const p of [m.demandShock, m.growth, ...m.seasonality]) out.add(p);
  for (const ini of model.initiatives)
    for (const e of ini.effects)
      if (e.target.kind === 'channel_leads' || e.target.kind === 'market_demand') out.add(e.factor);
  return out;
}

/**
 * Draws of the lead inputs (the others at `medians`): each from its distribution, correlated
 * ones through a Gaussian copula.
 */
function priorDraws(model: Model, medians: Float64Array, seed: number): Float64Array[] {
  const lead = leadInputs(model);
  const rng = streamRng(seed, 'reforecast', 'lead-level');
  const u = () => rng() + 2 ** -33;
  const corr = [...new Set(model.correlations.flatMap((c) => [c.a, c.b]))];
  // Spearman ρ_s of a Gaussian copula with Pearson ρ: ρ_s = (6/π) asin(ρ/2)
  const pearson = corr.map((a) =>
    corr.map((b) => {
      if (a === b) return 1;
      const c = model.correlations.find(
        (x) => (x.a === a && x.b === b) || (x.a === b && x.b === a),
      );
      return c === undefined ? 0 : 2 * Math.sin((Math.PI * c.rank) / 6);
    }),
  );
  const chol = corr.length > 0 ? cholesky(pearson) : null;
  return Array.from({ length: DRAWS }, () => {
    const pv = new Float64Array(model.params.length);
    const z = corr.map(() => normalQuantile(u()));
    const copula = new Map<number, number>();
    if (chol !== null)
      corr.forEach((p, i) => {
        let x = 0;
        for (let j = 0; j <= i; j++) x += chol[i]![j]! * z[j]!;
        copula.set(p, normalCdf(x));
      });
    model.params.forEach((p, i) => {
      if (p.dist.kind === 'fixed' || !lead.has(i)) pv[i] = medians[i]!;
      else pv[i] = clampToDomain(distQuantile(p.dist, copula.get(i) ?? u()) * p.scale, p.domain);
    });
    return pv;
  });
}

/**
 * The posterior lead level (see the module doc) from the actuals of `past` and the plan's
 * months of actuals `front` (the plan cut at k, at the actual spend), with the rest of the
 * plan's central intensities `ahead[h]` (expected leads of cohort h over months k … T − 1 at
 * the medians) as the weights of a market's level.
 * @example const level = leadLevel(front, past, medians, ahead, model.simulation.seed)
 */
export function leadLevel(
  front: Model,
  past: PastActuals,
  medians: Float64Array,
  ahead: Float64Array,
  seed: number,
): LeadLevel {
  const k = past.k;
  const M = front.markets.length;
  const C = front.channels.length;
  const H = C * M;
  const inputs = new TrialInputs(front);
  const central = new Float64Array(H * k);
  intensities(front, inputs, medians, central);
  const expected = new Float64Array(H);
  for (let h = 0; h < H; h++) for (let t = 0; t < k; t++) expected[h]! += central[h * k + t]!;
  const observed = new Float64Array(H);
  for (let h = 0; h < H; h++)
    for (let t = 0; t < k; t++) observed[h]! += past.arrivals[0]![h * k + t]!;
  const used = Uint8Array.from({ length: H }, (_, h) =>
    past.observed[h] === 1 && expected[h]! > 0 ? 1 : 0,
  );
  const idx = [...used.keys()].filter((h) => used[h] === 1);
  const n = idx.length;

  // prior of ℓ over the used cohorts
  const draws = priorDraws(front, medians, seed);
  const lam = new Float64Array(H * k);
  const ell = draws.map((pv) => {
    intensities(front, inputs, pv, lam);
    return idx.map((h) => {
      let s = 0;
      for (let t = 0; t < k; t++) s += lam[h * k + t]!;
      return Math.log(Math.max(s, 1e-12 * expected[h]!) / expected[h]!);
    });
  });
  const m0 = idx.map((_, i) => ell.reduce((a, l) => a + l[i]!, 0) / DRAWS);
  const v0 = idx.map((_, i) =>
    idx.map(
      (_, j) => ell.reduce((a, l) => a + (l[i]! - m0[i]!) * (l[j]! - m0[j]!), 0) / (DRAWS - 1),
    ),
  );
  // observation and its noise
  const y = idx.map((h) => Math.log((observed[h]! + 0.5) / expected[h]!));
  const cv2 = front.channels.map((ch) => {
    const d = front.params[ch.leadsCv]!.dist;
    return distMean(d) ** 2 + distVariance(d);
  });
  const r = idx.map((h, i) =>
    idx.map((g, j) => {
      let v = i === j ? 1 / (observed[h]! + 0.5) : 0;
      const c = Math.floor(h / M);
      if (c === Math.floor(g / M)) {
        let s = 0;
        for (let t = 0; t < k; t++) s += central[h * k + t]! * central[g * k + t]!;
        v += (cv2[c]! * s) / (expected[h]! * expected[g]!);
      }
      return v;
    }),
  );
  const post = n > 0 ? gaussianUpdate(m0, v0, y, r) : null;
  const m1 = post?.mean ?? m0;
  const v1 = post?.cov ?? v0;

  // per market: the level's spread, and each cohort's mix relative to it
  const mix = Array.from({ length: C }, () => new Float64Array(M).fill(1));
  const weights = (m: number): Map<number, number> => {
    const w = new Map<number, number>();
    let sum = 0;
    idx.forEach((h, i) => {
      if (h % M !== m) return;
      const x = ahead[h]! * Math.exp(m1[i]!);
      w.set(i, x);
      sum += x;
    });
    for (const [i, x] of w) w.set(i, sum > 0 ? x / sum : 1 / w.size);
    return w;
  };
  const omega = front.markets.map((_, m) => weights(m));
  const cov = (a: Map<number, number>, b: Map<number, number>) => {
    let s = 0;
    for (const [i, wi] of a) for (const [j, wj] of b) s += wi * wj * v1[i]![j]!;
    return s;
  };
  const tau = omega.map((w) => Math.sqrt(Math.max(0, cov(w, w))));
  const priorTau = omega.map((w) => {
    let s = 0;
    for (const [i, wi] of w) for (const [j, wj] of w) s += wi * wj * v0[i]![j]!;
    return Math.sqrt(Math.max(0, s));
  });
  idx.forEach((h, i) => {
    const m = h % M;
    mix[Math.floor(h / M)]![m] = Math.exp(m1[i]! + 0.5 * (v1[i]![i]! - tau[m]! ** 2));
  });
  const z95 = normalQuantile(0.95);
  const markets = front.markets.map((mk, m): MarketLevel | null => {
    const w = omega[m]!;
    if (w.size === 0) return null;
    let center = 0;
    let center0 = 0;
    let obs = 0;
    let exp = 0;
    for (const [i, wi] of w) {
      center += wi * m1[i]!;
      center0 += wi * m0[i]!;
      obs += observed[idx[i]!]!;
      exp += expected[idx[i]!]!;
    }
    const band = (c: number, s: number) => ({
      p5: Math.exp(c - z95 * s),
      p50: Math.exp(c),
      p95: Math.exp(c + z95 * s),
    });
    return {
      market: mk.id,
      observed: obs,
      expected: exp,
      level: band(center, tau[m]!),
      prior: band(center0, priorTau[m]!),
      sd: tau[m]!,
    };
  });
  const correlation = front.markets.map((_, a) =>
    front.markets.map((_, b) => {
      if (a === b) return 1;
      const d = tau[a]! * tau[b]!;
      return d > 0 ? Math.max(-0.99, Math.min(0.99, cov(omega[a]!, omega[b]!) / d)) : 0;
    }),
  );
  const fixed = [
    ...new Set(
      front.channels.flatMap((_, c) =>
        used.subarray(c * M, (c + 1) * M).some((x) => x === 1)
          ? channelInputs(front, c).filter((p) => front.params[p]!.dist.kind !== 'fixed')
          : [],
      ),
    ),
  ];
  return { mix, markets, correlation, fixed, used };
}
