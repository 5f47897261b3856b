/**
 * The equal-marginal-return split on the expected model: the start the simulation search
 * refines. Pairwise exchange on the step grid, from coarse moves to one step, from several
 * starts (an equal split, the plan's split, each channel favoured in turn), so an S-shaped
 * response curve cannot trap it at a point where a channel below its critical mass looks
 * worthless. At the result no one-step transfer raises the expected objective: interior
 * channels have equal marginal returns to within one step of spend.
 *
 * The starts share the values of the splits already evaluated: from different starts the
 * exchange passes through the same splits (its last rounds at each move size especially),
 * and with many channels most of the evaluations were such repeats.
 */
import type { ExpectedModel } from './expected-model.js';
import { type AllocationProblem, moved, project, transferRoom } from './problem.js';

/** Which expected quantity the start maximises: profit for `profit`, bookings otherwise. */
export type ExpectedGoal = 'bookings' | 'profit';

/** A deterministic objective of a split (the expected model's, possibly calibrated). */
export type SplitValue = (x: readonly number[]) => number;

/**
 * The expected model's `goal` as a function of the split.
 * @example expectedValue(new ExpectedModel(model, problem.channels), 'profit')([50000, 20000])
 */
export function expectedValue(em: ExpectedModel, goal: ExpectedGoal): SplitValue {
  return (x) => em.evaluate(x)[goal];
}

/**
 * Move sizes from the largest power-of-two multiple of `step` below `total / 2` down to `step`.
 * @example moveSizes(5000, 100000) // [40000, 20000, 10000, 5000]
 */
export function moveSizes(step: number, total: number): number[] {
  const sizes = [step];
  while (sizes.at(-1)! * 2 <= total / 2) sizes.push(sizes.at(-1)! * 2);
  return sizes.reverse();
}

/**
 * The best split `f` finds, on the step grid.
 * @example expectedSplit(problem, expectedValue(new ExpectedModel(model, problem.channels), 'bookings'), current)
 */
export function expectedSplit(
  p: AllocationProblem,
  f: SplitValue,
  current: readonly number[],
): number[] {
  const n = p.lo.length;
  const starts = [
    project(p, new Array<number>(n).fill(1)),
    project(p, current),
    ...p.ids.map((_, k) =>
      project(
        p,
        p.lo.map((_, i) => (i === k ? 1e6 : 1)),
      ),
    ),
  ];
  const value = remembered(f);
  let best: number[] | null = null;
  let bestValue = Number.NEGATIVE_INFINITY;
  const seen = new Set<string>();
  for (const s of starts) {
    if (seen.has(s.join(','))) continue;
    seen.add(s.join(','));
    const x = exchange(p, value, s);
    const v = value(x);
    if (v > bestValue) {
      best = x;
      bestValue = v;
    }
  }
  return best!;
}

/**
 * Most spends (splits × channels) whose values one call keeps, about 50 MB whatever the
 * channels (200,000 splits of 40); then it starts afresh.
 */
const REMEMBERED_SPENDS = 8_000_000;

/** `f` (deterministic) with the values of the splits it was asked about kept. */
function remembered(f: SplitValue): SplitValue {
  const known = new Map<string, number>();
  return (x) => {
    const key = x.join(',');
    let v = known.get(key);
    if (v === undefined) {
      if (known.size * Math.max(1, x.length) >= REMEMBERED_SPENDS) known.clear();
      v = f(x);
      known.set(key, v);
    }
    return v;
  };
}

/** Pairwise exchange: at each move size, apply the best improving transfer until none improves. */
function exchange(p: AllocationProblem, f: SplitValue, start: number[]): number[] {
  const n = start.length;
  let x = start;
  let fx = f(x);
  for (const delta of moveSizes(p.step, p.total)) {
    for (let round = 0; round < 10_000; round++) {
      // Marginal value of a move of δ up and down each channel, from one evaluation each.
      const up = x.map((_, i) => {
        const a = Math.min(delta, p.hi[i]! - x[i]!);
        if (!(a > 0 && Number.isFinite(a))) return Number.NEGATIVE_INFINITY;
        const y = [...x];
        y[i] = x[i]! + a;
        return (f(y) - fx) / a;
      });
      const down = x.map((_, i) => {
        const a = Math.min(delta, x[i]! - p.lo[i]!);
        if (!(a > 0)) return Number.POSITIVE_INFINITY;
        const y = [...x];
        y[i] = x[i]! - a;
        return (fx - f(y)) / a;
      });
      const pairs: { i: number; j: number; g: number }[] = [];
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          if (i !== j && up[j]! > down[i]!) pairs.push({ i, j, g: up[j]! - down[i]! });
      pairs.sort((a, b) => b.g - a.g);
      let improved = false;
      for (const { i, j } of pairs) {
        const a = transferRoom(p, x, i, j, delta);
        if (a <= 0) continue;
        const y = moved(p, x, i, j, a);
        const fy = f(y);
        if (fy > fx + 1e-12 * Math.abs(fx)) {
          x = y;
          fx = fy;
          improved = true;
          break;
        }
      }
      if (!improved) break;
    }
  }
  return x;
}

/**
 * `x` (a split of another budget) resized to `p`'s total one step at a time: each step goes
 * to the channel where `f` gains most (or, shrinking, comes from where it loses least) —
 * the greedy path of a budget curve, which keeps neighbouring budgets' splits alike.
 * @example greedyResize(problemAt110, f, recommended)
 */
export function greedyResize(p: AllocationProblem, f: SplitValue, x: readonly number[]): number[] {
  let y = x.map((v, i) => Math.min(p.hi[i]!, Math.max(p.lo[i]!, v)));
  const tol = 1e-9 * Math.max(1, p.total);
  for (let guard = 0; guard < 100_000; guard++) {
    const gap = p.total - y.reduce((a, v) => a + v, 0);
    if (Math.abs(gap) <= tol) break;
    const grow = gap > 0;
    const here = f(y);
    let best = -1;
    let bestGain = Number.NEGATIVE_INFINITY;
    let bestY: number[] = y;
    for (let i = 0; i < y.length; i++) {
      const room = grow ? p.hi[i]! - y[i]! : y[i]! - p.lo[i]!;
      const a = Math.min(p.step, Math.abs(gap), room);
      if (!(a > 0)) continue;
      const z = [...y];
      z[i] = y[i]! + (grow ? a : -a);
      const gain = f(z) - here;
      if (gain > bestGain) {
        best = i;
        bestGain = gain;
        bestY = z;
      }
    }
    if (best < 0) break;
    y = bestY;
  }
  return y;
}
