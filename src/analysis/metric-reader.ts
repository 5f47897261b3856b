/**
 * Metric names an analysis can ask the evaluator for, and how each is read off a trial row.
 *
 *   bookings            horizon total of metrics.bookings (any metric name: profit, wins, …)
 *   roles.ae.lost       horizon total of any series of the row (stages.won, channels.x.leads, …)
 *   bookings@Q2         the second quarter of the horizon (1-based)
 *   bookings@2027-03    one period
 *
 * A flow sums over the selected periods, a level takes the last one, a ratio (utilisation)
 * divides the sums of its two series — the same aggregates as the forecast's totals.
 */
import type { Calendar } from '../model/types.js';
import type { Layout } from '../sim/layout.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { closest } from '../util/suggest.js';
import { METRICS } from './types.js';

/** Reads one metric's value from a trial row. */
export interface MetricReader {
  readonly name: string;
  /** The metric's value in the row starting at `at` of `rows`. */
  read(rows: Float64Array, at: number): number;
}

/**
 * The reader of metric `name`, or a sentence saying what names are accepted.
 * @example metricReader(layout, model.calendar, 'bookings@Q2')
 */
export function metricReader(
  layout: Layout,
  calendar: Calendar,
  name: string,
): MetricReader | string {
  checkArgument('metricReader', 'layout', layout, ARG.layout);
  checkArgument('metricReader', 'calendar', calendar, ARG.calendar);
  checkArgument('metricReader', 'name', name, ARG.metric);
  const [key, when, ...rest] = name.split('@');
  const series = (METRICS as readonly string[]).includes(key!) ? `metrics.${key}` : key!;
  const s = layout.series.findIndex((x) => x.key === series);
  if (s < 0 || rest.length > 0) {
    const names = [...METRICS, ...layout.series.map((x) => x.key.replace(/^metrics\./, ''))];
    const guess = rest.length > 0 ? null : closest(key!, names);
    const hint = guess === null ? '' : ` (did you mean ${JSON.stringify(guess)}?)`;
    return `no metric ${JSON.stringify(name)}${hint}: expected a metric (${METRICS.join(', ')}) or a series such as roles.<role>.lost or channels.<channel>.bookings, optionally followed by @Q<n> (a quarter of the horizon) or @YYYY-MM (a period)`;
  }
  const T = layout.periods;
  let from = 0;
  let to = T;
  if (when !== undefined) {
    const q = /^Q(\d+)$/i.exec(when);
    if (q) {
      const n = Number(q[1]);
      const periods: number[] = [];
      calendar.quarterOf.forEach((qq, t) => {
        if (qq === n - 1) periods.push(t);
      });
      if (periods.length === 0) {
        return `no quarter ${when} in the horizon: it has ${calendar.quarterLabels.length} quarters (Q1 … Q${calendar.quarterLabels.length})`;
      }
      from = periods[0]!;
      to = periods.at(-1)! + 1;
    } else {
      const t = calendar.labels.indexOf(when);
      if (t < 0) {
        return `no period ${when} in the horizon: it runs from ${calendar.labels[0]} to ${calendar.labels.at(-1)}`;
      }
      from = t;
      to = t + 1;
    }
  }
  const agg = layout.series[s]!.aggregate;
  const base = s * T;
  if (agg.kind === 'last') return { name, read: (rows, at) => rows[at + base + to - 1]! };
  if (agg.kind === 'sum') {
    return {
      name,
      read: (rows, at) => {
        let v = 0;
        for (let t = from; t < to; t++) v += rows[at + base + t]!;
        return v;
      },
    };
  }
  const num = agg.num * T;
  const den = agg.den * T;
  return {
    name,
    read: (rows, at) => {
      let a = 0;
      let b = 0;
      for (let t = from; t < to; t++) {
        a += rows[at + num + t]!;
        b += rows[at + den + t]!;
      }
      return b > 0 ? a / b : 0;
    },
  };
}
