/**
 * Lead volume from monthly spend and leads: each channel's response curve (hill, linear or
 * fixed, with carryover) and lead mix, and each market's growth and seasonality, fitted
 * together as the Poisson log-linear model of docs/model.md's leads:
 *
 *   E[leads_{c,m,t}] = R_c(e_{c,t}) · mix_{c,m} · S_m[month of t] · exp(γ_m · (t − anchor))
 *
 * by alternating maximum likelihood (each block in closed form or by a 1-D search): the
 * response given the demand, the mix, the seasonality (only with at least 24 months; else
 * all 1) and the growth (Newton steps). `anchor` is the plan's first period in history
 * coordinates, so the fitted response is the level at the plan's start. The curve is chosen
 * by quasi-AIC, D/φ + 2k (deviance D, dispersion φ of the richest candidate, k parameters),
 * among fixed, linear, and hill with shape 1, 1.5 or 2, each with carryover 0, 0.1, … 0.7;
 * the first 3 periods only warm the adstock up. Parameter uncertainty: the inverse of the
 * quasi-likelihood's observed information (numerical Hessian in log parameters), as
 * lognormals, the level's widened by the growth's error times the distance from the data's
 * centre to the anchor; growth as a normal with its standard error. `leads_cv` by moments: cv² = (Σ(y − μ)² · n/(n − p) − Σμ) / Σ μ², at least 0.
 */
import type { Actuals } from './types.js';

/** Periods at the start of the history used only to warm up the adstock. */
export const WARM_UP = 3;
/** Fitted periods (after the warm-up) needed to fit growth. */
export const MIN_GROWTH_PERIODS = 6;
/** Months of history needed to fit seasonality. */
export const SEASONAL_MONTHS = 24;
const CARRYOVERS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
/** The largest carryover the fit tries: a fit there may want more than the grid has. */
export const CARRYOVER_GRID_TOP = CARRYOVERS[CARRYOVERS.length - 1]!;
const SHAPES = [1, 1.5, 2];

/** A fitted response curve with the log-sd of each parameter. */
export type CurveFit =
  | { readonly curve: 'fixed'; readonly leads: number; readonly logSd: number }
  | { readonly curve: 'linear'; readonly costPerLead: number; readonly logSd: number }
  | {
      readonly curve: 'hill';
      readonly maxLeads: number;
      readonly halfSpend: number;
      readonly shape: number;
      readonly logSd: { readonly maxLeads: number; readonly halfSpend: number };
    };

/** One channel's fit. */
export interface ChannelFit {
  readonly channel: string;
  readonly response: CurveFit;
  readonly carryover: number;
  readonly leadsCv: number;
  /** Lead mix over the channel's markets (sums to 1). */
  readonly mix: Record<string, number>;
  /** Every candidate tried, best first: curve, shape, carryover, quasi-AIC. */
  readonly candidates: readonly { curve: string; shape: number; carryover: number; qaic: number }[];
  /** Channel total spend, effective spend, observed and fitted leads per period. */
  readonly spend: Float64Array;
  readonly effective: Float64Array;
  readonly observed: Float64Array;
  readonly fitted: Float64Array;
}

/** One market's demand fit. */
export interface MarketDemandFit {
  readonly market: string;
  /** Compounding growth per period, e^γ − 1. */
  readonly growth: number;
  /** Standard error of γ (quasi-Poisson: √(φ / Σ μ (t − t̄)²)); 0 when not fitted. */
  readonly growthSd: number;
  /** 12 multipliers, January first; null when the history is shorter than 24 months. */
  readonly seasonality: number[] | null;
}

/** The whole lead-volume fit. */
export interface LeadsFit {
  readonly channels: readonly ChannelFit[];
  readonly markets: readonly MarketDemandFit[];
}

const adstock = (spend: Float64Array, carry: number): Float64Array => {
  const e = new Float64Array(spend.length);
  let prev = 0;
  for (let t = 0; t < spend.length; t++) {
    prev = spend[t]! + carry * prev;
    e[t] = prev;
  }
  return e;
};

const shapeOf = (curve: string, e: number, h: number, s: number): number =>
  curve === 'fixed' ? 1 : curve === 'linear' ? e : e <= 0 ? 0 : e ** s / (e ** s + h ** s);

/** Poisson deviance term of one observation. */
const dev = (y: number, mu: number): number =>
  mu <= 0
    ? y > 0
      ? Number.POSITIVE_INFINITY
      : 0
    : 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - (y - mu));

interface Candidate {
  curve: 'fixed' | 'linear' | 'hill';
  shape: number;
  carryover: number;
  a: number;
  h: number;
  deviance: number;
  pearson: number;
  k: number;
}

/** Best scale a (closed form) and its deviance for a curve, half-spend and offsets. */
function scaleFit(
  y: Float64Array,
  e: Float64Array,
  o: Float64Array,
  curve: Candidate['curve'],
  h: number,
  s: number,
): { a: number; deviance: number; pearson: number } {
  let sy = 0;
  let sg = 0;
  for (let t = WARM_UP; t < y.length; t++) {
    sy += y[t]!;
    sg += shapeOf(curve, e[t]!, h, s) * o[t]!;
  }
  const a = sg > 0 ? sy / sg : 0;
  let deviance = 0;
  let pearson = 0;
  for (let t = WARM_UP; t < y.length; t++) {
    const mu = a * shapeOf(curve, e[t]!, h, s) * o[t]!;
    deviance += dev(y[t]!, mu);
    pearson += mu > 0 ? (y[t]! - mu) ** 2 / mu : 0;
  }
  return { a, deviance, pearson };
}

/** Every candidate curve for one channel, each at its best parameters. */
function candidates(y: Float64Array, spend: Float64Array, o: Float64Array): Candidate[] {
  const out: Candidate[] = [];
  const fixed = scaleFit(y, spend, o, 'fixed', 1, 1);
  out.push({ curve: 'fixed', shape: 1, carryover: 0, h: 0, ...fixed, k: 1 });
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  let mean = 0;
  for (const s of spend) {
    if (s > 0) lo = Math.min(lo, s);
    hi = Math.max(hi, s);
    mean += s / spend.length;
  }
  let varS = 0;
  for (const s of spend) varS += (s - mean) ** 2 / spend.length;
  // without spend, or with spend that hardly moves, only a fixed level can be told
  if (hi <= 0 || Math.sqrt(varS) < 0.05 * mean) return out;
  for (const carry of CARRYOVERS) {
    const e = adstock(spend, carry);
    const lin = scaleFit(y, e, o, 'linear', 1, 1);
    out.push({ curve: 'linear', shape: 1, carryover: carry, h: 0, ...lin, k: 2 });
    for (const s of SHAPES) {
      let best: Candidate | null = null;
      const steps = 32;
      for (let i = 0; i <= steps; i++) {
        const h = (lo / 20) * ((hi * 40) / lo) ** (i / steps);
        const f = scaleFit(y, e, o, 'hill', h, s);
        if (best === null || f.deviance < best.deviance)
          best = { curve: 'hill', shape: s, carryover: carry, h, ...f, k: 3 + (s === 1 ? 0 : 1) };
      }
      // golden-section refinement of log h around the grid's best
      let a = Math.log(best!.h) - Math.log((hi * 40) / lo) / steps;
      let b = Math.log(best!.h) + Math.log((hi * 40) / lo) / steps;
      for (let i = 0; i < 20; i++) {
        const m1 = b - 0.618 * (b - a);
        const m2 = a + 0.618 * (b - a);
        if (
          scaleFit(y, e, o, 'hill', Math.exp(m1), s).deviance <
          scaleFit(y, e, o, 'hill', Math.exp(m2), s).deviance
        )
          b = m2;
        else a = m1;
      }
      const h = Math.exp((a + b) / 2);
      const f = scaleFit(y, e, o, 'hill', h, s);
      if (f.deviance < best!.deviance) best = { ...best!, h, ...f };
      out.push(best!);
    }
  }
  return out;
}

/** Numerical Hessian of f at x (central differences). */
function hessian(f: (x: number[]) => number, x: number[], step = 1e-3): number[][] {
  const n = x.length;
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const at = (di: number, dj: number) => {
        const z = [...x];
        z[i]! += di;
        z[j]! += dj;
        return f(z);
      };
      const v =
        (at(step, step) - at(step, -step) - at(-step, step) + at(-step, -step)) / (4 * step * step);
      H[i]![j] = v;
      H[j]![i] = v;
    }
  return H;
}

/**
 * Fits lead volume (see the module comment) to monthly actuals.
 * @example fitLeads(actuals, actuals.periods.length).channels[0].response.curve // 'hill'
 */
export function fitLeads(actuals: Actuals, anchor: number): LeadsFit {
  const T = actuals.periods.length;
  const month0 = Number(actuals.periods[0]!.slice(5, 7)) - 1;
  const monthOf = (t: number) => (month0 + t) % 12;
  const channelIds = [...new Set(actuals.cohorts.map((c) => c.channel))];
  const marketIds = [...new Set(actuals.cohorts.map((c) => c.market))];
  const seasonal = T >= SEASONAL_MONTHS;
  const S = new Map(marketIds.map((m) => [m, new Array<number>(12).fill(1)]));
  const gamma = new Map(marketIds.map((m) => [m, 0]));
  // Growth is fitted about the centre of the fitted periods, where level and slope are
  // nearly uncorrelated (about the anchor, at the end, they zig-zag and converge slowly);
  // the levels are moved to the anchor at the end.
  const centre = (WARM_UP + T - 1) / 2;
  const demand = (m: string, t: number) =>
    S.get(m)![monthOf(t)]! * Math.exp(gamma.get(m)! * (t - centre));
  const byChannel = channelIds.map((c) => {
    const cohorts = actuals.cohorts.filter((x) => x.channel === c);
    const spend = new Float64Array(T);
    const y = new Float64Array(T);
    for (const x of cohorts)
      for (let t = 0; t < T; t++) {
        spend[t]! += x.spend[t]!;
        y[t]! += x.arrivals[0]![t]!;
      }
    const total = cohorts.reduce((a, x) => a + x.arrivals[0]!.reduce((p, q) => p + q, 0), 0);
    const mix = new Map(
      cohorts.map((x) => [
        x.market,
        total > 0 ? x.arrivals[0]!.reduce((p, q) => p + q, 0) / total : 1 / cohorts.length,
      ]),
    );
    return { c, cohorts, spend, y, mix, best: null as Candidate | null, all: [] as Candidate[] };
  });
  const offsets = (ch: (typeof byChannel)[number]) => {
    const o = new Float64Array(T);
    for (let t = 0; t < T; t++) for (const [m, w] of ch.mix) o[t]! += w * demand(m, t);
    return o;
  };
  const response = (ch: (typeof byChannel)[number], t: number, e: Float64Array) =>
    ch.best!.a * shapeOf(ch.best!.curve, e[t]!, ch.best!.h, ch.best!.shape);

  const ROUNDS = 12;
  for (let it = 0; it < ROUNDS; it++) {
    for (const ch of byChannel) {
      // every candidate is searched in the first round, the middle one and the last; between, the chosen
      // curve's scale is refitted to the new demand (its shape parameters barely move)
      if (it !== 0 && it !== ROUNDS / 2 && it !== ROUNDS - 1 && ch.best !== null) {
        const b = ch.best;
        const e = adstock(ch.spend, b.carryover);
        ch.best = { ...b, ...scaleFit(ch.y, e, offsets(ch), b.curve, b.h, b.shape) };
        continue;
      }
      const all = candidates(ch.y, ch.spend, offsets(ch));
      const richest = all.reduce((a, b) =>
        b.k > a.k || (b.k === a.k && b.deviance < a.deviance) ? b : a,
      );
      const n = T - WARM_UP;
      const phi = Math.max(1, richest.pearson / Math.max(1, n - richest.k));
      const qaic = (x: Candidate) => x.deviance / phi + 2 * x.k;
      all.sort((a, b) => qaic(a) - qaic(b));
      ch.best = all[0]!;
      ch.all = all;
      (ch as { phi?: number }).phi = phi;
    }
    // mix and demand, given the responses
    const R = new Map(
      byChannel.map((ch) => [
        ch.c,
        (() => {
          const e = adstock(ch.spend, ch.best!.carryover);
          return Float64Array.from({ length: T }, (_, t) => response(ch, t, e));
        })(),
      ]),
    );
    for (const ch of byChannel) {
      let sum = 0;
      const raw = new Map<string, number>();
      for (const x of ch.cohorts) {
        let yy = 0;
        let mu = 0;
        for (let t = WARM_UP; t < T; t++) {
          yy += x.arrivals[0]![t]!;
          mu += R.get(ch.c)![t]! * demand(x.market, t);
        }
        const w = mu > 0 ? yy / mu : 0;
        raw.set(x.market, w);
        sum += w;
      }
      for (const [m, w] of raw) ch.mix.set(m, sum > 0 ? w / sum : 1 / raw.size);
    }
    for (const m of marketIds) {
      const cells = byChannel.flatMap((ch) =>
        ch.cohorts.filter((x) => x.market === m).map((x) => ({ x, ch })),
      );
      if (seasonal) {
        const s = new Array<number>(12).fill(0);
        const e = new Array<number>(12).fill(0);
        for (const { x, ch } of cells)
          for (let t = WARM_UP; t < T; t++) {
            s[monthOf(t)]! += x.arrivals[0]![t]!;
            e[monthOf(t)]! +=
              R.get(ch.c)![t]! * ch.mix.get(m)! * Math.exp(gamma.get(m)! * (t - centre));
          }
        const raw = s.map((v, i) => (e[i]! > 0 ? v / e[i]! : 1));
        const mean = raw.reduce((a, b) => a + b, 0) / 12;
        S.set(
          m,
          raw.map((v) => v / mean),
        );
      }
      if (T - WARM_UP >= MIN_GROWTH_PERIODS) {
        let score = 0;
        let info = 0;
        for (const { x, ch } of cells)
          for (let t = WARM_UP; t < T; t++) {
            const mu = R.get(ch.c)![t]! * ch.mix.get(m)! * demand(m, t);
            score += (x.arrivals[0]![t]! - mu) * (t - centre);
            info += mu * (t - centre) ** 2;
          }
        if (info > 0) gamma.set(m, gamma.get(m)! + Math.max(-0.05, Math.min(0.05, score / info)));
      }
    }
  }

  // standard errors of each market's growth, from the final fit
  const growthSd = new Map<string, number>();
  for (const m of marketIds) {
    let info = 0;
    let pearson = 0;
    let n = 0;
    for (const ch of byChannel) {
      const e = adstock(ch.spend, ch.best!.carryover);
      for (const x of ch.cohorts.filter((c) => c.market === m))
        for (let t = WARM_UP; t < T; t++) {
          const mu = response(ch, t, e) * ch.mix.get(m)! * demand(m, t);
          if (!(mu > 0)) continue;
          info += mu * (t - centre) ** 2;
          pearson += (x.arrivals[0]![t]! - mu) ** 2 / mu;
          n += 1;
        }
    }
    const phi = Math.max(1, pearson / Math.max(1, n - 2 - (seasonal ? 11 : 0)));
    growthSd.set(m, T - WARM_UP >= MIN_GROWTH_PERIODS && info > 0 ? Math.sqrt(phi / info) : 0);
  }

  const channels: ChannelFit[] = byChannel.map((ch) => {
    const b = ch.best!;
    // The level is fitted at the anchor given the growth; its error at the anchor also holds
    // the growth's error times the distance from the data's centre to the anchor.
    let sumMu = 0;
    let sumMuT = 0;
    for (let t = WARM_UP; t < T; t++) {
      sumMu += ch.y[t]!;
      sumMuT += ch.y[t]! * t;
    }
    const weighted = sumMu > 0 ? sumMuT / sumMu : centre;
    let gSd = 0;
    for (const [m, w] of ch.mix) gSd += w * growthSd.get(m)!;
    const extra = (anchor - weighted) * gSd;
    // levels and mix at the anchor: each market's share grows at its own rate
    let move = 0;
    for (const [m, w] of ch.mix) move += w * Math.exp(gamma.get(m)! * (anchor - centre));
    const mixAtAnchor = Object.fromEntries(
      [...ch.mix].map(([m, w]) => [m, (w * Math.exp(gamma.get(m)! * (anchor - centre))) / move]),
    );
    const widen = (sd: number) => Math.sqrt(sd * sd + extra * extra);
    const phi = (ch as { phi?: number }).phi ?? 1;
    const o = offsets(ch);
    const e = adstock(ch.spend, b.carryover);
    // quasi-likelihood in log parameters; its Hessian's inverse is their covariance
    const nll = (x: number[]) => {
      let d = 0;
      for (let t = WARM_UP; t < T; t++) {
        const mu = Math.exp(x[0]!) * shapeOf(b.curve, e[t]!, Math.exp(x[1] ?? 0), b.shape) * o[t]!;
        d += dev(ch.y[t]!, mu);
      }
      return d / (2 * phi);
    };
    let response: CurveFit;
    if (b.curve === 'hill') {
      const H = hessian(nll, [Math.log(b.a), Math.log(b.h)]);
      const det = H[0]![0]! * H[1]![1]! - H[0]![1]! ** 2;
      const ok = det > 0 && H[0]![0]! > 0;
      response = {
        curve: 'hill',
        maxLeads: b.a * move,
        halfSpend: b.h,
        shape: b.shape,
        logSd: ok
          ? { maxLeads: widen(Math.sqrt(H[1]![1]! / det)), halfSpend: Math.sqrt(H[0]![0]! / det) }
          : { maxLeads: widen(0), halfSpend: 0 },
      };
    } else {
      const H = hessian((x) => nll([x[0]!]), [Math.log(b.a)]);
      const sd = widen(H[0]![0]! > 0 ? 1 / Math.sqrt(H[0]![0]!) : 0);
      response =
        b.curve === 'fixed'
          ? { curve: 'fixed', leads: b.a * move, logSd: sd }
          : { curve: 'linear', costPerLead: 1 / (b.a * move), logSd: sd };
    }
    const fitted = Float64Array.from({ length: T }, (_, t) => response_(b, e[t]!) * o[t]!);
    // cv² by moments, the squared residuals scaled by n/(n − p) for the p fitted parameters
    // (the curve's and the growth), which pull the fit towards the data
    let ss = 0;
    let sumFit = 0;
    let den = 0;
    for (let t = WARM_UP; t < T; t++) {
      ss += (ch.y[t]! - fitted[t]!) ** 2;
      sumFit += fitted[t]!;
      den += fitted[t]! ** 2;
    }
    const nFit = T - WARM_UP;
    const p = b.k + 1;
    const num = nFit > p ? (ss * nFit) / (nFit - p) - sumFit : ss - sumFit;
    const phiAll = (ch as { phi?: number }).phi ?? 1;
    return {
      channel: ch.c,
      response,
      carryover: b.curve === 'fixed' ? 0 : b.carryover,
      leadsCv: den > 0 ? Math.sqrt(Math.max(0, num / den)) : 0,
      mix: mixAtAnchor,
      candidates: ch.all.map((x) => ({
        curve: x.curve,
        shape: x.shape,
        carryover: x.carryover,
        qaic: x.deviance / phiAll + 2 * x.k,
      })),
      spend: ch.spend,
      effective: e,
      observed: ch.y,
      fitted,
    };
  });
  const markets: MarketDemandFit[] = marketIds.map((m) => ({
    market: m,
    growth: Math.exp(gamma.get(m)!) - 1,
    growthSd: growthSd.get(m)!,
    seasonality: seasonal ? S.get(m)! : null,
  }));
  return { channels, markets };
}

const response_ = (b: Candidate, e: number): number => b.a * shapeOf(b.curve, e, b.h, b.shape);
