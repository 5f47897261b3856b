/**
 * Candidate allocations, evaluated through the prepared evaluator and remembered: the search
 * asks for the same point more than once (a start, the centre of a step, a move's far end),
 * and every evaluation of one seed and trial count is on the same trials, so a remembered
 * result is exactly what a new run would give. Counts what the search cost.
 */

import type { Override } from '../../scenario/overrides.js';
import type { Evaluator } from '../evaluator.js';
import type { AllocationProblem } from './problem.js';

/** Where candidates are evaluated: a seed and a number of trials (trials 0 … trials − 1). */
export interface TrialSet {
  readonly seed: number;
  readonly trials: number;
}

/** What the candidates cost so far. */
export interface EvaluationCount {
  /** Simulation runs (distinct candidate × trial set). */
  readonly runs: number;
  /** Trials simulated, summed over runs. */
  readonly trials: number;
}

/**
 * Allocations evaluated on the simulation and remembered by (seed, trials, spend): the
 * search's one door to the evaluator.
 * @example
 * const c = new Candidates(prepare(model, { threadMin: 0 }), problem, ['bookings']);
 * const bookings = await c.values([50000, 20000], { seed: 2028, trials: 1000 });
 */
export class Candidates {
  private readonly cache = new Map<string, Promise<Readonly<Record<string, Float64Array>>>>();
  private runs = 0;
  private trialsRun = 0;

  constructor(
    private readonly ev: Evaluator,
    private readonly problem: AllocationProblem,
    /** Metrics every evaluation returns (the objective's first). */
    private readonly metrics: readonly string[],
    private readonly onTrials: (trials: number) => void = () => {},
  ) {}

  /** The overrides that set allocated channel k's spend to x[k] in every period. */
  overrides(x: readonly number[]): Override[] {
    return this.problem.ids.map((id, k) => ({ spend: id, value: x[k]! }));
  }

  /**
   * The metrics of allocation `x` (null: the plan as written) on `set`, trial by trial.
   * `extra` metrics are evaluated too (they are part of the remembered key).
   */
  metricsOf(
    x: readonly number[] | null,
    set: TrialSet,
    extra: readonly string[] = [],
  ): Promise<Readonly<Record<string, Float64Array>>> {
    const key = `${set.seed}|${set.trials}|${x === null ? 'plan' : x.join(',')}|${extra.join(',')}`;
    let hit = this.cache.get(key);
    if (hit === undefined) {
      this.runs += 1;
      this.trialsRun += set.trials;
      hit = this.ev
        .evaluate(x === null ? [] : this.overrides(x), {
          trials: set.trials,
          seed: set.seed,
          metrics: [...this.metrics, ...extra],
        })
        .then((e) => {
          this.onTrials(set.trials);
          return e.values;
        });
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** The objective's metric of `x` on `set`, trial by trial. */
  async values(x: readonly number[] | null, set: TrialSet): Promise<Float64Array> {
    return (await this.metricsOf(x, set))[this.metrics[0]!]!;
  }

  /** Runs and trials so far. */
  get count(): EvaluationCount {
    return { runs: this.runs, trials: this.trialsRun };
  }
}
