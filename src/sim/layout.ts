/**
 * The per-trial row: every series the kernel records, one value per period, laid out
 * contiguously in a Float64Array so a batch of trials is one transferable buffer.
 *
 *   row = [ series 0: p0 … p(T−1) | series 1: p0 … p(T−1) | … ]
 *
 * `aggregate` says how a series becomes a horizon total: `sum` for flows, `last` for
 * levels, `ratio` (Σ num / Σ den over the horizon) for utilisation.
 */

import { METRICS, type MetricName } from '../model/metrics.js';
import type { Model } from '../model/types.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';

export type Aggregate =
  | { readonly kind: 'sum' }
  | { readonly kind: 'last' }
  | { readonly kind: 'ratio'; readonly num: number; readonly den: number };

export interface SeriesDef {
  /** `metrics.bookings`, `stages.mql`, `roles.ae.queue`, `channels.paid_search.wins`, … */
  readonly key: string;
  readonly aggregate: Aggregate;
  /** Whether per-period quantiles are reported (false: per-period means only). */
  readonly periodQuantiles: boolean;
}

export interface Layout {
  readonly periods: number;
  readonly series: readonly SeriesDef[];
  /** Values per trial row: series.length × periods. */
  readonly width: number;
  /** Series index of each metric. */
  readonly metric: Readonly<Record<MetricName, number>>;
  /** Series index of arrivals per stage. */
  readonly stageArrivals: readonly number[];
  readonly role: readonly {
    readonly headcount: number;
    readonly capacity: number;
    readonly taken: number;
    readonly utilisation: number;
    readonly queue: number;
    readonly lost: number;
    readonly leavers: number;
  }[];
  readonly channel: readonly {
    readonly leads: number;
    readonly wins: number;
    readonly bookings: number;
  }[];
  readonly market: readonly {
    readonly leads: number;
    readonly wins: number;
    readonly bookings: number;
  }[];
}

const LEVELS: ReadonlySet<MetricName> = new Set(['accounts', 'pipeline', 'headcount']);

/** Builds the row layout of a model. Pure: the same model always gives the same layout. */
export function buildLayout(model: Model): Layout {
  checkArgument('buildLayout', 'model', model, ARG.model);
  const series: SeriesDef[] = [];
  const add = (key: string, aggregate: Aggregate, periodQuantiles = true): number => {
    series.push({ key, aggregate, periodQuantiles });
    return series.length - 1;
  };
  const metric = {} as Record<MetricName, number>;
  for (const m of METRICS) {
    metric[m] = add(`metrics.${m}`, LEVELS.has(m) ? { kind: 'last' } : { kind: 'sum' });
  }
  const stageArrivals = model.stages.map((s) => add(`stages.${s.id}`, { kind: 'sum' }));
  const role = model.roles.map((r) => {
    const headcount = add(`roles.${r.id}.headcount`, { kind: 'last' });
    const capacity = add(`roles.${r.id}.capacity`, { kind: 'sum' });
    const taken = add(`roles.${r.id}.taken`, { kind: 'sum' });
    const utilisation = add(`roles.${r.id}.utilisation`, {
      kind: 'ratio',
      num: taken,
      den: capacity,
    });
    const queue = add(`roles.${r.id}.queue`, { kind: 'last' });
    const lost = add(`roles.${r.id}.lost`, { kind: 'sum' });
    const leavers = add(`roles.${r.id}.leavers`, { kind: 'sum' });
    return { headcount, capacity, taken, utilisation, queue, lost, leavers };
  });
  const breakdown = (prefix: string) => ({
    leads: add(`${prefix}.leads`, { kind: 'sum' }, false),
    wins: add(`${prefix}.wins`, { kind: 'sum' }, false),
    bookings: add(`${prefix}.bookings`, { kind: 'sum' }, false),
  });
  const channel = model.channels.map((c) => breakdown(`channels.${c.id}`));
  const market = model.markets.map((m) => breakdown(`markets.${m.id}`));
  const periods = model.calendar.periods;
  return {
    periods,
    series,
    width: series.length * periods,
    metric,
    stageArrivals,
    role,
    channel,
    market,
  };
}
