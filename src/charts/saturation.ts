/**
 * Which roles bind: the months in which a role is capacity-bound (in most trials it took on
 * all it could while items waited), and what waiting cost (items lost from its queue). A month
 * binds when the median utilisation across trials is at least {@link SATURATED_UTILISATION},
 * or when the role had no capacity (median capacity 0) while items waited (median items still
 * queued or lost above 0): the kernel writes utilisation 0 when there is no capacity, which
 * would otherwise read as a role with all its capacity spare. A month with no capacity and
 * nothing waiting does not bind. Shared by the team chart and the report's summary, so both
 * say the same.
 */
import type { ForecastResult } from '../analysis/types.js';
import { SATURATED_UTILISATION } from '../defaults.js';
import type { Model } from '../model/types.js';

/** One role that works a stage, with its binding months and queue loss. */
export interface RoleBinding {
  readonly id: string;
  readonly label: string;
  /** Id and label of the stage it works. */
  readonly stage: { readonly id: string; readonly label: string };
  /** Period indices in which the role is capacity-bound, those with no capacity included. */
  readonly saturated: readonly number[];
  /** The capacity-bound periods in which it had no capacity at all while items waited. */
  readonly noCapacity: readonly number[];
  /** Mean items lost from its queue over the horizon (`roles[id].lost.total.mean`). */
  readonly lost: number;
  /** Mean items taken on over the horizon (`roles[id].taken.total.mean`). */
  readonly taken: number;
}

/**
 * Every role that works a stage, in model order, with its capacity-bound months.
 * @example roleBindings(result, model).filter((r) => r.saturated.length > 0)
 */
export function roleBindings(result: ForecastResult, model: Model): RoleBinding[] {
  return model.roles.flatMap((r) => {
    const res = result.roles[r.id];
    const stage = model.stages[r.stage];
    if (res === undefined || stage === undefined) return [];
    const noCapacity = res.capacity.periods.flatMap((c, t) =>
      c.p50 === 0 && (res.queue.periods[t]!.p50 > 0 || res.lost.periods[t]!.p50 > 0) ? [t] : [],
    );
    const saturated = res.utilisation.periods.flatMap((s, t) =>
      s.p50 >= SATURATED_UTILISATION || noCapacity.includes(t) ? [t] : [],
    );
    return [
      {
        id: r.id,
        label: r.label,
        stage: { id: stage.id, label: stage.label },
        saturated,
        noCapacity,
        lost: res.lost.total.mean,
        taken: res.taken.total.mean,
      },
    ];
  });
}

/**
 * Runs of consecutive period indices: [2,3,4,7] → [[2,4],[7,7]].
 * @example runsOf([2, 3, 4, 7]) // [[2, 4], [7, 7]]
 */
export function runsOf(indices: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const t of indices) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === t - 1) last[1] = t;
    else runs.push([t, t]);
  }
  return runs;
}
