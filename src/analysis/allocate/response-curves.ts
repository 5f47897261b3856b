/**
 * Response curves on the simulation: for each allocated channel, the objective as that
 * channel's spend per period runs from its minimum to its maximum (twice the larger of its
 * current and recommended spend when it has no maximum) while every other channel stays at
 * the recommendation. Capacity, lags and queue loss are in them, so a curve flattens where
 * reps cannot work more leads, not only where the channel's own response saturates. The
 * slope at the recommended point is the channel's marginal return in the certificate.
 */
import { RESPONSE_CURVE_POINTS } from '../../defaults.js';
import type { Candidates, TrialSet } from './candidates.js';
import type { Objective } from './objective.js';
import type { AllocationProblem } from './problem.js';
import { estimate } from './uplift.js';

/** One channel's curve. */
export interface ResponseCurve {
  readonly channel: string;
  readonly current: number;
  readonly recommended: number;
  /** Spend per period and the objective there, with its standard error; spend ascending. */
  readonly points: readonly {
    readonly spend: number;
    readonly value: number;
    readonly se: number;
  }[];
}

/**
 * Every allocated channel's response curve on `set`, others at `x`.
 * @example (await responseCurves(problem, candidates, objective, x, current, set))[0].points
 */
export async function responseCurves(
  p: AllocationProblem,
  cands: Candidates,
  o: Objective,
  x: readonly number[],
  current: readonly number[],
  set: TrialSet,
): Promise<ResponseCurve[]> {
  const curves: ResponseCurve[] = [];
  for (let k = 0; k < x.length; k++) {
    const top = Number.isFinite(p.maxSpend[k]!)
      ? p.maxSpend[k]!
      : 2 * Math.max(x[k]!, current[k]!, p.step);
    const lo = p.lo[k]!;
    const grid = Array.from(
      { length: RESPONSE_CURVE_POINTS },
      (_, i) => lo + ((top - lo) * i) / (RESPONSE_CURVE_POINTS - 1),
    );
    const spends = [...new Set([...grid, x[k]!, current[k]!].map((v) => round(v)))]
      .filter((v) => v >= lo && v <= top)
      .sort((a, b) => a - b);
    const points: { spend: number; value: number; se: number }[] = [];
    for (const spend of spends) {
      const y = [...x];
      y[k] = spend;
      const e = estimate(o, await cands.values(y, set));
      points.push({ spend, value: e.value, se: e.se });
    }
    curves.push({ channel: p.ids[k]!, current: current[k]!, recommended: x[k]!, points });
  }
  return curves;
}

/** Spend rounded to a cent, so grid points and plan values compare equal. */
function round(v: number): number {
  return Math.round(v * 100) / 100;
}
