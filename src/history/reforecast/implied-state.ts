/**
 * The funnel's state after k months of actuals, in expected values: what each role took on,
 * what resolved when, and what is still open at the start of month k — the opening pipeline
 * the actuals imply (docs/model.md, "Reforecast from actuals").
 *
 * Monthly actuals count arrivals at each stage, not resolutions, so the state is replayed
 * from them with the plan's lags and team:
 *
 *   stage j, month t:  arrivals A_j(t) (actual) ─► queue of j's role (if any): takes
 *                      min(capacity_t, waiting), shared in proportion, then loses
 *                      queue_loss of what still waits ─► taken_j(t)
 *   taken_j(t) resolves into j+1 after lag_{j+1}: by month s < k with lag_{j+1}[s − t];
 *                      still open at k with P(lag ≥ k − t), at age k − t
 *
 * The scenario's own opening pipeline (items open at the start of month 0) is part of the
 * state: queued items join the replayed queue in month 0, taken-on items of age a resolve
 * with their remaining lag given a (lag[a + l] / Σ_{i≥a} lag[i]) and are open at k at age
 * a + k. Open items are rounded to whole items per stage and cohort (largest remainders
 * over ages), as the kernel needs.
 */
import type { Model, PipelineEntry } from '../../model/types.js';
import { pipelineOrder, splitWhole } from '../../scenario/compile-pipeline.js';

/** What the replay needs besides the plan: arrivals and each role's expected capacity. */
export interface ReplayInput {
  /** Months of actuals. */
  readonly k: number;
  /** Arrivals per stage, `[j][h·k + t]` (cohort h = channel·M + market). */
  readonly arrivals: readonly Float64Array[];
  /** Items each role can take on in each month, `[r·k + t]` (expected). */
  readonly capacity: Float64Array;
  /** Each role's queue loss (expected). */
  readonly queueLoss: Float64Array;
}

/** The replayed state. */
export interface ImpliedState {
  /** Expected items taken on at stage j in month t, `[j][h·k + t]`. */
  readonly taken: readonly Float64Array[];
  /**
   * Expected items of stage j − 1 that resolve (advance into j, or drop) in month t < k,
   * `[j][h·k + t]` (j ≥ 1; `[0]` is all zeros): the trials behind stage j's observed arrivals.
   */
  readonly resolved: readonly Float64Array[];
  /** Expected items open at the start of month k per stage, taken on (not queued). */
  readonly openTaken: Float64Array;
  /** Expected items waiting in a role's queue at the start of month k, per stage. */
  readonly openQueued: Float64Array;
  /** The open items as whole-item entries, for the plan of months k … T − 1. */
  readonly pipeline: readonly PipelineEntry[];
}

/** Σ_{l ≥ a} lag[l]. */
function survival(lag: Float64Array, a: number): number {
  let s = 0;
  for (let l = Math.max(0, a); l < lag.length; l++) s += lag[l]!;
  return s;
}

/** The largest l with lag[l] > 0 (an age beyond it is clamped, as the kernel does). */
function support(lag: Float64Array): number {
  let last = lag.length - 1;
  while (last > 0 && !(lag[last]! > 0)) last--;
  return last;
}

/**
 * Replays the funnel over the k months of actuals and returns the state at the start of
 * month k.
 * @example const s = impliedState(model, { k: 6, arrivals, capacity, queueLoss }); s.pipeline
 */
export function impliedState(model: Model, input: ReplayInput): ImpliedState {
  const { k, arrivals, capacity, queueLoss } = input;
  const K = model.stages.length;
  const M = model.markets.length;
  const H = model.channels.length * M;
  const taken = Array.from({ length: K }, () => new Float64Array(H * k));
  const resolved = Array.from({ length: K }, () => new Float64Array(H * k));
  // [j][h][age]: expected items open at k, taken on at stage j, by age
  const open = Array.from({ length: K }, () => new Map<number, Float64Array>());
  const openAt = (j: number, h: number): Float64Array => {
    let a = open[j]!.get(h);
    if (a === undefined) {
      a = new Float64Array(0);
      open[j]!.set(h, a);
    }
    return a;
  };
  const addOpen = (j: number, h: number, age: number, x: number) => {
    if (!(x > 0)) return;
    let a = openAt(j, h);
    if (a.length <= age) {
      const b = new Float64Array(age + 1);
      b.set(a);
      a = b;
      open[j]!.set(h, a);
    }
    a[age]! += x;
  };
  /** Items taken on at stage j (< K − 1) in month t (may be < 0: the opening pipeline's age). */
  const schedule = (j: number, h: number, t: number, x: number, from = 0) => {
    const lag = model.stages[j + 1]!.lag;
    // items of age `from` at month t … : remaining lag given the age
    const a = Math.min(from, support(lag));
    const mass = survival(lag, a);
    if (!(mass > 0) || !(x > 0)) return;
    for (let l = a; l < lag.length; l++) {
      const s = t + l - a;
      if (s >= k) break;
      resolved[j + 1]![h * k + s]! += (x * lag[l]!) / mass;
    }
    const left = (x * survival(lag, a + (k - t))) / mass;
    addOpen(j, h, a + (k - t), left);
  };

  // the scenario's opening pipeline: taken-on items are scheduled from their age
  const queue = Array.from({ length: K }, () => new Float64Array(H));
  for (const e of model.pipeline) {
    const h = e.channel * M + e.market;
    if (e.queued) queue[e.stage]![h]! += e.count;
    else schedule(e.stage, h, 0, e.count, e.age);
  }

  for (let t = 0; t < k; t++) {
    for (let j = 0; j < K; j++) {
      const role = model.stages[j]!.role;
      const tj = taken[j]!;
      if (role < 0) {
        for (let h = 0; h < H; h++) tj[h * k + t] = arrivals[j]![h * k + t]!;
      } else {
        const q = queue[j]!;
        let waiting = 0;
        for (let h = 0; h < H; h++) {
          q[h]! += arrivals[j]![h * k + t]!;
          waiting += q[h]!;
        }
        const take = Math.min(capacity[role * k + t]!, waiting);
        const share = waiting > 0 ? take / waiting : 0;
        const keep = 1 - queueLoss[role]!;
        for (let h = 0; h < H; h++) {
          const x = q[h]! * share;
          tj[h * k + t] = x;
          q[h] = (q[h]! - x) * keep;
        }
      }
      if (j < K - 1) for (let h = 0; h < H; h++) schedule(j, h, t, tj[h * k + t]!);
    }
  }

  const openTaken = new Float64Array(K);
  const openQueued = new Float64Array(K);
  const pipeline: PipelineEntry[] = [];
  for (let j = 0; j < K - 1; j++) {
    for (let h = 0; h < H; h++) {
      const channel = Math.floor(h / M);
      const market = h % M;
      const ages = open[j]!.get(h);
      if (ages !== undefined) {
        const total = ages.reduce((x, y) => x + y, 0);
        openTaken[j]! += total;
        const counts = splitWhole(Math.round(total), Array.from(ages)) ?? [];
        counts.forEach((count, age) => {
          if (count > 0) pipeline.push({ stage: j, channel, market, age, count, queued: false });
        });
      }
      const q = queue[j]![h]!;
      openQueued[j]! += q;
      const count = Math.round(q);
      if (count > 0) pipeline.push({ stage: j, channel, market, age: 0, count, queued: true });
    }
  }
  pipeline.sort(pipelineOrder);
  return { taken, resolved, openTaken, openQueued, pipeline };
}
