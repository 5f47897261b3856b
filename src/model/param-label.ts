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
import type { Model } from './types.js';

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
 * "Entity · field in words": the label charts and tables give an input.
 * @example paramLabel(model, 'channels.paid_search.response.half_spend') // 'Paid search · half spend'
 */
export function paramLabel(model: LabelledModel, path: string): string {
  checkArgument('paramLabel', 'model', model, ARG.labelledModel);
  checkArgument('paramLabel', 'path', path, ARG.dotPath);
  const { entity, field } = split(model, path);
  const [top = ''] = path.split('.');
  // `response.` only says which block of the channel holds the field.
  const words = field
    .replace(/^response\./, '')
    .replaceAll(/[._]/g, ' ')
    .trim();
  const head = entity === '' ? defaultLabel(top) : entity;
  if (words === '') return head;
  return `${head} · ${words}`;
}
