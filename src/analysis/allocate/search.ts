/**
 * The search on the simulation: pairwise transfers under common random numbers.
 *
 *   starts (expected-model optimum, the plan's split, an equal split) ─► best on stage 1's trials
 *        │
 *        ▼   for each stage (trials N₁ < N₂ …), for each move size δ (coarse → one step):
 *   one-channel moves x ± δ·eᵢ  ─► marginal returns from above and below (paired)
 *        │
 *        ▼   transfers i → j ranked by predicted gain δ·(up_j − down_i)
 *   evaluate a transfer; accept it when its paired gain exceeds one paired standard error,
 *   then keep moving the same way while each further move does too
 *        │
 *        ▼   no transfer accepted: next δ, then next stage
 *   stop: on the last stage at one step, every transfer predicted to gain has been tried and
 *   none gained more than its standard error
 *
 * Every accepted move raises the objective on the search's trials, so the result is never
 * below its best start there; moves are only accepted on the simulation (capacity, lags and
 * queue loss included), never on the expected model.
 */
import type { Candidates, TrialSet } from './candidates.js';
import { type Objective, paired } from './objective.js';
import { type AllocationProblem, moved, transferRoom } from './problem.js';

/** One search stage: the trials it runs on and its move sizes, largest first. */
export interface SearchStage {
  readonly trials: number;
  readonly deltas: readonly number[];
  /** Transfers tried per round (in order of predicted gain); Infinity tries every promising one. */
  readonly tries: number;
}

/** A named starting point. */
export interface Start {
  readonly name: 'expected' | 'current' | 'equal';
  readonly x: readonly number[];
}

/** An accepted move. */
export interface Move {
  readonly from: string;
  readonly to: string;
  readonly amount: number;
  /** Its paired gain in the objective and that gain's standard error, on `trials`. */
  readonly gain: number;
  readonly se: number;
  readonly trials: number;
}

/** One-channel moves around a point: marginal returns per unit of spend, from above and below. */
export interface Marginals {
  readonly set: TrialSet;
  readonly x: readonly number[];
  /** Objective value at x. */
  readonly value: number;
  /** Per channel: (f(x + a·e_i) − f(x)) / a, or null at the upper bound. */
  readonly up: readonly (Step | null)[];
  /** Per channel: (f(x) − f(x − a·e_i)) / a, or null at the lower bound. */
  readonly down: readonly (Step | null)[];
  /** Per trial pseudo-values at x (for paired errors of combinations). */
  readonly pseudo: Float64Array;
  readonly upPseudo: readonly (Float64Array | null)[];
  readonly downPseudo: readonly (Float64Array | null)[];
}

/** A one-channel move: its size, and the marginal return per unit with its paired error. */
export interface Step {
  readonly amount: number;
  readonly perUnit: number;
  readonly se: number;
}

/** What the search found and how. */
export interface SearchResult {
  readonly x: readonly number[];
  /** The start it refined, and every start's value on the first stage's trials. */
  readonly start: Start['name'];
  readonly starts: readonly { name: Start['name']; x: readonly number[]; value: number }[];
  readonly moves: readonly Move[];
  /** One-channel moves at the result, at one step, on the last stage's trials (null when not asked for). */
  readonly marginals: Marginals | null;
  /** Transfers tried at the result on the last round, none of which gained > 1 s.e. */
  readonly rejected: readonly { from: string; to: string; gain: number; se: number }[];
}

/** Most rounds per move size: a guard; the stopping rule ends every search long before. */
const MAX_ROUNDS = 200;

/**
 * Refines the best of `starts` by pairwise transfers on the simulation (see the module doc).
 * @example await search(problem, candidates, objective, starts, stages, seed)
 */
export async function search(
  p: AllocationProblem,
  cands: Candidates,
  o: Objective,
  starts: readonly Start[],
  stages: readonly SearchStage[],
  seed: number,
  opts: { readonly certify?: boolean } = {},
): Promise<SearchResult> {
  const first: TrialSet = { seed, trials: stages[0]!.trials };
  const scored: { name: Start['name']; x: readonly number[]; value: number }[] = [];
  for (const s of starts) scored.push({ ...s, value: o.value(await cands.values(s.x, first)) });
  // Ties (two starts at the same point) go to the earlier start.
  const best = scored.reduce((a, b) => (b.value > a.value ? b : a));
  let x = best.x;
  const moves: Move[] = [];
  let marginals: Marginals | null = null;
  let rejected: SearchResult['rejected'] = [];
  for (const [k, stage] of stages.entries()) {
    const set: TrialSet = { seed, trials: stage.trials };
    const last = k === stages.length - 1;
    for (const delta of stage.deltas) {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const m = await marginalsAt(p, cands, o, x, set, delta);
        const tried = await tryTransfers(p, cands, o, m, delta, stage.tries);
        if (tried.accepted === null) {
          if (last && delta === stage.deltas.at(-1)) {
            marginals = m;
            rejected = tried.rejected;
          }
          break;
        }
        const { i, j } = tried.accepted;
        moves.push(tried.accepted.move);
        x = tried.accepted.x;
        // Keep going the same way while each further move gains more than its error.
        for (;;) {
          const a = transferRoom(p, x, i, j, delta);
          if (a <= 0) break;
          const next = moved(p, x, i, j, a);
          const d = paired(o, await cands.values(x, set), await cands.values(next, set));
          if (!(d.mean > d.se)) break;
          moves.push(move(p, i, j, a, d, set));
          x = next;
        }
      }
    }
  }
  if (opts.certify !== false) {
    marginals ??= await marginalsAt(
      p,
      cands,
      o,
      x,
      { seed, trials: stages.at(-1)!.trials },
      p.step,
    );
  }
  return { x, start: best.name, starts: scored, moves, marginals, rejected };
}

function move(
  p: AllocationProblem,
  i: number,
  j: number,
  amount: number,
  d: { mean: number; se: number },
  set: TrialSet,
): Move {
  return { from: p.ids[i]!, to: p.ids[j]!, amount, gain: d.mean, se: d.se, trials: set.trials };
}

/**
 * One-channel moves of up to `delta` around x, each paired with x: the marginal return from
 * above (more spend) and from below (less spend), per unit of spend.
 * @example (await marginalsAt(problem, candidates, objective, x, { seed: 2028, trials: 3000 }, 5000)).up[0]?.perUnit
 */
export async function marginalsAt(
  p: AllocationProblem,
  cands: Candidates,
  o: Objective,
  x: readonly number[],
  set: TrialSet,
  delta: number,
): Promise<Marginals> {
  const base = await cands.values(x, set);
  const pseudo = o.pseudo(base);
  const value = o.value(base);
  const up: (Step | null)[] = [];
  const down: (Step | null)[] = [];
  const upPseudo: (Float64Array | null)[] = [];
  const downPseudo: (Float64Array | null)[] = [];
  for (let i = 0; i < x.length; i++) {
    const a = Math.min(delta, p.hi[i]! - x[i]!);
    if (a > 0 && Number.isFinite(a)) {
      const y = [...x];
      y[i] = x[i]! + a;
      const v = await cands.values(y, set);
      const d = paired(o, base, v);
      up.push({ amount: a, perUnit: d.mean / a, se: d.se / a });
      upPseudo.push(o.pseudo(v));
    } else {
      up.push(null);
      upPseudo.push(null);
    }
    const b = Math.min(delta, x[i]! - p.lo[i]!);
    if (b > 0) {
      const y = [...x];
      y[i] = x[i]! - b;
      const v = await cands.values(y, set);
      const d = paired(o, v, base);
      down.push({ amount: b, perUnit: d.mean / b, se: d.se / b });
      downPseudo.push(o.pseudo(v));
    } else {
      down.push(null);
      downPseudo.push(null);
    }
  }
  return { set, x, value, up, down, pseudo, upPseudo, downPseudo };
}

/**
 * A transfer i → j predicted from one-channel moves: a·(up_j − down_i), with its paired error.
 * @example predictedTransfer(marginals, 0, 1, 5000) // { mean, se } or null
 */
export function predictedTransfer(
  m: Marginals,
  i: number,
  j: number,
  a: number,
): { mean: number; se: number } | null {
  const u = m.up[j];
  const d = m.down[i];
  if (!u || !d) return null;
  const pu = m.upPseudo[j]!;
  const pd = m.downPseudo[i]!;
  const n = m.pseudo.length;
  // Per trial: a·[(f(x+e_j) − f(x))/u − (f(x) − f(x−e_i))/d]; its mean is the prediction.
  let s = 0;
  let ss = 0;
  for (let t = 0; t < n; t++) {
    const v = a * ((pu[t]! - m.pseudo[t]!) / u.amount - (m.pseudo[t]! - pd[t]!) / d.amount);
    s += v;
    ss += v * v;
  }
  const mean = a * (u.perUnit - d.perUnit);
  const avg = s / n;
  const se = n > 1 ? Math.sqrt((Math.max(0, ss / n - avg * avg) * (n / (n - 1))) / n) : Infinity;
  return { mean, se };
}

/** Tries transfers in order of predicted gain; the first whose paired gain exceeds 1 s.e. wins. */
async function tryTransfers(
  p: AllocationProblem,
  cands: Candidates,
  o: Objective,
  m: Marginals,
  delta: number,
  tries: number,
): Promise<{
  accepted: { i: number; j: number; x: number[]; move: Move } | null;
  rejected: { from: string; to: string; gain: number; se: number }[];
}> {
  const n = m.x.length;
  const ranked: { i: number; j: number; a: number; predicted: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const a = transferRoom(p, m.x, i, j, delta);
      if (a <= 0) continue;
      const pred = predictedTransfer(m, i, j, a);
      if (pred !== null && pred.mean > 0) ranked.push({ i, j, a, predicted: pred.mean });
    }
  }
  ranked.sort((u, v) => v.predicted - u.predicted);
  const base = await cands.values(m.x, m.set);
  const rejected: { from: string; to: string; gain: number; se: number }[] = [];
  for (const r of ranked.slice(0, Number.isFinite(tries) ? tries : ranked.length)) {
    const y = moved(p, m.x, r.i, r.j, r.a);
    const d = paired(o, base, await cands.values(y, m.set));
    if (d.mean > d.se) {
      return {
        accepted: { i: r.i, j: r.j, x: y, move: move(p, r.i, r.j, r.a, d, m.set) },
        rejected,
      };
    }
    rejected.push({ from: p.ids[r.i]!, to: p.ids[r.j]!, gain: d.mean, se: d.se });
  }
  return { accepted: null, rejected };
}

/**
 * A cheaper search for points of the budget curve: starts are compared pairwise (the first is
 * kept unless another gains more than one standard error); transfers are ranked by a deterministic
 * prediction (the expected model, calibrated to the simulation's marginal returns at the
 * recommendation) instead of by one-channel moves on the simulation, and the best `tries` of
 * each round are evaluated on the simulation; a transfer is accepted, as in {@link search},
 * only when its paired gain exceeds one standard error. Moves run from `deltas[0]` down to
 * the last size.
 * @example await guidedSearch(problem, candidates, objective, starts, set, predict, [20000, 10000], 2)
 */
export async function guidedSearch(
  p: AllocationProblem,
  cands: Candidates,
  o: Objective,
  starts: readonly Start[],
  set: TrialSet,
  predict: (x: readonly number[]) => number,
  deltas: readonly number[],
  tries: number,
): Promise<{ x: readonly number[]; moves: Move[] }> {
  // The first start (the neighbouring point's split, resized) is kept unless another beats
  // it by more than one paired standard error: points of a curve then follow one path
  // instead of jumping between splits whose values differ only by noise.
  let x = starts[0]!.x;
  for (const s of starts.slice(1)) {
    const d = paired(o, await cands.values(x, set), await cands.values(s.x, set));
    if (d.mean > d.se) x = s.x;
  }
  const moves: Move[] = [];
  const n = x.length;
  for (const delta of deltas) {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const here = predict(x);
      const ranked: { i: number; j: number; a: number; gain: number }[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const a = i === j ? 0 : transferRoom(p, x, i, j, delta);
          if (a <= 0) continue;
          const gain = predict(moved(p, x, i, j, a)) - here;
          if (gain > 0) ranked.push({ i, j, a, gain });
        }
      }
      ranked.sort((u, v) => v.gain - u.gain);
      const base = await cands.values(x, set);
      let accepted = false;
      for (const r of ranked.slice(0, tries)) {
        const y = moved(p, x, r.i, r.j, r.a);
        const d = paired(o, base, await cands.values(y, set));
        if (d.mean > d.se) {
          moves.push(move(p, r.i, r.j, r.a, d, set));
          x = y;
          accepted = true;
          break;
        }
      }
      if (!accepted) break;
    }
  }
  return { x, moves };
}
