/** The allocation's result, in the JSON form `salesops allocate --json` prints. */
import type { AllocationObjective } from '../../model/types.js';
import type { Histogram, Summary } from '../types.js';
import type { BudgetCurve } from './budget-curve.js';
import type { RoleLoad } from './capacity.js';
import type { Certificate } from './certificate.js';
import type { ResponseCurve } from './response-curves.js';
import type { Move } from './search.js';
import type { Estimate } from './uplift.js';

export interface AllocationResult {
  readonly scenario: string;
  readonly currency: string;
  readonly variant: string | null;
  readonly objective: AllocationObjective;
  /** What the objective is, in words. */
  readonly objective_description: string;
  /** The metric whose distribution `value` summarises: horizon bookings or profit. */
  readonly metric: 'bookings' | 'profit';
  /** Total channel spend per period to split. */
  readonly budget: number;
  /** What the recommendation spends per period: the budget unless every channel is at its maximum. */
  readonly spent: number;
  /** Budget left unspent because every allocated channel is at its maximum (0 normally). */
  readonly unspent: number;
  readonly step: number;
  readonly max_share: number | null;
  /** The recommendation's largest channel and its share of what is spent. */
  readonly largest_share: { readonly channel: string; readonly share: number };
  /** The run's trials and seed: where `value`, `uplift` and `capacity` come from. */
  readonly trials: number;
  readonly seed: number;
  /** The plan's spend per period of each allocated channel (its mean when it varies by period). */
  readonly current: Readonly<Record<string, number>>;
  /** Allocated channels whose spend the plan varies by period (`current` is then their mean). */
  readonly current_varies: readonly string[];
  /** The plan's total spend per period on the allocated channels. */
  readonly current_total: number;
  readonly recommended: Readonly<Record<string, number>>;
  readonly value: { readonly current: Summary; readonly recommended: Summary };
  readonly objective_value: { readonly current: Estimate; readonly recommended: Estimate };
  readonly uplift: {
    readonly mean: number;
    readonly lo: number;
    readonly hi: number;
    readonly se: number;
  };
  readonly probability_better: number;
  /** Objective gain per extra unit of spend per period, per channel, at the recommendation. */
  readonly marginal: Readonly<Record<string, number | null>>;
  readonly certificate: Certificate;
  readonly capacity: {
    readonly current: readonly RoleLoad[];
    readonly recommended: readonly RoleLoad[];
    /** Roles saturated at the recommendation: where extra leads are worth least. */
    readonly binding: readonly string[];
  };
  readonly budget_curve: BudgetCurve;
  readonly response_curves: {
    readonly seed: number;
    readonly trials: number;
    readonly channels: readonly ResponseCurve[];
  };
  /** Per-trial difference of the metric, recommended − current, on the run's trials. */
  readonly uplift_distribution: Histogram;
  /** How the recommendation was found. */
  readonly search: {
    readonly seed: number;
    readonly stages: readonly { readonly trials: number; readonly moves: readonly number[] }[];
    readonly start: 'expected' | 'current' | 'equal' | 'fixed';
    readonly starts: readonly {
      readonly name: string;
      readonly allocation: Readonly<Record<string, number>>;
      readonly value: number;
    }[];
    readonly moves: readonly Move[];
    /** Simulation runs and trials simulated by the whole allocation (search, certificate, curves). */
    readonly evaluations: {
      readonly runs: number;
      readonly trials: number;
      /** The same per phase: search, confirm, budget_curve, response_curves. */
      readonly phases: Readonly<Record<string, { readonly runs: number; readonly trials: number }>>;
    };
    /** Expected-model evaluations (each one deterministic pass of the period loop). */
    readonly expected_evaluations: number;
  };
}
