/**
 * The plan's team over the months of actuals, in expected values (the actuals do not
 * carry it): step 1 of docs/model.md with every draw replaced by its mean — tenure grows,
 * a share `attrition` of each tenure bucket leaves, leavers are backfilled `backfill.lag`
 * months later, planned hires join at tenure 0 — giving each role's expected capacity per
 * month (for the queue replay) and its reps by tenure at the end of month k − 1 (for the
 * plan of the rest of the horizon).
 */
import type { Model } from '../../model/types.js';
import { ageTenure } from '../../sim/team.js';

/** Each role's expected team over months 0 … k − 1. */
export interface ExpectedTeam {
  /** Items each role can take on in month t, `[r·k + t]` (expected, not rounded down). */
  readonly capacity: Float64Array;
  /** Per role: reps by tenure at the end of month k − 1; index `ramp.length` = ramped. */
  readonly tenure: readonly Float64Array[];
}

/**
 * Expected team of `model` over its first k months, with inputs at `pv` (their means) and
 * the initiative factors on capacity `capFactor[r·T + t]` of the whole calendar.
 * @example expectedTeam(model, 6, centralValues(model, 'mean'), inputs.capFactor).capacity
 */
export function expectedTeam(
  model: Model,
  k: number,
  pv: Float64Array,
  capFactor: Float64Array,
): ExpectedTeam {
  const T = model.calendar.periods;
  const capacity = new Float64Array(model.roles.length * k);
  const tenure = model.roles.map((role, r) => {
    const R = role.ramp.length;
    const b = new Float64Array(R + 1);
    b[R] = Math.max(0, Math.round(pv[role.headcount]!));
    const pending = new Float64Array(k + Math.max(0, role.backfillLag) + 1);
    const attrition = Math.min(1, pv[role.attrition]!);
    for (let t = 0; t < k; t++) {
      ageTenure(b, 0, R);
      let leavers = 0;
      for (let i = 0; i <= R; i++) {
        const x = b[i]! * attrition;
        b[i]! -= x;
        leavers += x;
      }
      if (role.backfillLag >= 0) pending[t + role.backfillLag]! += leavers;
      b[0]! += role.hires[t]! + pending[t]!;
      let fte = 0;
      for (let i = 0; i <= R; i++) fte += i < R ? b[i]! * role.ramp[i]! : b[i]!;
      capacity[r * k + t] = pv[role.capacity]! * fte * capFactor[r * T + t]!;
    }
    return b;
  });
  return { capacity, tenure };
}
