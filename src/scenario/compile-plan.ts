/**
 * The planning sections → compiled settings: installed base, initiatives and their effects,
 * targets, allocation and quota.
 */

import { DEFAULT_PERFORMANCE_CV } from '../defaults.js';
import type {
  AllocationSettings,
  CustomersModel,
  EffectModel,
  EffectTarget,
  InitiativeModel,
  QuotaSettings,
  Targets,
} from '../model/types.js';
import { budgetProblems } from './allocation-check.js';
import { monthNumber } from './calendar.js';
import { type CompileContext, resolveRef } from './compile-context.js';
import { displayLabel } from './labels.js';
import { msg } from './messages.js';
import type { ScenarioInput } from './schema.js';

/** Compiles `customers`; absent means no installed base (accounts 0, churn 0, no repeats). */
export function compileCustomers(
  ctx: CompileContext,
  c: ScenarioInput['customers'],
): CustomersModel {
  return {
    accounts: ctx.params.add('customers.accounts', c?.accounts, 'positive', 0),
    churn: ctx.params.add('customers.churn', c?.churn, 'rate', 0),
    repeatRate: ctx.params.add('customers.repeat.rate', c?.repeat?.rate, 'rate', 0),
    repeatDealSize: c?.repeat?.deal_size ?? { kind: 'fixed', value: 0 },
  };
}

type EffectInput = NonNullable<
  NonNullable<ScenarioInput['initiatives']>[string]['effects']
>[number];

const EFFECT_FORMS: readonly [string, string, EffectTarget['kind']][] = [
  ['stage', 'rate', 'stage_rate'],
  ['team', 'capacity', 'role_capacity'],
  ['channel', 'leads', 'channel_leads'],
  ['market', 'deal_size', 'market_deal_size'],
  ['market', 'demand', 'market_demand'],
];

function compileEffect(
  ctx: CompileContext,
  id: string,
  k: number,
  e: EffectInput,
): EffectModel | null {
  const at = ['initiatives', id, 'effects', k];
  const keys = Object.keys(e).filter((key) => e[key as keyof EffectInput] !== undefined);
  const form = EFFECT_FORMS.find(
    ([a, b]) => keys.length === 2 && keys.includes(a) && keys.includes(b),
  );
  if (form === undefined) {
    ctx.err(at, msg.effectShape(keys));
    return null;
  }
  const [refKey, factorKey, kind] = form;
  const ref = e[refKey as keyof EffectInput] as string;
  const factorDist = e[factorKey as keyof EffectInput] as Parameters<typeof ctx.params.add>[1];
  const refAt = [...at, refKey];
  let target: EffectTarget | null = null;
  if (kind === 'stage_rate') {
    const stage = resolveRef(ctx, ctx.stages, 'stage', ref, refAt);
    if (stage === 0) ctx.err(refAt, msg.rateFactorFirst(ref));
    else if (stage > 0) target = { kind, stage };
  } else if (kind === 'role_capacity') {
    const role = resolveRef(ctx, ctx.roles, 'role', ref, refAt);
    if (role >= 0) target = { kind, role };
  } else if (kind === 'channel_leads') {
    const channel = resolveRef(ctx, ctx.channels, 'channel', ref, refAt);
    if (channel >= 0) target = { kind, channel };
  } else {
    const market = resolveRef(ctx, ctx.markets, 'market', ref, refAt);
    if (market >= 0) target = { kind, market };
  }
  if (target === null) return null;
  const factor = ctx.params.add(`initiatives.${id}.effects[${k}]`, factorDist, 'positive', 1);
  return { target, factor };
}

/** Compiles `initiatives`; start is the period index relative to the calendar start. */
export function compileInitiatives(
  ctx: CompileContext,
  initiatives: ScenarioInput['initiatives'],
): InitiativeModel[] {
  return Object.entries(initiatives ?? {}).map(([id, ini]) => {
    const p = `initiatives.${id}`;
    const effects: EffectModel[] = [];
    (ini.effects ?? []).forEach((e, k) => {
      const m = compileEffect(ctx, id, k, e);
      if (m !== null) effects.push(m);
    });
    return {
      id,
      label: displayLabel(id, ini.label),
      start: monthNumber(ini.start) - monthNumber(ctx.calendar.start),
      ramp: ini.ramp ?? 0,
      costOnce: ctx.params.add(`${p}.cost.once`, ini.cost?.once, 'positive', 0),
      costPerPeriod: ctx.params.add(`${p}.cost.per_period`, ini.cost?.per_period, 'positive', 0),
      effects,
    };
  });
}

/** Compiles `targets`; quarterly targets may not outnumber the calendar's quarters. */
export function compileTargets(ctx: CompileContext, t: ScenarioInput['targets']): Targets {
  const quarters = ctx.calendar.quarterLabels.length;
  const quarterly = t?.quarterly ?? [];
  if (quarterly.length > quarters) {
    ctx.err(['targets', 'quarterly'], msg.quarterlyTooLong(quarterly.length, quarters));
  }
  return { bookings: t?.bookings ?? null, quarterly: [...quarterly], profit: t?.profit ?? null };
}

/** Compiles `allocation`: channels default to every channel whose response depends on spend. */
export function compileAllocation(
  ctx: CompileContext,
  s: ScenarioInput,
  minSpend: readonly number[],
  maxSpend: readonly number[],
): AllocationSettings | null {
  const a = s.allocation;
  if (a === undefined) return null;
  const ids =
    a.channels ?? Object.keys(s.channels).filter((c) => s.channels[c]!.response.curve !== 'fixed');
  if (ids.length === 0) ctx.err(['allocation'], msg.allocationNoChannels);
  const channels: number[] = [];
  ids.forEach((id, k) => {
    const i = resolveRef(ctx, ctx.channels, 'channel', id, ['allocation', 'channels', k]);
    if (channels.includes(i)) ctx.err(['allocation', 'channels', k], msg.duplicateChannel(id));
    else if (i >= 0 && s.channels[id]?.response.curve === 'fixed')
      // Its leads do not depend on spend: budget put there buys nothing.
      ctx.err(['allocation', 'channels', k], msg.allocationFixedChannel(id));
    else if (i >= 0) channels.push(i);
  });
  const objective = a.objective ?? 'revenue';
  if (objective === 'target' && s.targets?.bookings === undefined) {
    ctx.err(['allocation', 'objective'], msg.targetNeedsBookings);
  }
  const maxShare = a.max_share ?? null;
  const problems = budgetProblems({
    budget: a.budget,
    ids: channels.map((i) => Object.keys(s.channels)[i]!),
    minSpend: channels.map((i) => minSpend[i]!),
    maxSpend: channels.map((i) => maxSpend[i]!),
    maxShare,
  });
  for (const p of problems) ctx.err(['allocation', p.field], p.message);
  const step = a.step ?? (a.budget > 0 ? a.budget / 100 : 1);
  return { budget: a.budget, channels, objective, step, maxShare };
}

/** Compiles `quota`: its role must work a funnel stage (`stageOfRole[r]`, -1 for none). */
export function compileQuota(
  ctx: CompileContext,
  q: ScenarioInput['quota'],
  stageOfRole: readonly number[],
): QuotaSettings | null {
  if (q === undefined) return null;
  const role = resolveRef(ctx, ctx.roles, 'role', q.role, ['quota', 'role']);
  if (role >= 0 && stageOfRole[role] === -1)
    ctx.err(['quota', 'role'], msg.quotaRoleNoStage(q.role));
  return {
    role,
    confidence: q.confidence,
    overAssignment: q.over_assignment ?? 1,
    performanceCv: q.performance_cv ?? DEFAULT_PERFORMANCE_CV,
  };
}
