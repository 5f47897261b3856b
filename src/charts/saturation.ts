/**
 * Which roles bind: the months in which a role is capacity-bound (median utilisation across
 * trials at least {@link SATURATED_UTILISATION}: in most trials it took on all it could while
 * items waited), and what waiting cost (items lost from its queue). Shared by the team chart
 * and the report's summary, so both say the same.
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
  /** Period indices in which the role is capacity-bound. */
  readonly saturated: readonly number[];
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
    const saturated = res.utilisation.periods.flatMap((s, t) =>
      s.p50 >= SATURATED_UTILISATION ? [t] : [],
    );
    return [
      {
        id: r.id,
        label: r.label,
        stage: { id: stage.id, label: stage.label },
        saturated,
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
