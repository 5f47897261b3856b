/**
 * Which uncertain inputs are stratified and how. Trials are grouped into design blocks of
 * `simulation.trials` trials (only `precision` runs have more than one block). In each
 * block, a stratified input gives trial i the stratum strata[i] of n equal-probability
 * strata; the trial's own stream then places it uniformly inside that stratum.
 *
 * - `sampling: lhs`: every uncertain input is stratified (Latin hypercube), with an
 *   independent random permutation per input.
 * - `correlations`: the correlated inputs are always stratified, their permutations chosen
 *   by Iman–Conover so that their rank correlations match the targets.
 *
 * Every permutation comes from a stream derived from (seed, block, input), never from a
 * trial's stream, so any trial — in any worker or shard — sees the same design.
 */
import type { Model } from '../model/types.js';
import { imanConover } from './design/iman-conover.js';
import { randomPermutation } from './design/permutation.js';
import { streamRng } from './rng.js';

export interface DesignBlock {
  /** Trials in the block (= strata per input). */
  readonly n: number;
  /** Per param index: the stratum of each trial of the block, or null if not stratified. */
  readonly strata: readonly (Uint32Array | null)[];
}

/** Uncertain param indices of a model, in index order. */
export function uncertainParams(model: Model): number[] {
  const out: number[] = [];
  model.params.forEach((p, i) => {
    if (p.dist.kind !== 'fixed') out.push(i);
  });
  return out;
}

/** Builds (and caches the latest) design block of a model. */
export class DesignPlan {
  private readonly stratified: readonly number[];
  private readonly correlated: readonly number[];
  private readonly target: number[][];
  private cached: { block: number; value: DesignBlock } | null = null;

  constructor(private readonly model: Model) {
    const correlated = new Set<number>();
    for (const c of model.correlations) {
      correlated.add(c.a);
      correlated.add(c.b);
    }
    this.correlated = [...correlated].sort((a, b) => a - b);
    const uncertain = uncertainParams(model);
    this.stratified = model.simulation.sampling === 'lhs' ? uncertain : this.correlated;
    const k = this.correlated.length;
    this.target = Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)),
    );
    for (const c of model.correlations) {
      const i = this.correlated.indexOf(c.a);
      const j = this.correlated.indexOf(c.b);
      this.target[i]![j] = c.rank;
      this.target[j]![i] = c.rank;
    }
  }

  /** True when no input is stratified (plain random sampling). */
  get isEmpty(): boolean {
    return this.stratified.length === 0;
  }

  /**
   * Uses `value`, computed elsewhere from the same model (another thread's plan), as block
   * b instead of building it again.
   */
  prime(b: number, value: DesignBlock): void {
    this.cached = { block: b, value };
  }

  /** Design block b (trials b·n … (b+1)·n − 1). */
  block(b: number): DesignBlock {
    if (this.cached?.block === b) return this.cached.value;
    const n = this.model.simulation.trials;
    const seed = this.model.simulation.seed;
    const strata: (Uint32Array | null)[] = this.model.params.map(() => null);
    if (this.correlated.length > 0) {
      const ic = imanConover(streamRng(seed, 'iman-conover', b), n, this.target);
      this.correlated.forEach((p, j) => {
        strata[p] = ic.strata[j]!;
      });
    }
    for (const p of this.stratified) {
      if (strata[p] === null) strata[p] = randomPermutation(streamRng(seed, 'lhs', b, p), n);
    }
    const value = { n, strata };
    this.cached = { block: b, value };
    return value;
  }
}
