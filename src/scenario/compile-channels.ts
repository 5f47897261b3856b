/**
 * Channels → their compiled models: spend expanded per period, response curve params, the
 * market mix (checked to sum to 1 within {@link SUM_TOLERANCE}, then scaled to sum exactly
 * to 1) and channel quality factors per stage.
 */
import type { ChannelModel, ResponseModel } from '../model/types.js';
import { type CompileContext, resolveRef } from './compile-context.js';
import { displayLabel } from './labels.js';
import { SUM_TOLERANCE } from './limits.js';
import { msg } from './messages.js';
import { expandPerPeriod } from './periodic.js';
import type { ScenarioInput } from './schema.js';

type ChannelInput = ScenarioInput['channels'][string];

function compileResponse(
  ctx: CompileContext,
  p: string,
  r: ChannelInput['response'],
): ResponseModel {
  const add = (name: string, d: Parameters<typeof ctx.params.add>[1], fallback = 0) =>
    ctx.params.add(`${p}.response.${name}`, d, 'positive', fallback);
  switch (r.curve) {
    case 'hill':
      return {
        curve: 'hill',
        maxLeads: add('max_leads', r.max_leads),
        halfSpend: add('half_spend', r.half_spend),
        shape: add('shape', r.shape, 1),
      };
    case 'linear':
      return { curve: 'linear', costPerLead: add('cost_per_lead', r.cost_per_lead) };
    case 'fixed':
      return { curve: 'fixed', leads: add('leads', r.leads) };
  }
}

function compileMix(ctx: CompileContext, id: string, c: ChannelInput): Float64Array {
  const mix = new Float64Array(ctx.markets.size);
  if (c.markets === undefined) {
    if (ctx.markets.size === 1) mix[0] = 1;
    else if (ctx.markets.size > 1) ctx.err(['channels', id], msg.mixNeeded(ctx.markets.size));
    return mix;
  }
  let sum = 0;
  for (const [m, share] of Object.entries(c.markets)) {
    const i = resolveRef(ctx, ctx.markets, 'market', m, ['channels', id, 'markets', m]);
    if (i >= 0) mix[i] = share;
    sum += share;
  }
  if (Math.abs(sum - 1) > SUM_TOLERANCE) ctx.err(['channels', id, 'markets'], msg.mixSum(sum));
  else for (let i = 0; i < mix.length; i++) mix[i] = mix[i]! / sum;
  return mix;
}

/** Compiles `channels` in file order. */
export function compileChannels(
  ctx: CompileContext,
  channels: ScenarioInput['channels'],
): ChannelModel[] {
  return Object.entries(channels).map(([id, c]) => {
    const p = `channels.${id}`;
    const spend = new Float64Array(ctx.calendar.periods);
    if (c.spend !== undefined) {
      const e = expandPerPeriod(c.spend, ctx.calendar);
      if ('issues' in e)
        for (const i of e.issues) ctx.err(['channels', id, 'spend', ...i.path], i.message);
      else spend.set(e.values);
    }
    const minSpend = c.min_spend ?? 0;
    const maxSpend = c.max_spend ?? Number.POSITIVE_INFINITY;
    if (minSpend > maxSpend)
      ctx.err(['channels', id, 'min_spend'], msg.minMaxSpend(minSpend, maxSpend));
    const response = compileResponse(ctx, p, c.response);
    const leadsCv = ctx.params.add(`${p}.leads_cv`, c.leads_cv, 'positive', 0);
    const carryover = ctx.params.add(`${p}.carryover`, c.carryover, 'positive', 0);
    const mix = compileMix(ctx, id, c);
    const rateFactors = new Array<number>(ctx.stages.size).fill(-1);
    for (const [stage, factor] of Object.entries(c.rate_factors ?? {})) {
      const at = ['channels', id, 'rate_factors', stage];
      const s = resolveRef(ctx, ctx.stages, 'stage', stage, at);
      if (s === 0) ctx.err(at, msg.rateFactorFirst(stage));
      else if (s > 0)
        rateFactors[s] = ctx.params.add(`${p}.rate_factors.${stage}`, factor, 'positive', 1);
    }
    return {
      id,
      label: displayLabel(id, c.label),
      spend,
      minSpend,
      maxSpend,
      response,
      leadsCv,
      carryover,
      spendBefore: c.spend_before ?? 0,
      mix,
      rateFactors,
    };
  });
}
