/**
 * Per-trial derived inputs: everything in one trial that depends on the sampled
 * parameters but not on the random path of that trial — lead intensities by channel and
 * period, demand by market and period, stage rates by cohort, initiative factors,
 * capacities and costs. Computed once per trial into preallocated arrays so the kernel's
 * period loop only multiplies.
 */
import type { EffectTarget, Model, ResponseModel } from '../model/types.js';

/** Initiative multiplier in period t: 1 before start; 1 + (F−1)(i+1)/ramp in ramp period i; F after. */
export function initiativeFactor(t: number, start: number, ramp: number, full: number): number {
  if (t < start) return 1;
  const i = t - start;
  if (i < ramp) return 1 + ((full - 1) * (i + 1)) / ramp;
  return full;
}

/**
 * The adstock before the horizon, effective_(−1): the steady state spend `before` per period
 * reaches with `carryover` (before / (1 − carryover)); 0 when nothing was spent before.
 * @example adstockBefore(30_000, 0.5) // 60000: the first period adds 0.5 · 60000 to its spend
 */
export function adstockBefore(before: number, carryover: number): number {
  return before > 0 ? before / (1 - carryover) : 0;
}

/** Leads per period a response curve gives for an effective spend s. */
export function responseLeads(r: ResponseModel, pv: Float64Array, s: number): number {
  switch (r.curve) {
    case 'hill': {
      if (s <= 0) return 0;
      const shape = pv[r.shape]!;
      const half = pv[r.halfSpend]!;
      const ss = s ** shape;
      const denom = ss + half ** shape;
      // s^shape overflows to Infinity for extreme spend; the curve is then at its plateau.
      return denom === Number.POSITIVE_INFINITY ? pv[r.maxLeads]! : (pv[r.maxLeads]! * ss) / denom;
    }
    case 'linear': {
      const cpl = pv[r.costPerLead]!;
      return s <= 0 ? 0 : s / cpl;
    }
    case 'fixed':
      return pv[r.leads]!;
  }
}

/** The derived inputs of one trial; arrays are reused across trials. */
export class TrialInputs {
  readonly periods: number;
  readonly cohorts: number;
  /** [c·T + t]: response(effective spend) × channel lead factors. */
  readonly leadsBase: Float64Array;
  /** [m·T + t]: (1+growth)^t × seasonality × shock × market demand factors. */
  readonly demand: Float64Array;
  /** [k·H + h]: rate_k × channel rate factor × (won stage: market win factor); k ≥ 1. */
  readonly rateBase: Float64Array;
  /** [k·T + t]: initiative factors on stage k's rate. */
  readonly stageFactor: Float64Array;
  /** [r·T + t]: initiative factors on role r's capacity. */
  readonly capFactor: Float64Array;
  /** [m·T + t]: initiative factors on market m's deal size. */
  readonly dealFactor: Float64Array;
  /** [t]: initiative cost in period t. */
  readonly initiativeCost: Float64Array;
  /** [t]: total channel spend in period t (the plan's spend, not the adstocked one). */
  readonly spend: Float64Array;

  constructor(private readonly model: Model) {
    const T = model.calendar.periods;
    const H = model.channels.length * model.markets.length;
    this.periods = T;
    this.cohorts = H;
    this.leadsBase = new Float64Array(model.channels.length * T);
    this.demand = new Float64Array(model.markets.length * T);
    this.rateBase = new Float64Array(model.stages.length * H);
    this.stageFactor = new Float64Array(model.stages.length * T);
    this.capFactor = new Float64Array(model.roles.length * T);
    this.dealFactor = new Float64Array(model.markets.length * T);
    this.initiativeCost = new Float64Array(T);
    this.spend = new Float64Array(T);
  }

  /** Fills every array from the parameter values `pv` of one trial. */
  compute(pv: Float64Array): void {
    const { model } = this;
    const T = this.periods;
    const M = model.markets.length;
    const K = model.stages.length;
    this.stageFactor.fill(1);
    this.capFactor.fill(1);
    this.dealFactor.fill(1);
    this.initiativeCost.fill(0);
    const channelFactor = this.leadsBase; // reused: filled with factors first, then multiplied in
    channelFactor.fill(1);
    const demandFactor = this.demand;
    demandFactor.fill(1);

    for (const ini of model.initiatives) {
      const once = pv[ini.costOnce]!;
      const per = pv[ini.costPerPeriod]!;
      for (let t = 0; t < T; t++) {
        if (t === ini.start) this.initiativeCost[t]! += once;
        if (t >= ini.start) this.initiativeCost[t]! += per;
      }
      for (const e of ini.effects) {
        const full = pv[e.factor]!;
        const [arr, row] = this.effectSlot(e.target);
        for (let t = 0; t < T; t++)
          arr[row * T + t]! *= initiativeFactor(t, ini.start, ini.ramp, full);
      }
    }

    for (let m = 0; m < M; m++) {
      const mk = model.markets[m]!;
      const growth = 1 + pv[mk.growth]!;
      const shock = pv[mk.demandShock]!;
      for (let t = 0; t < T; t++) {
        const season = pv[mk.seasonality[model.calendar.months[t]!]!]!;
        this.demand[m * T + t]! *= growth ** t * season * shock;
      }
    }

    this.spend.fill(0);
    for (let c = 0; c < model.channels.length; c++) {
      const ch = model.channels[c]!;
      const carry = pv[ch.carryover]!;
      let effective = adstockBefore(ch.spendBefore, carry);
      for (let t = 0; t < T; t++) {
        const s = ch.spend[t]!;
        this.spend[t]! += s;
        effective = s + carry * effective;
        this.leadsBase[c * T + t]! *= responseLeads(ch.response, pv, effective);
      }
    }

    this.rateBase.fill(0);
    for (let k = 1; k < K; k++) {
      const rate = pv[model.stages[k]!.rate]!;
      for (let c = 0; c < model.channels.length; c++) {
        const rf = model.channels[c]!.rateFactors[k]!;
        const channelRate = rf < 0 ? rate : rate * pv[rf]!;
        for (let m = 0; m < M; m++) {
          const win = k === K - 1 ? pv[model.markets[m]!.winFactor]! : 1;
          this.rateBase[k * this.cohorts + c * M + m] = channelRate * win;
        }
      }
    }
  }

  private effectSlot(target: EffectTarget): [Float64Array, number] {
    switch (target.kind) {
      case 'stage_rate':
        return [this.stageFactor, target.stage];
      case 'role_capacity':
        return [this.capFactor, target.role];
      case 'channel_leads':
        return [this.leadsBase, target.channel];
      case 'market_deal_size':
        return [this.dealFactor, target.market];
      case 'market_demand':
        return [this.demand, target.market];
    }
  }
}
