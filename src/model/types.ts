/**
 * The compiled model: what the scenario layer hands to the engine. Every default is
 * applied, every per-period input expanded, every name turned into an index, and every
 * scalar that may be uncertain is a {@link ParamRef} into {@link Model.params}. Nothing
 * here is optional; absent things are empty arrays, -1 indices or `null` sections.
 */
import type { Dist, Domain } from './dist.js';

/** Index into {@link Model.params}. */
export type ParamRef = number;

/** A scalar input of the plan: fixed (dist.kind === 'fixed') or uncertain (sampled once per trial). */
export interface Param {
  /** Dot path in the scenario, e.g. `markets.smb.demand_shock`, `funnel.won.rate`. */
  readonly path: string;
  readonly dist: Dist;
  readonly domain: Domain;
  /**
   * Multiplier on every drawn value before it is clamped into the domain: 1 as compiled; an
   * analysis sets it to move an input's location (its median × scale) on the same draws.
   */
  readonly scale: number;
  /**
   * The seed whose stream this input draws from, when not the run's: null as compiled; a
   * pick-freeze design sets it to share one input's draws between two runs of other seeds.
   */
  readonly seed: number | null;
}

export interface Calendar {
  /** First period, `YYYY-MM`. */
  readonly start: string;
  readonly periods: number;
  /** `YYYY-MM` label of each period. */
  readonly labels: readonly string[];
  /** Calendar month (0 = January) of each period, for seasonality. */
  readonly months: Int32Array;
  /** Quarter index (0-based, consecutive 3-period blocks from `start`) of each period. */
  readonly quarterOf: Int32Array;
  /** Month (1 = January … 12) that starts the fiscal year. */
  readonly fiscalYearStart: number;
  /**
   * Label of each quarter: the fiscal year and fiscal quarter of its first month, e.g.
   * `FY2027 Q1`; a fiscal year is named by the calendar year in which it ends.
   */
  readonly quarterLabels: readonly string[];
}

export interface SimulationSettings {
  readonly trials: number;
  readonly seed: number;
  readonly sampling: 'random' | 'lhs';
  /** Add trials until the Monte Carlo relative standard error of mean horizon `metric` is below `relativeSe`. */
  readonly precision: { readonly metric: 'bookings'; readonly relativeSe: number } | null;
}

/**
 * Which inputs the sampling design stratifies, by dot path, and the rank correlations it
 * induces among them (docs/model.md "Trials, streams and parameters"). A variant whose
 * sampling and correlations are the base's keeps the base's basis, so it runs on exactly
 * the base's design even where it fixes an input.
 */
export interface DesignBasis {
  /** Paths of the stratified inputs: every uncertain input under `lhs`, else the correlated ones. */
  readonly stratified: readonly string[];
  /** Paths of the correlated inputs, in the order of {@link target}. */
  readonly correlated: readonly string[];
  /** Target rank correlation matrix among the correlated inputs. */
  readonly target: readonly (readonly number[])[];
}

export interface Correlation {
  readonly a: ParamRef;
  readonly b: ParamRef;
  /** Target Spearman rank correlation in (-1, 1). */
  readonly rank: number;
}

export interface MarketModel {
  readonly id: string;
  /** Display label: the scenario's `label`, or a readable default from the id. */
  readonly label: string;
  /** Compounding demand growth per period (real). */
  readonly growth: ParamRef;
  /** 12 multipliers, January first. */
  readonly seasonality: readonly ParamRef[];
  readonly demandShock: ParamRef;
  /** Multiplies the final (won) stage's rate. */
  readonly winFactor: ParamRef;
  /** Spread of deal sizes across deals: every deal draws its own size. */
  readonly dealSize: Dist;
}

export type ResponseModel =
  | {
      readonly curve: 'hill';
      readonly maxLeads: ParamRef;
      readonly halfSpend: ParamRef;
      readonly shape: ParamRef;
    }
  | { readonly curve: 'linear'; readonly costPerLead: ParamRef }
  | { readonly curve: 'fixed'; readonly leads: ParamRef };

export interface ChannelModel {
  readonly id: string;
  /** Display label: the scenario's `label`, or a readable default from the id. */
  readonly label: string;
  /** Spend per period, length `periods`. */
  readonly spend: Float64Array;
  /** Optimiser bounds; 0 and +Infinity when not given. */
  readonly minSpend: number;
  readonly maxSpend: number;
  readonly response: ResponseModel;
  /** Coefficient of variation of the per-period gamma multiplier on λ (0 = Poisson). */
  readonly leadsCv: ParamRef;
  /**
   * Geometric adstock: effective_t = spend_t + carryover · effective_(t−1), with
   * effective_(−1) = spendBefore / (1 − carryover), the steady state of the spend before the
   * horizon (0: the adstock starts empty).
   */
  readonly carryover: ParamRef;
  /** Spend per period before the horizon (`spend_before`, default 0). */
  readonly spendBefore: number;
  /** Lead mix over markets, length = markets.length, sums to 1. */
  readonly mix: Float64Array;
  /** Per stage: channel quality factor on that stage's rate, or -1 for none (factor 1). */
  readonly rateFactors: readonly ParamRef[];
}

export interface StageModel {
  readonly id: string;
  /** Display label: the scenario's `label`, or a readable default from the id. */
  readonly label: string;
  /** Probability that an item of the previous stage advances into this one; -1 for the first stage. */
  readonly rate: ParamRef;
  /**
   * Probability mass over 0, 1, 2, … periods of the time an item spends in the
   * previous stage before it resolves into this one. `[1]` for the first stage.
   */
  readonly lag: Float64Array;
  /** Role whose queue items arriving here join, or -1. */
  readonly role: number;
}

export interface RoleModel {
  readonly id: string;
  /** Display label: the scenario's `label`, or a readable default from the id. */
  readonly label: string;
  /** Stage this role works, or -1 if it works none (it still costs and counts headcount). */
  readonly stage: number;
  /** Fully ramped reps at the start (rounded to an integer per trial). */
  readonly headcount: ParamRef;
  /** Items one fully ramped rep takes on per period. */
  readonly capacity: ParamRef;
  /** Productivity by tenure 0, 1, … ; tenure ≥ ramp.length works at 1. Empty = no ramp. */
  readonly ramp: Float64Array;
  readonly attrition: ParamRef;
  /** Periods after which a leaver is replaced; -1 = no backfill. */
  readonly backfillLag: number;
  /** Planned hires joining in each period, length `periods`. */
  readonly hires: Int32Array;
  /** Cost per rep per period. */
  readonly cost: ParamRef;
  /** Share of items still waiting at the end of a period that is lost. */
  readonly queueLoss: ParamRef;
}

export interface CustomersModel {
  /** Installed accounts at the start (rounded per trial). 0 when the scenario has no customers. */
  readonly accounts: ParamRef;
  readonly churn: ParamRef;
  readonly repeatRate: ParamRef;
  readonly repeatDealSize: Dist;
}

export type EffectTarget =
  | { readonly kind: 'stage_rate'; readonly stage: number }
  | { readonly kind: 'role_capacity'; readonly role: number }
  | { readonly kind: 'channel_leads'; readonly channel: number }
  | { readonly kind: 'market_deal_size'; readonly market: number }
  | { readonly kind: 'market_demand'; readonly market: number };

export interface EffectModel {
  readonly target: EffectTarget;
  /** Full-effect multiplier F. */
  readonly factor: ParamRef;
}

export interface InitiativeModel {
  readonly id: string;
  /** Display label: the scenario's `label`, or a readable default from the id. */
  readonly label: string;
  /** Period index of the start (may be < 0 or ≥ periods). */
  readonly start: number;
  /** Periods to full effect, linear; 0 = full effect from the start. */
  readonly ramp: number;
  readonly costOnce: ParamRef;
  readonly costPerPeriod: ParamRef;
  readonly effects: readonly EffectModel[];
}

export interface Targets {
  /** Horizon bookings target, or null. */
  readonly bookings: number | null;
  /** Bookings target per quarter (consecutive 3-period blocks); may be shorter than the quarters. */
  readonly quarterly: readonly number[];
  /** Horizon profit target, or null. */
  readonly profit: number | null;
}

export type AllocationObjective = 'revenue' | 'profit' | 'p10' | 'target';

export interface AllocationSettings {
  /** Total channel spend per period. */
  readonly budget: number;
  /** Channel indices the optimiser may move. */
  readonly channels: readonly number[];
  readonly objective: AllocationObjective;
  readonly step: number;
  /** Largest share of the budget one channel may take, in (0, 1]; null for no cap. */
  readonly maxShare: number | null;
}

export interface QuotaSettings {
  /** Role that carries quota (it works a funnel stage). */
  readonly role: number;
  /** Probability that the team reaches its target, in (0, 1). */
  readonly confidence: number;
  /** Sum of rep quotas / team target, ≥ 1. */
  readonly overAssignment: number;
  /** Coefficient of variation of each rep's performance multiplier (lognormal, mean 1), ≥ 0. */
  readonly performanceCv: number;
}

export interface VariantInfo {
  readonly name: string;
  /** Display label: the scenario's `label`, or a readable default from the name. */
  readonly label: string;
  readonly description: string;
}

/**
 * Items open at the start of the horizon (the opening pipeline), one entry per stage,
 * cohort (channel × market), age and state; docs/model.md "Opening pipeline" says how the
 * engine treats them. Entries are merged (no two share stage, channel, market, age and
 * state) and sorted by stage, channel, market, state (taken on first) and age.
 */
export interface PipelineEntry {
  /** Stage the items are in (never the last stage: won deals are not pipeline). */
  readonly stage: number;
  readonly channel: number;
  readonly market: number;
  /**
   * Periods since the items were taken on at `stage`, counted at the start: taken on in
   * period −age (period 0 is `calendar.start`). 0 = taken on at the start. Always 0 for
   * queued items.
   */
  readonly age: number;
  /** Whole items, ≥ 1. */
  readonly count: number;
  /** Waiting in the queue of the role that works `stage` (not yet taken on). */
  readonly queued: boolean;
}

export interface Model {
  /** Name shown on charts. */
  readonly name: string;
  readonly currency: string;
  readonly calendar: Calendar;
  readonly simulation: SimulationSettings;
  readonly params: readonly Param[];
  readonly correlations: readonly Correlation[];
  readonly design: DesignBasis;
  readonly markets: readonly MarketModel[];
  readonly channels: readonly ChannelModel[];
  readonly stages: readonly StageModel[];
  readonly roles: readonly RoleModel[];
  readonly customers: CustomersModel;
  readonly initiatives: readonly InitiativeModel[];
  readonly grossMargin: ParamRef;
  readonly targets: Targets;
  readonly allocation: AllocationSettings | null;
  readonly quota: QuotaSettings | null;
  readonly variants: readonly VariantInfo[];
  /**
   * The variant this plan was compiled as (its `set` edits applied), or null for the base
   * plan. Results take their `variant` label from here, so a label cannot name another plan.
   */
  readonly variant: string | null;
  /** The opening pipeline; empty when the scenario has no `pipeline` section. */
  readonly pipeline: readonly PipelineEntry[];
}
