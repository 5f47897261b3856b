/** Lag distributions prepared for the kernel, per stage and period of take-on. */
import type { Model } from '../model/types.js';

/**
 * A stage's lag for items taken on in period t: lags 0 … cats − 1 land inside the horizon
 * (cats = min(L, T − t)); the rest, with probability `tail`, resolve after it.
 */
export interface LagTable {
  readonly cats: number;
  /** P(lag ≥ cats): the item resolves after the horizon (0 when the whole pmf fits). */
  readonly tail: number;
  /** P(lag = l | l ≤ lag < cats): conditional split of items known to land inside (last = 1). */
  readonly cond: Float64Array;
  /**
   * P(lag ≤ l) over the whole pmf, for items drawn one by one: a uniform at or above the last
   * entry lands after the horizon (the last entry is exactly 1 when the whole pmf fits).
   */
  readonly cumAll: Float64Array;
  /** P(lag = l | lag ≥ l) over the whole pmf: the split with "beyond" as the remainder. */
  readonly condAll: Float64Array;
}

/** Lag tables, [k·T + t] for stage k and period of take-on t. */
export function lagTables(model: Model): LagTable[] {
  const T = model.calendar.periods;
  const tables: LagTable[] = [];
  for (const stage of model.stages) {
    const pmf = stage.lag;
    for (let t = 0; t < T; t++) tables.push(lagTable(pmf, T - t));
  }
  return tables;
}

/**
 * The remaining lag of items open at the start at stage k with age a (docs/model.md,
 * "Opening pipeline"): P(resolve in period l) = lag[a + l] / Σ_{j ≥ a} lag[j], over the
 * horizon's T periods with "after the horizon" as the rest; an age beyond the lag's support
 * is clamped to its last lag (the items resolve in period 0).
 */
export function remainingLag(lag: Float64Array, age: number, T: number): LagTable {
  let last = lag.length - 1;
  while (last > 0 && !(lag[last]! > 0)) last--;
  const a = Math.min(age, last);
  const q = Array.from(lag.subarray(a));
  const total = q.reduce((x, y) => x + y, 0);
  const pmf = q.map((x) => x / total);
  return lagTable(pmf, T);
}

/**
 * The table of lag pmf `pmf` for items that have `room` periods left in the horizon: lags
 * 0 … room−1 inside, the rest (`tail`) after the horizon.
 */
function lagTable(pmf: ArrayLike<number>, room: number): LagTable {
  const cats = Math.min(pmf.length, room);
  const fits = pmf.length <= room;
  let inside = 0;
  for (let l = 0; l < cats; l++) inside += pmf[l]!;
  const tail = fits ? 0 : Math.max(0, 1 - inside);
  const cond = new Float64Array(cats);
  const cumAll = new Float64Array(cats);
  const condAll = new Float64Array(cats);
  let massIn = inside;
  let massAll = 1;
  let acc = 0;
  for (let l = 0; l < cats; l++) {
    const p = pmf[l]!;
    cond[l] = massIn > 0 ? Math.min(1, p / massIn) : 0;
    condAll[l] = massAll > 0 ? Math.min(1, p / massAll) : 0;
    acc += p;
    cumAll[l] = Math.min(1, acc);
    massIn -= p;
    massAll -= p;
  }
  cond[cats - 1] = 1;
  if (fits) {
    condAll[cats - 1] = 1;
    cumAll[cats - 1] = 1;
  }
  return { cats, tail, cond, cumAll, condAll };
}
