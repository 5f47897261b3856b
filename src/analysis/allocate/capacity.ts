/**
 * Team capacity at a plan: for each role that works a stage, how much of its capacity the
 * plan uses and how many of the items that reach its queue are lost waiting. A role is
 * saturated when it uses at least HORIZON_SATURATED_UTILISATION of its capacity or loses at least
 * HORIZON_SATURATED_LOSS of what reaches it, or has no capacity over the horizon while items
 * reach it (utilisation is 0 then, and with no queue loss nothing is lost either): extra leads
 * then mostly wait, crowd out others, or go cold, and are worth little.
 */
import { HORIZON_SATURATED_LOSS, HORIZON_SATURATED_UTILISATION } from '../../defaults.js';
import type { Model } from '../../model/types.js';
import { mean } from './objective.js';

/** One role's load at one plan (means over trials). */
export interface RoleLoad {
  readonly role: string;
  /** The stage it works. */
  readonly stage: string;
  /** Horizon items taken on / horizon capacity, mean over trials. */
  readonly utilisation: number;
  /** Items lost from its queue over the horizon, mean over trials. */
  readonly lost: number;
  /** lost / items that reached its stage (mean over trials of each). */
  readonly lost_share: number;
  readonly saturated: boolean;
}

/**
 * The metric names capacity reads, per role that works a stage.
 * @example capacityMetrics(model) // ['roles.ae.utilisation', 'roles.ae.lost', 'roles.ae.capacity', 'stages.opportunity', …]
 */
export function capacityMetrics(model: Model): string[] {
  return model.roles.flatMap((r) =>
    r.stage < 0
      ? []
      : [
          `roles.${r.id}.utilisation`,
          `roles.${r.id}.lost`,
          `roles.${r.id}.capacity`,
          `stages.${model.stages[r.stage]!.id}`,
        ],
  );
}

/**
 * Each working role's load from per-trial metric values (as {@link capacityMetrics} names them).
 * @example capacityLoads(model, evaluation.values)[0].saturated
 */
export function capacityLoads(
  model: Model,
  values: Readonly<Record<string, Float64Array>>,
): RoleLoad[] {
  return model.roles.flatMap((r) => {
    if (r.stage < 0) return [];
    const stage = model.stages[r.stage]!.id;
    const utilisation = mean(values[`roles.${r.id}.utilisation`]!);
    const lost = mean(values[`roles.${r.id}.lost`]!);
    const arrived = mean(values[`stages.${stage}`]!);
    const lostShare = arrived > 0 ? lost / arrived : 0;
    const noCapacity = mean(values[`roles.${r.id}.capacity`]!) === 0 && arrived > 0;
    return [
      {
        role: r.id,
        stage,
        utilisation,
        lost,
        lost_share: lostShare,
        saturated:
          utilisation >= HORIZON_SATURATED_UTILISATION ||
          lostShare >= HORIZON_SATURATED_LOSS ||
          noCapacity,
      },
    ];
  });
}
