/**
 * Markets, funnel stages and team roles → their compiled models. A role's stage is the
 * stage whose `worked_by` names it; a role works at most one stage.
 */
import type { MarketModel, RoleModel, StageModel } from '../model/types.js';
import { type CompileContext, resolveRef } from './compile-context.js';
import { displayLabel } from './labels.js';
import { lagPmf } from './lag.js';
import { msg } from './messages.js';
import { expandPerPeriod } from './periodic.js';
import type { ScenarioInput } from './schema.js';

/** Compiles `markets` in file order. */
export function compileMarkets(
  ctx: CompileContext,
  markets: ScenarioInput['markets'],
): MarketModel[] {
  return Object.entries(markets).map(([id, m]) => {
    const p = `markets.${id}`;
    return {
      id,
      label: displayLabel(id, m.label),
      growth: ctx.params.add(`${p}.growth`, m.growth, 'real', 0),
      seasonality: Array.from({ length: 12 }, (_, i) =>
        ctx.params.add(`${p}.seasonality[${i}]`, m.seasonality?.[i], 'positive', 1),
      ),
      demandShock: ctx.params.add(`${p}.demand_shock`, m.demand_shock, 'positive', 1),
      winFactor: ctx.params.add(`${p}.win_factor`, m.win_factor, 'positive', 1),
      dealSize: m.deal_size,
    };
  });
}

/** Compiles the funnel; roles are resolved by index in `ctx.roles`. */
export function compileStages(ctx: CompileContext, funnel: ScenarioInput['funnel']): StageModel[] {
  return funnel.map((s, i) => {
    const at = ['funnel', i];
    let rate = -1;
    let lag: Float64Array = Float64Array.of(1);
    if (i === 0) {
      if (s.rate !== undefined) ctx.err([...at, 'rate'], msg.firstStageRate);
      if (s.lag !== undefined) ctx.err([...at, 'lag'], msg.firstStageLag);
    } else {
      if (s.rate === undefined) ctx.err(at, msg.stageNeedsRate(s.stage));
      rate = ctx.params.add(`funnel.${s.stage}.rate`, s.rate, 'rate', 0);
      if (s.lag !== undefined) {
        const pmf = lagPmf(s.lag);
        if (typeof pmf === 'string') ctx.err([...at, 'lag'], pmf);
        else lag = pmf;
      }
    }
    const role =
      s.worked_by === undefined
        ? -1
        : resolveRef(ctx, ctx.roles, 'role', s.worked_by, [...at, 'worked_by']);
    return { id: s.stage, label: displayLabel(s.stage, s.label), rate, lag, role };
  });
}

/** Compiles the team; `stages` gives each role the stage it works. */
export function compileRoles(
  ctx: CompileContext,
  team: NonNullable<ScenarioInput['team']>,
  funnel: ScenarioInput['funnel'],
): RoleModel[] {
  const worked = new Map<string, number>();
  funnel.forEach((s, i) => {
    if (s.worked_by === undefined || !ctx.roles.has(s.worked_by)) return;
    const first = worked.get(s.worked_by);
    if (first !== undefined) {
      ctx.err(['funnel', i, 'worked_by'], msg.roleTwoStages(s.worked_by, funnel[first]!.stage));
    } else worked.set(s.worked_by, i);
  });
  return Object.entries(team).map(([id, r]) => {
    const p = `team.${id}`;
    const stage = worked.get(id) ?? -1;
    if (stage >= 0 && r.capacity === undefined) {
      ctx.err(['team', id], msg.capacityRequired(id, funnel[stage]!.stage));
    }
    const hires = new Int32Array(ctx.calendar.periods);
    if (r.hires !== undefined) {
      const e = expandPerPeriod(r.hires, ctx.calendar);
      if ('issues' in e)
        for (const i of e.issues) ctx.err(['team', id, 'hires', ...i.path], i.message);
      else hires.set(e.values);
    }
    return {
      id,
      label: displayLabel(id, r.label),
      stage,
      headcount: ctx.params.add(`${p}.headcount`, r.headcount, 'positive', 0),
      capacity: ctx.params.add(`${p}.capacity`, r.capacity, 'positive', 0),
      ramp: Float64Array.from(r.ramp ?? []),
      attrition: ctx.params.add(`${p}.attrition`, r.attrition, 'rate', 0),
      backfillLag: r.backfill?.lag ?? -1,
      hires,
      cost: ctx.params.add(`${p}.cost`, r.cost, 'positive', 0),
      queueLoss: ctx.params.add(`${p}.queue_loss`, r.queue_loss, 'rate', 0.5),
    };
  });
}
