/**
 * From trial rows to summaries: moments of every column in one pass, exact quantiles of
 * the quantiled columns in as many passes as the memory budget needs (a row source can be
 * replayed: trials are recomputable from (seed, trial), and shard files can be re-read).
 */
import { QUANTILES, STORE_BUDGET_BYTES } from '../defaults.js';
import { type Logger, silentLogger } from '../util/logger.js';
import type { ColumnMoments } from '../util/moments.js';
import { Accumulator } from './accumulator.js';
import type { Columns } from './columns.js';
import { quantileSorted } from './quantile.js';
import { quantilesInPlace } from './select.js';
import { proportionError, sampleSd, standardError } from './standard-error.js';
import type { Summary } from './types.js';

/** Feeds rows of trials 0 … n−1 to the consumer in trial order; may be called several times. */
export type RowSource = (
  consume: (from: number, count: number, rows: Float64Array) => void,
) => Promise<void>;

/** What a summary pass keeps besides quantiles: raw kept columns a caller wants to inspect (targets, histograms). */
export interface ColumnStats {
  readonly n: number;
  readonly moments: ColumnMoments;
  /** Sorted values' quantiles (QUANTILES order) per quantiled column. */
  readonly quantiles: Map<number, Float64Array>;
  /** Sorted values of the columns the caller asked to retain. */
  readonly retained: Map<number, Float64Array>;
}

/**
 * Said when a run has one trial: nothing can estimate a standard error or a spread from it,
 * so every ± and sd is not available (se and sd null) and every quantile is that trial (the
 * numbers are right, their precision unknown).
 */
export const ONE_TRIAL_WARNING =
  '1 trial cannot estimate a Monte Carlo standard error or a spread: every ± and sd reads n/a (se and sd null in JSON) and every P10 to P90 is that one trial; run at least 2 trials (hundreds for a useful forecast)';

/**
 * Runs the passes over `source` and returns moments, quantiles and retained sorted columns.
 * Keeps at most STORE_BUDGET_BYTES of values per pass, in one buffer reused by every pass;
 * a run too large for one pass in double precision keeps the columns it does not retain in
 * single precision (quantiles exact to ~7 significant digits) and, if still too large,
 * replays the source once per group of columns.
 */
export async function summariseColumns(
  columns: Columns,
  trials: number,
  source: RowSource,
  retain: readonly number[],
  budget: number = STORE_BUDGET_BYTES,
  logger: Logger = silentLogger,
): Promise<ColumnStats> {
  const n = Math.max(1, trials);
  const all = columns.quantiled;
  const keepAfter = new Set(retain);
  // Values drop to single precision only when double would need more than one pass; the
  // retained columns (targets, histograms) always stay double.
  const compact = all.length * 8 * n > budget;
  const single = new Set(compact ? all.filter((j) => !keepAfter.has(j)) : []);
  const bytesOf = (j: number) => (single.has(j) ? 4 : 8) * n;
  const passes: number[][] = [[]];
  let used = 0;
  let arenaBytes = 0;
  for (const j of [...all].sort((a, b) => b - a)) {
    if (used + bytesOf(j) > budget && passes.at(-1)!.length > 0) {
      passes.push([]);
      used = 0;
    }
    passes.at(-1)!.push(j);
    used += bytesOf(j);
    arenaBytes = Math.max(arenaBytes, used);
  }
  if (trials < 2) logger.warn(ONE_TRIAL_WARNING);
  if (passes.length > 1) {
    logger.warn(
      `${trials.toLocaleString('en-US')} trials need ${passes.length} passes for exact quantiles (at most ${(budget / 2 ** 30).toFixed(0)} GiB of values are kept at once), so the trials are simulated or read ${passes.length} times`,
    );
  }
  // One buffer serves every pass, so memory stays at the budget instead of waiting for the
  // collector to free the previous pass's arrays.
  const arena = new ArrayBuffer(arenaBytes);
  const quantiles = new Map<number, Float64Array>();
  const retained = new Map<number, Float64Array>();
  let moments: ColumnMoments | null = null;
  for (const keep of passes) {
    let offset = 0;
    const arrays = new Map<number, Float64Array | Float32Array>();
    for (const j of keep) {
      arrays.set(
        j,
        single.has(j) ? new Float32Array(arena, offset, n) : new Float64Array(arena, offset, n),
      );
      offset += bytesOf(j);
    }
    const acc: Accumulator = new Accumulator(columns, arrays, moments === null);
    await source((_from, count, rows) => acc.consume(count, rows));
    if (acc.size !== trials) throw new Error(`summary expected ${trials} trials, got ${acc.size}`);
    moments ??= acc.moments!;
    for (const [j, values] of arrays) {
      if (keepAfter.has(j) && values instanceof Float64Array) {
        const sorted = values.slice().sort();
        quantiles.set(
          j,
          Float64Array.from(QUANTILES, (p) => quantileSorted(sorted, p)),
        );
        retained.set(j, sorted);
      } else {
        // Selection, not sorting: sorting every column was most of a large run's summary time.
        quantiles.set(j, quantilesInPlace(values, QUANTILES));
      }
    }
  }
  return { n: trials, moments: moments!, quantiles, retained };
}

/**
 * The {@link Summary} of column j (sd and se null for one trial). Columns without quantiles
 * report the mean for each quantile.
 */
export function columnSummary(stats: ColumnStats, j: number): Summary {
  const mean = stats.moments.meanOf(j);
  const sd = stats.moments.sdOf(j);
  const q = stats.quantiles.get(j);
  const at = (i: number) => (q ? q[i]! : mean);
  return {
    mean,
    sd: sampleSd(sd, stats.n),
    se: standardError(sd, stats.n),
    p5: at(0),
    p10: at(1),
    p25: at(2),
    p50: at(3),
    p75: at(4),
    p90: at(5),
    p95: at(6),
  };
}

/**
 * P(X ≥ value) from sorted values, with its Monte Carlo standard error √(p(1 − p)/n) (null
 * for one value).
 */
export function exceedance(
  sorted: Float64Array,
  value: number,
): { probability: number; se: number | null } {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  const n = sorted.length;
  const p = (n - lo) / n;
  return { probability: p, se: proportionError(p, n) };
}

/** Equal-width histogram of sorted values in `bins` bins between min and max. */
export function histogram(
  sorted: Float64Array,
  bins: number,
): { edges: number[]; counts: number[] } {
  const n = sorted.length;
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  if (!(max > min)) return { edges: [min, max], counts: [n] };
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const b = Math.min(bins - 1, Math.floor((sorted[i]! - min) / width));
    counts[b]! += 1;
  }
  return { edges, counts };
}
