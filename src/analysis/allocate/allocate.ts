/**
 * `allocate`: the channel budget split that maximises the objective, found on the simulation.
 *
 *   plan ─► problem (bounds, budget, grid) ─► expected model ─► starts ─┐
 *                                                                       ▼
 *          search on seed + 1 (pairwise transfers, CRN) ─► certificate (marginals, bounds)
 *                                                                       ▼
 *          confirm on the run's own seed and trials: current vs recommended, uplift, capacity
 *                                                                       ▼
 *          budget curve (50%–200%) and response curves, on fresh trials
 *
 * Every candidate is evaluated by the prepared evaluator on the same trials as the others of
 * its stage, so differences are paired (common random numbers; docs/evaluator.md).
 * docs/allocate.md describes the method, the stopping rule and what each number means.
 */
import {
  ALLOCATE_CURVE_TRIALS,
  ALLOCATE_CURVE_TRIALS_TAIL,
  ALLOCATE_SEARCH_TRIALS,
} from '../../defaults.js';
import type { AllocationObjective, Model } from '../../model/types.js';
import { pickPlan, type ScenarioBundle } from '../../scenario/load.js';
import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import type { Logger } from '../../util/logger.js';
import { InputError } from '../../util/result.js';
import { prepare } from '../evaluator.js';
import { checkOwnVariant } from '../own-variant.js';
import {
  checkOptionNames,
  checkRunOptions,
  type OptionNames,
  optionError,
} from '../run-options.js';
import { budgetCurve } from './budget-curve.js';
import { calibrated } from './calibrate.js';
import { Candidates, type EvaluationCount, type TrialSet } from './candidates.js';
import { certify } from './certificate.js';
import { withDefaultAllocation } from './default-settings.js';
import { ExpectedModel } from './expected-model.js';
import { expectedSplit, expectedValue, moveSizes } from './expected-split.js';
import { objectiveOf } from './objective.js';
import {
  type AllocationProblem,
  allocationOptionProblem,
  defineProblem,
  project,
  transferRoom,
} from './problem.js';
import { responseCurves } from './response-curves.js';
import { type SearchStage, type Start, search } from './search.js';
import type { AllocationResult } from './types.js';
import { confirm } from './uplift.js';

/** Options of {@link allocate}; every one defaults to the scenario's own setting. */
export interface AllocateOptions {
  /** Objective instead of `allocation.objective`. */
  readonly objective?: AllocationObjective;
  /**
   * Total spend per period instead of `allocation.budget`; with it a plan without an
   * `allocation` block is split with the block's defaults (withDefaultAllocation).
   */
  readonly budget?: number;
  /** Trials for the final comparison (default `simulation.trials`); the search uses fewer. */
  readonly trials?: number;
  readonly seed?: number;
  /**
   * Start from this variant of a bundle. With a compiled plan, only a check: it must be the
   * variant the plan was compiled as (`model.variant`); the result names the plan's own.
   */
  readonly variant?: string;
  /** Threads, the main thread included (default every core). */
  readonly workers?: number;
  /** Build the budget curve and the response curves (default true). */
  readonly curves?: boolean;
  /** Called as the work proceeds with trials simulated and the planned total. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly logger?: Logger;
  /** How a budget given here is named in messages (the CLI says `--budget`). */
  readonly budgetLabel?: string;
}

const ALLOCATE_OPTIONS: OptionNames<AllocateOptions> = {
  objective: true,
  budget: true,
  trials: true,
  seed: true,
  variant: true,
  workers: true,
  curves: true,
  onProgress: true,
  logger: true,
  budgetLabel: true,
};

/** Where what a caller may pass as an option by mistake is set (channels, step, max_share). */
const ALLOCATE_HINT =
  "the split's channels, step and max_share are the scenario's allocation block (edit it, or apply a set override such as { set: 'allocation.max_share', value: 0.5 })";

/**
 * The recommended split of the allocation budget across `allocation.channels`, its
 * certificate, the honest uplift over the current plan, team capacity at both, the budget
 * curve and response curves. `input` is a compiled plan or a bundle (then `variant` picks
 * one of its variants). The result is the same on any number of threads.
 * @throws InputError when the scenario has no allocation block and no `budget` is given, or the
 *   budget cannot be split.
 * @example
 * const r = await allocate(await loadModel('plan.yaml'), { objective: 'profit' });
 * console.log(r.recommended, r.uplift, r.certificate.equal_marginals.holds);
 */
export async function allocate(
  input: Model | ScenarioBundle,
  opts: AllocateOptions = {},
): Promise<AllocationResult> {
  checkArgument('allocate', 'input', input, ARG.modelOrBundle);
  checkOptionNames('allocate', opts, ALLOCATE_OPTIONS, ALLOCATE_HINT);
  checkRunOptions('allocate', opts);
  // A bad budget or objective given here is the caller's, not the scenario's.
  for (const field of ['budget', 'objective'] as const) {
    const problem = opts[field] === undefined ? null : allocationOptionProblem[field](opts[field]);
    if (problem !== null) throw optionError(`allocate: options.${field}`, problem);
  }
  // A plan without an allocation block is split with the block's defaults when a budget is given.
  const model = withDefaultAllocation(pickModel(input, opts.variant), opts.budget);
  const seed = opts.seed ?? model.simulation.seed;
  const trials = opts.trials ?? model.simulation.trials;
  const p = defineProblem(
    model,
    {
      ...(opts.budget === undefined ? {} : { budget: opts.budget }),
      ...(opts.objective === undefined ? {} : { objective: opts.objective }),
    },
    { file: model.name, ...(opts.budgetLabel ? { budgetField: opts.budgetLabel } : {}) },
  );
  const o = objectiveOf(p.objective, model.targets.bookings);
  const T = model.calendar.periods;
  const currentSpend = p.channels.map((c) => model.channels[c]!.spend);
  const current = currentSpend.map((s) => s.reduce((a, v) => a + v, 0) / T);
  const expected = new ExpectedModel(model, p.channels);
  const goal = p.objective === 'profit' ? 'profit' : 'bookings';
  const searchSeed = seed >= Number.MAX_SAFE_INTEGER ? 0 : seed + 1;
  const n1 = Math.min(trials, ALLOCATE_SEARCH_TRIALS[0]);
  const n2 = Math.min(trials, ALLOCATE_SEARCH_TRIALS[1]);
  const tail = p.objective === 'p10' || p.objective === 'target';
  const nc = Math.min(trials, tail ? ALLOCATE_CURVE_TRIALS_TAIL : ALLOCATE_CURVE_TRIALS);
  const curves = opts.curves !== false;

  const f = expectedValue(expected, goal);
  const starts = startsOf(p, expectedSplit(p, f, current), current);
  const fixed = !hasTransfer(p, starts[0]!.x);
  const stages: SearchStage[] = fixed
    ? [{ trials: n2, deltas: [p.step], tries: Number.POSITIVE_INFINITY }]
    : [
        // Coarse moves on fewer trials; one-step moves are the last stage's.
        ...(n1 < n2 && p.total >= 4 * p.step
          ? [{ trials: n1, deltas: moveSizes(p.step, p.total).slice(0, -1), tries: 3 }]
          : []),
        {
          trials: n2,
          deltas: n1 < n2 && p.total >= 4 * p.step ? [p.step] : moveSizes(p.step, p.total),
          tries: Number.POSITIVE_INFINITY,
        },
      ];
  const n = p.ids.length;
  const planned =
    stages.reduce((s, st) => s + st.trials * (st.deltas.length + 2) * (2 * n + 2), 0) +
    2 * trials +
    (curves ? nc * (8 * (4 * n + 6) + n * 7) : 0);
  let done = 0;
  const progress = (t: number) => {
    done += t;
    opts.onProgress?.(Math.min(done, 0.99 * planned), planned);
  };

  const ev = prepare(model, {
    threadMin: 0,
    ...(opts.workers === undefined ? {} : { workers: opts.workers }),
    ...(opts.logger === undefined ? {} : { logger: opts.logger }),
  });
  try {
    const cands = new Candidates(ev, p, [o.metric], progress);
    const found = await search(p, cands, o, fixed ? [starts[0]!] : starts, stages, searchSeed);
    const x = found.x;
    const certificate = certify(p, found);
    const phases: Record<string, EvaluationCount> = { search: cands.count };
    const run: TrialSet = { seed, trials };
    const confirmed = await confirm(model, cands, o, x, run);
    phases.confirm = cands.count;
    const valueSet: TrialSet = { seed, trials: nc };
    const searchSet: TrialSet = { seed: searchSeed, trials: nc };
    const curve = curves
      ? await budgetCurve({
          model,
          problem: p,
          cands,
          objective: o,
          predict: o.name === 'revenue' || o.name === 'profit' ? calibrated(p, f, certificate) : f,
          current,
          recommended: x,
          searchSet,
          valueSet,
        })
      : { seed, trials: nc, points: [], next_10_percent: null };
    phases.budget_curve = cands.count;
    const response = curves ? await responseCurves(p, cands, o, x, current, valueSet) : [];
    phases.response_curves = cands.count;
    opts.onProgress?.(planned, planned);
    const byId = (v: readonly number[]) => Object.fromEntries(p.ids.map((id, k) => [id, v[k]!]));
    const largest = x.reduce((best, v, k) => (v > x[best]! ? k : best), 0);
    return {
      scenario: model.name,
      currency: model.currency,
      variant: model.variant,
      objective: p.objective,
      objective_description: o.describe,
      metric: o.metric,
      budget: p.budget,
      spent: p.total,
      unspent: p.unspent,
      step: p.step,
      max_share: p.maxShare,
      largest_share: {
        channel: p.ids[largest]!,
        share: p.total > 0 ? x[largest]! / p.total : 0,
      },
      trials,
      seed,
      current: byId(current),
      current_varies: p.ids.filter((_, k) =>
        currentSpend[k]!.some((v) => v !== currentSpend[k]![0]),
      ),
      current_total: current.reduce((a, v) => a + v, 0),
      recommended: byId(x),
      value: confirmed.value,
      objective_value: confirmed.objective_value,
      uplift: confirmed.uplift,
      probability_better: confirmed.probability_better,
      marginal: Object.fromEntries(certificate.channels.map((c) => [c.channel, c.marginal])),
      certificate,
      capacity: {
        ...confirmed.capacity,
        binding: confirmed.capacity.recommended.filter((r) => r.saturated).map((r) => r.role),
      },
      budget_curve: curve,
      response_curves: { seed, trials: nc, channels: response },
      uplift_distribution: confirmed.distribution,
      search: {
        seed: searchSeed,
        stages: stages.map((s) => ({ trials: s.trials, moves: [...s.deltas] })),
        start: fixed ? 'fixed' : found.start,
        starts: found.starts.map((s) => ({ name: s.name, allocation: byId(s.x), value: s.value })),
        moves: found.moves,
        evaluations: { ...cands.count, phases: byPhase(phases) },
        expected_evaluations: expected.calls,
      },
    };
  } finally {
    await ev.close();
  }
}

/** Each phase's own runs and trials, from the running totals taken after it. */
function byPhase(totals: Record<string, EvaluationCount>): Record<string, EvaluationCount> {
  let before: EvaluationCount = { runs: 0, trials: 0 };
  const out: Record<string, EvaluationCount> = {};
  for (const [phase, total] of Object.entries(totals)) {
    out[phase] = { runs: total.runs - before.runs, trials: total.trials - before.trials };
    before = total;
  }
  return out;
}

/** The plan to allocate: the model (whose own variant `variant` must be), or the bundle's base or named variant. */
function pickModel(input: Model | ScenarioBundle, variant: string | undefined): Model {
  if (!('base' in input)) {
    checkOwnVariant('allocate', input, variant);
    return input;
  }
  const plan = pickPlan(input, variant);
  if (!plan.ok) throw new InputError(plan.errors);
  return plan.value;
}

/** The three starts, without repeats (a repeat keeps the earlier name). */
function startsOf(
  p: AllocationProblem,
  expected: readonly number[],
  current: readonly number[],
): Start[] {
  const all: Start[] = [
    { name: 'expected', x: expected },
    { name: 'current', x: project(p, current) },
    {
      name: 'equal',
      x: project(
        p,
        p.ids.map(() => 1),
      ),
    },
  ];
  const seen = new Set<string>();
  return all.filter((s) => {
    const key = s.x.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether any spend can move between two channels at x (not: one channel, all at min or max). */
function hasTransfer(p: AllocationProblem, x: readonly number[]): boolean {
  for (let i = 0; i < x.length; i++)
    for (let j = 0; j < x.length; j++)
      if (i !== j && transferRoom(p, x, i, j, p.step) > 0) return true;
  return false;
}
