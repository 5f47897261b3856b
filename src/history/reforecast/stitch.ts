/**
 * Trial rows over the whole calendar, stitched from three parts (docs/model.md,
 * "Reforecast from actuals"):
 *
 *   months 0 … k − 1 ─┬─ what the actuals carry: leads, stage arrivals, wins, new bookings,
 *                     │  spend, per channel and market — the same in every trial
 *                     └─ what they do not: repeat business, accounts, team, initiative
 *                        cost, pipeline, queues — trial i of the plan's simulation of those
 *                        months (`front`), at the actual spend
 *   months k … T − 1 ─── trial i of the rest of the plan (`rest`)
 *
 * and recomputed where parts meet: bookings = actual new + simulated repeat, accounts move
 * by the actual wins instead of the simulated ones, profit = margin × bookings − costs, and
 * month k's spend is the plan's (the rest plan's carries the adstock). The stitched rows
 * have the plan's layout, so the forecast's summaries (horizon totals, quarters, targets,
 * cumulative bookings) count what is already booked, trial by trial.
 */
import type { TrialSource } from '../../analysis/precision.js';
import type { RowSource } from '../../analysis/summarise.js';
import type { Model } from '../../model/types.js';
import { buildLayout } from '../../sim/layout.js';
import type { PastActuals } from './align.js';

/** Trials stitched per round: the plan's months of actuals are kept for this many at once. */
const CHUNK = 4096;

/** The parts of {@link stitchedSource}. */
export interface StitchParts {
  /** The plan over the whole calendar: the stitched rows have its layout. */
  readonly model: Model;
  readonly past: PastActuals;
  readonly trials: number;
  /** Trials of the plan's months of actuals (same layout, k months). */
  readonly front: TrialSource;
  /** Trials of the rest of the plan (same layout, T − k months). */
  readonly rest: TrialSource;
  /** Spend the rest plan adds to month k for the adstock carried in. */
  readonly carryIn: number;
  /** The gross margin when it is fixed; null: read it from each trial's rows. */
  readonly margin: number | null;
  /** Fallback margin (its mean) for a trial with no bookings at all. */
  readonly marginMean: number;
}

/** Names of the series the actuals fix in months before k (docs/json-output.md, reforecast). */
export function actualSeries(model: Model): string[] {
  const layout = buildLayout(model);
  return [...fixedSeries(model, layout).keys()].map((s) => layout.series[s]!.key);
}

/** Series index → its value per month of actuals, `[t]`, for every series the actuals fix. */
function fixedSeries(model: Model, layout = buildLayout(model), past?: PastActuals) {
  const M = model.markets.length;
  const K = model.stages.length;
  const k = past?.k ?? 0;
  const out = new Map<number, Float64Array>();
  const put = (
    s: number,
    h: (c: number, m: number) => boolean,
    of: 'leads' | 'wins' | 'bookings' | number,
  ) => {
    const v = new Float64Array(k);
    if (past !== undefined)
      for (let c = 0; c < model.channels.length; c++)
        for (let m = 0; m < M; m++) {
          if (!h(c, m)) continue;
          const hh = c * M + m;
          const src =
            of === 'bookings'
              ? past.bookings
              : past.arrivals[of === 'leads' ? 0 : of === 'wins' ? K - 1 : of]!;
          for (let t = 0; t < k; t++) v[t]! += src[hh * k + t]!;
        }
    out.set(s, v);
  };
  const all = () => true;
  put(layout.metric.leads, all, 'leads');
  put(layout.metric.wins, all, 'wins');
  put(layout.metric.new_bookings, all, 'bookings');
  layout.stageArrivals.forEach((s, j) => {
    put(s, all, j);
  });
  layout.channel.forEach((b, c) => {
    put(b.leads, (x) => x === c, 'leads');
    put(b.wins, (x) => x === c, 'wins');
    put(b.bookings, (x) => x === c, 'bookings');
  });
  layout.market.forEach((b, m) => {
    put(b.leads, (_, y) => y === m, 'leads');
    put(b.wins, (_, y) => y === m, 'wins');
    put(b.bookings, (_, y) => y === m, 'bookings');
  });
  const spend = new Float64Array(k);
  if (past !== undefined)
    for (let c = 0; c < model.channels.length; c++)
      for (let t = 0; t < k; t++) spend[t]! += past.spend[c * k + t]!;
  out.set(layout.metric.spend, spend);
  return out;
}

/**
 * The stitched trials as a {@link RowSource} for the forecast's summaries.
 * @example await summariseRun(model, trials, stitchedSource(parts))
 */
export function stitchedSource(parts: StitchParts): RowSource {
  const { model, past, trials } = parts;
  const layout = buildLayout(model);
  const T = model.calendar.periods;
  const k = past.k;
  const R = T - k;
  const S = layout.series.length;
  const W = layout.width;
  const lm = layout.metric;
  const fixed = fixedSeries(model, layout, past);
  const actualWins = fixed.get(lm.wins)!;
  return async (consume) => {
    for (let a = 0; a < trials; a += CHUNK) {
      const b = Math.min(trials, a + CHUNK);
      const front = new Float64Array((b - a) * S * k);
      await parts.front(a, b, (from, count, rows) => {
        front.set(rows.subarray(0, count * S * k), (from - a) * S * k);
      });
      await parts.rest(a, b, (from, count, rows) => {
        const out = new Float64Array(count * W);
        for (let i = 0; i < count; i++) {
          const o = i * W;
          const f = (from - a + i) * S * k;
          const r = i * S * R;
          for (let s = 0; s < S; s++) {
            const v = fixed.get(s);
            if (v !== undefined) out.set(v, o + s * T);
            else out.set(front.subarray(f + s * k, f + (s + 1) * k), o + s * T);
            out.set(rows.subarray(r + s * R, r + (s + 1) * R), o + s * T + k);
          }
          const at = (s: number, t: number) => o + s * T + t;
          const margin = parts.margin ?? marginOf(rows, r, R, front, f, k, lm, parts.marginMean);
          let extraWins = 0;
          for (let t = 0; t < k; t++) {
            out[at(lm.bookings, t)] =
              out[at(lm.new_bookings, t)]! + out[at(lm.repeat_bookings, t)]!;
            extraWins += actualWins[t]! - front[f + lm.wins * k + t]!;
            out[at(lm.accounts, t)]! += extraWins;
            out[at(lm.profit, t)] =
              margin * out[at(lm.bookings, t)]! -
              out[at(lm.spend, t)]! -
              out[at(lm.team_cost, t)]! -
              out[at(lm.initiative_cost, t)]!;
          }
          out[at(lm.spend, k)]! -= parts.carryIn;
          out[at(lm.profit, k)]! += parts.carryIn;
        }
        consume(from, count, out);
      });
    }
  };
}

/**
 * A trial's gross margin from its rows: (profit + spend + team cost + initiative cost) /
 * bookings over the rest plan's months, or the plan's months of actuals when those booked
 * nothing, or the margin's mean when neither did.
 */
function marginOf(
  rest: Float64Array,
  r: number,
  R: number,
  front: Float64Array,
  f: number,
  k: number,
  lm: ReturnType<typeof buildLayout>['metric'],
  fallback: number,
): number {
  const from = (rows: Float64Array, o: number, n: number): number | null => {
    let num = 0;
    let den = 0;
    for (let t = 0; t < n; t++) {
      const b = rows[o + lm.bookings * n + t]!;
      den += b;
      num +=
        rows[o + lm.profit * n + t]! +
        rows[o + lm.spend * n + t]! +
        rows[o + lm.team_cost * n + t]! +
        rows[o + lm.initiative_cost * n + t]!;
    }
    return den > 0 ? num / den : null;
  };
  return from(rest, r, R) ?? from(front, f, k) ?? fallback;
}
