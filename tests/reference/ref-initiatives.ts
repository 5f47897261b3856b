/**
 * Initiative multipliers (docs/model.md "Initiative factors"): an effect with full multiplier F is 1
 * before its start, 1 + (F−1)·(i+1)/ramp in period start+i for i < ramp, then F; several
 * effects on the same target multiply.
 */
import type { EffectTarget, InitiativeModel } from '../../src/model/types.js';

/** One effect's multiplier in period t. */
function ramped(start: number, ramp: number, f: number, t: number): number {
  const i = t - start;
  if (i < 0) return 1;
  if (i < ramp) return 1 + ((f - 1) * (i + 1)) / ramp;
  return f;
}

/** Index of the stage, role, channel or market an effect targets. */
function targetIndex(tg: EffectTarget): number {
  switch (tg.kind) {
    case 'stage_rate':
      return tg.stage;
    case 'role_capacity':
      return tg.role;
    case 'channel_leads':
      return tg.channel;
    default:
      return tg.market;
  }
}

/**
 * Product of every initiative effect of `kind` on target `index` in period t, with the
 * trial's parameter values P.
 * @example initiativeFactor(model.initiatives, P, 'stage_rate', 3, t)
 */
export function initiativeFactor(
  initiatives: readonly InitiativeModel[],
  P: readonly number[],
  kind: EffectTarget['kind'],
  index: number,
  t: number,
): number {
  let f = 1;
  for (const ini of initiatives) {
    for (const e of ini.effects) {
      if (e.target.kind === kind && targetIndex(e.target) === index) {
        f *= ramped(ini.start, ini.ramp, P[e.factor]!, t);
      }
    }
  }
  return f;
}
