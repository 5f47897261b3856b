/**
 * The display label of an input's dot path, built from the scenario's own labels: the entity
 * the path belongs to (a market, channel, role, initiative or stage, by its label) and the
 * field in words — `funnel.won.rate` reads "Won · rate",
 * `channels.paid_search.response.half_spend` reads "Paid search · half spend". Charts and
 * tables show it; the dot path stays in JSON and, in small type, beside it in the report.
 */
import { defaultLabel } from '../scenario/labels.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { MONTHS } from '../util/months.js';
import type { EffectTarget, Model } from './types.js';

/** The parts of a model that name the entities a path can belong to. */
export type LabelledModel = Pick<
  Model,
  'markets' | 'channels' | 'roles' | 'initiatives' | 'stages'
>;

/**
 * The entity a path belongs to (its label; the top-level section in words when the path
 * belongs to none, e.g. "Customers") and the rest of the path.
 * @example splitParamPath(model, 'team.ae.capacity') // { entity: 'AE', field: 'capacity' }
 */
export function splitParamPath(
  model: LabelledModel,
  path: string,
): { entity: string; field: string } {
  checkArgument('splitParamPath', 'model', model, ARG.labelledModel);
  checkArgument('splitParamPath', 'path', path, ARG.dotPath);
  return split(model, path);
}

function split(model: LabelledModel, path: string): { entity: string; field: string } {
  const [top = '', id = '', ...rest] = path.split('.');
  const lookup: Record<string, readonly { id: string; label: string }[]> = {
    markets: model.markets,
    channels: model.channels,
    team: model.roles,
    initiatives: model.initiatives,
    funnel: model.stages,
  };
  const list = lookup[top];
  if (list === undefined) return { entity: '', field: path.slice(top.length + 1) || path };
  const label = list.find((x) => x.id === id.replace(/\[\d+\]$/, ''))?.label ?? id;
  return { entity: label, field: rest.join('.') };
}

/**
 * "Entity · field in words": the label charts and tables give an input. A field that is an
 * index or an id in the path is named by what it points at: an initiative's effect by what it
 * multiplies (`initiatives.crm.effects[0]` → "CRM · Order rate multiplier"), a seasonality factor
 * by its month (`markets.smb.seasonality[3]` → "SMB · Apr seasonality"), a channel's rate
 * factor by its stage's label (`channels.events.rate_factors.won` → "Events · Won rate factor").
 * @example paramLabel(model, 'channels.paid_search.response.half_spend') // 'Paid search · half spend'
 */
export function paramLabel(model: LabelledModel, path: string): string {
  checkArgument('paramLabel', 'model', model, ARG.labelledModel);
  checkArgument('paramLabel', 'path', path, ARG.dotPath);
  const { entity, field } = split(model, path);
  const [top = '', id = ''] = path.split('.');
  const words = fieldWords(model, top, id, field);
  const head = entity === '' ? defaultLabel(top) : entity;
  if (words === '') return head;
  return `${head} · ${words}`;
}

/** The field of a path in words, indices and ids replaced by what they name. */
function fieldWords(model: LabelledModel, top: string, id: string, field: string): string {
  const effect = /^effects\[(\d+)\]$/.exec(field);
  if (top === 'initiatives' && effect !== null) {
    const k = Number(effect[1]);
    const target = model.initiatives.find((i) => i.id === id)?.effects[k]?.target;
    // An effect multiplies its target: "Order rate multiplier" says what the number is.
    return target === undefined
      ? `multiplier ${k + 1}`
      : `${effectTarget(model, target)} multiplier`;
  }
  const season = /^seasonality\[(\d+)\]$/.exec(field);
  const month = season === null ? undefined : MONTHS[Number(season[1])];
  if (top === 'markets' && month !== undefined) return `${month} seasonality`;
  const factor = /^rate_factors\.(.+)$/.exec(field);
  if (top === 'channels' && factor !== null) {
    const stage = factor[1]!;
    return `${model.stages.find((s) => s.id === stage)?.label ?? defaultLabel(stage)} rate factor`;
  }
  // `response.` only says which block of the channel holds the field.
  return field
    .replace(/^response\./, '')
    .replace(/^leads_cv$/, 'leads CV')
    .replaceAll(/[._]/g, ' ')
    .trim();
}

/** What an initiative's effect multiplies, in words: "Order rate", "Advisors capacity". */
function effectTarget(model: LabelledModel, t: EffectTarget): string {
  switch (t.kind) {
    case 'stage_rate':
      return `${model.stages[t.stage]?.label ?? 'stage'} rate`;
    case 'role_capacity':
      return `${model.roles[t.role]?.label ?? 'role'} capacity`;
    case 'channel_leads':
      return `${model.channels[t.channel]?.label ?? 'channel'} leads`;
    case 'market_deal_size':
      return `${model.markets[t.market]?.label ?? 'market'} deal size`;
    case 'market_demand':
      return `${model.markets[t.market]?.label ?? 'market'} demand`;
  }
}
