/**
 * A plan cut at month k: the months before it (`frontPlan`, with the spend the actuals
 * record) and the months from it (`restPlan`, with the state the actuals imply). Both keep
 * every input's dot path, so trial i of either draws the same value for every input whose
 * distribution is unchanged: the two halves of a trial are one trial.
 */
import type { Dist } from '../../model/dist.js';
import type {
  DesignBasis,
  InitiativeModel,
  Model,
  Param,
  ParamRef,
  PipelineEntry,
} from '../../model/types.js';
import { buildCalendar } from '../../scenario/calendar.js';

/** Everything that changes for the months from k, besides cutting the calendar. */
export interface RestEdits {
  /** New distributions of inputs (same dot path), with their scale. */
  readonly params: ReadonlyMap<ParamRef, { readonly dist: Dist; readonly scale: number }>;
  /** Inputs added (fixed): e.g. the steps of a role's capacity while hires before k ramp. */
  readonly addedParams: readonly Param[];
  /** Initiatives added (their params among `addedParams`). */
  readonly addedInitiatives: readonly InitiativeModel[];
  /** Per channel, multiplier on each market's lead mix (the cohort's level), `[c][m]`. */
  readonly mix: readonly Float64Array[];
  /** Per channel: effective spend carried into month k by the adstock (added to its spend there). */
  readonly carryIn: Float64Array;
  readonly pipeline: readonly PipelineEntry[];
  readonly correlations: Model['correlations'];
  readonly design: DesignBasis;
}

const common = (model: Model) => ({
  targets: { bookings: null, quarterly: [], profit: null },
  allocation: null,
  quota: null,
  variants: [],
  simulation: { ...model.simulation, precision: null },
});

/**
 * Months 0 … k − 1 of `model`, with each channel's spend as the actuals record it
 * (`spend[c·k + t]`): the plan's simulation of what the actuals do not carry.
 * @example frontPlan(model, 6, past.spend).calendar.periods // 6
 */
export function frontPlan(model: Model, k: number, spend: Float64Array): Model {
  const cal = model.calendar;
  return {
    ...model,
    ...common(model),
    calendar: buildCalendar(cal.start, k, cal.fiscalYearStart),
    channels: model.channels.map((c, i) => ({ ...c, spend: spend.slice(i * k, (i + 1) * k) })),
    roles: model.roles.map((r) => ({ ...r, hires: r.hires.slice(0, k) })),
  };
}

/**
 * Months k … T − 1 of `model` with `edits` applied: the calendar from month k, spend and
 * hires from month k (spend in month k plus the carried adstock), initiatives shifted
 * (an initiative that started before k keeps its ramp position; one-off costs before k are
 * not paid again), the opening pipeline the actuals imply, and the updated inputs.
 * @example restPlan(model, 6, edits).calendar.start // '2027-07' for a plan from 2027-01
 */
export function restPlan(model: Model, k: number, edits: RestEdits): Model {
  const cal = model.calendar;
  const T = cal.periods;
  const params = model.params.map((p, i) => {
    const e = edits.params.get(i);
    return e === undefined ? p : { ...p, dist: e.dist, scale: e.scale };
  });
  return {
    ...model,
    ...common(model),
    calendar: buildCalendar(cal.labels[k]!, T - k, cal.fiscalYearStart),
    params: [...params, ...edits.addedParams],
    correlations: edits.correlations,
    design: edits.design,
    channels: model.channels.map((c, i) => {
      const spend = c.spend.slice(k);
      spend[0]! += edits.carryIn[i]!;
      const f = edits.mix[i]!;
      // The adstock from before month k arrives through carryIn, so none is added again.
      return { ...c, spend, spendBefore: 0, mix: c.mix.map((x, m) => x * f[m]!) };
    }),
    roles: model.roles.map((r) => ({ ...r, hires: r.hires.slice(k) })),
    initiatives: [
      ...model.initiatives.map((ini) => ({ ...ini, start: ini.start - k })),
      ...edits.addedInitiatives,
    ],
    pipeline: edits.pipeline,
  };
}
