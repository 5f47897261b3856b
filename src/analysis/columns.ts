/**
 * The columns summarised for every trial: each series per period (the row itself), each
 * series' horizon total, cumulative bookings per period, and quarterly sums of the main
 * flows.
 *
 *   column = [ row (series × periods) | totals (series) | cumulative bookings (periods) | quarterly (metric × quarter) ]
 */
import type { Model } from '../model/types.js';
import type { Layout } from '../sim/layout.js';
import type { MetricName } from './types.js';

/** Flows rolled up by quarter. */
export const QUARTERLY_METRICS: readonly MetricName[] = [
  'bookings',
  'new_bookings',
  'repeat_bookings',
  'wins',
  'leads',
  'spend',
  'profit',
];

export class Columns {
  readonly count: number;
  readonly totalsAt: number;
  readonly cumulativeAt: number;
  readonly quarterlyAt: number;
  readonly quarters: number;
  /** Columns whose quantiles are reported (the rest only report means). */
  readonly quantiled: readonly number[];
  private readonly T: number;
  private readonly quarterOf: Int32Array;

  constructor(
    model: Model,
    private readonly layout: Layout,
  ) {
    const T = model.calendar.periods;
    const S = layout.series.length;
    this.T = T;
    this.quarterOf = model.calendar.quarterOf;
    this.quarters = model.calendar.quarterLabels.length;
    this.totalsAt = layout.width;
    this.cumulativeAt = this.totalsAt + S;
    this.quarterlyAt = this.cumulativeAt + T;
    this.count = this.quarterlyAt + QUARTERLY_METRICS.length * this.quarters;
    const q: number[] = [];
    layout.series.forEach((s, i) => {
      if (s.periodQuantiles) for (let t = 0; t < T; t++) q.push(i * T + t);
    });
    for (let j = this.totalsAt; j < this.count; j++) q.push(j);
    this.quantiled = q;
  }

  /** Column of series s in period t. */
  period(s: number, t: number): number {
    return s * this.T + t;
  }

  /** Column of series s' horizon total. */
  total(s: number): number {
    return this.totalsAt + s;
  }

  /** Column of quarterly metric i in quarter q. */
  quarterly(i: number, q: number): number {
    return this.quarterlyAt + i * this.quarters + q;
  }

  /**
   * Computes every column of `count` trials from their rows (`rows`: count × layout.width
   * values) into `out`, row-major: trial i's columns are out[i·C … (i + 1)·C), C = `count`
   * of this object.
   */
  fillRows(rows: Float64Array, count: number, out: Float64Array): void {
    const { T, layout } = this;
    const W = layout.width;
    const C = this.count;
    const series = layout.series;
    const b = layout.metric.bookings * T;
    const qa = this.quarterlyAt;
    for (let i = 0; i < count; i++) {
      const r = i * W;
      const o = i * C;
      out.set(rows.subarray(r, r + W), o);
      for (let s = 0; s < series.length; s++) {
        const agg = series[s]!.aggregate;
        let v = 0;
        if (agg.kind === 'sum') {
          for (let t = 0; t < T; t++) v += rows[r + s * T + t]!;
        } else if (agg.kind === 'last') {
          v = rows[r + s * T + T - 1]!;
        } else {
          let num = 0;
          let den = 0;
          for (let t = 0; t < T; t++) {
            num += rows[r + agg.num * T + t]!;
            den += rows[r + agg.den * T + t]!;
          }
          v = den > 0 ? num / den : 0;
        }
        out[o + this.totalsAt + s] = v;
      }
      let cum = 0;
      for (let t = 0; t < T; t++) {
        cum += rows[r + b + t]!;
        out[o + this.cumulativeAt + t] = cum;
      }
      out.fill(0, o + qa, o + C);
      for (let k = 0; k < QUARTERLY_METRICS.length; k++) {
        const s = layout.metric[QUARTERLY_METRICS[k]!];
        for (let t = 0; t < T; t++)
          out[o + qa + k * this.quarters + this.quarterOf[t]!]! += rows[r + s * T + t]!;
      }
    }
  }
}
