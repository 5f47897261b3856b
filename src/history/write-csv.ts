/**
 * Synthetic history → the two CSV files of docs/data-formats.md: monthly actuals per
 * channel and market, and the deal-level export (with an `account` column of made-up
 * customer names, which the readers ignore and no output ever copies).
 */
import type { Model } from '../model/types.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { csvLine } from '../util/csv.js';
import { monthLabel } from './parse-values.js';
import type { SyntheticHistory } from './synthesize.js';

/** Month number (year·12 + month − 1) of period 0 of a model's calendar. */
export const startMonth = (model: Model): number => {
  const [y, m] = model.calendar.start.split('-').map(Number);
  return y! * 12 + m! - 1;
};

const money = (v: number): string => v.toFixed(2);

/**
 * The monthly actuals CSV of a synthetic history: a channel's spend is split over its
 * markets by its lead mix; bookings are new bookings of the cohort's won deals.
 * @example actualsCsv(model, synthesize(model)).split('\n')[0] // 'period,channel,market,spend,leads,…'
 */
export function actualsCsv(model: Model, history: SyntheticHistory): string {
  checkArgument('actualsCsv', 'model', model, ARG.model);
  checkArgument('actualsCsv', 'history', history, ARG.syntheticHistory);
  const middle = model.stages.slice(1, -1).map((s) => s.id);
  let out = csvLine([
    'period',
    'channel',
    'market',
    'spend',
    'leads',
    ...middle,
    'wins',
    'bookings',
  ]);
  const M = model.markets.length;
  const K = model.stages.length;
  model.calendar.labels.forEach((label, t) => {
    model.channels.forEach((ch, c) => {
      model.markets.forEach((mk, m) => {
        if (ch.mix[m] === 0) return;
        const s = history.cohorts[c * M + m]!;
        const arrivals = s.arrivals.map((a) => a[t]!);
        out += csvLine([
          label,
          ch.id,
          mk.id,
          money(ch.spend[t]! * ch.mix[m]!),
          arrivals[0]!,
          ...arrivals.slice(1, K - 1),
          arrivals[K - 1]!,
          money(s.bookings[t]!),
        ]);
      });
    });
  });
  return out;
}

/**
 * The deal-level export of a synthetic history: every item (from lead on) with the date it
 * entered each middle stage; `closed` and `outcome` as of the end of the last period;
 * `lost_reason` is `unworked` for items lost waiting in a role's queue.
 * @example dealsCsv(model, synthesize(model)).split('\n')[0] // 'id,account,channel,…'
 */
export function dealsCsv(model: Model, history: SyntheticHistory): string {
  checkArgument('dealsCsv', 'model', model, ARG.model);
  checkArgument('dealsCsv', 'history', history, ARG.syntheticHistory);
  const ids = model.stages.map((s) => s.id);
  const middle = ids.slice(1, -1);
  const start = startMonth(model);
  const date = (t: number, d: number) => `${monthLabel(start + t)}-${String(d).padStart(2, '0')}`;
  let out = csvLine([
    'id',
    'account',
    'channel',
    'market',
    'created',
    'stage',
    ...middle.map((s) => `entered_${s}`),
    'closed',
    'outcome',
    'amount',
    'lost_reason',
  ]);
  for (const d of history.deals) {
    const reached = d.entered.length - 1;
    out += csvLine([
      d.id,
      d.account,
      d.channel,
      d.market,
      date(d.entered[0]!, d.enteredDay[0]!),
      ids[reached]!,
      ...middle.map((_, i) =>
        i + 1 <= reached ? date(d.entered[i + 1]!, d.enteredDay[i + 1]!) : '',
      ),
      d.closed === null ? '' : date(d.closed, d.closedDay),
      d.outcome,
      d.amount === null ? '' : money(d.amount),
      d.unworked ? 'unworked' : '',
    ]);
  }
  return out;
}
