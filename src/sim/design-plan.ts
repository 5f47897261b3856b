/**
 * Which uncertain inputs are stratified and how. Trials are grouped into design blocks of
 * `simulation.trials` trials (only `precision` runs have more than one block). In each
 * block, a stratified input gives trial i the stratum strata[i] of n equal-probability
 * strata; the input's own stream then places it uniformly inside that stratum.
 *
 * - `sampling: lhs`: every uncertain input is stratified (Latin hypercube), with an
 *   independent random permutation per input.
 * - `correlations`: the correlated inputs are always stratified, their permutations chosen
 *   by Iman–Conover so that their rank correlations match the targets.
 *
 * The inputs come from the model's design basis (by dot path), so a variant or an analysis
 * that fixes an input keeps every other input's strata. Every permutation comes from a
 * named stream of (seed, block, input path), never from a trial's streams, so any trial — in
 * any worker or shard — sees the same design.
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

/** Builds (and caches the latest) design block of a model. */
export class DesignPlan {
  /** What the design depends on: seed, block size and basis; equal keys give equal blocks. */
  readonly key: string;
  private readonly stratified: readonly number[];
  private readonly correlated: readonly number[];
  private cached: { block: number; value: DesignBlock } | null = null;

  constructor(private readonly model: Model) {
    const { design, simulation } = model;
    const index = new Map(model.params.map((p, i) => [p.path, i]));
    // A path the model lacks (a variant cannot remove inputs, so only a hand-made model) is -1.
    const at = (paths: readonly string[]) => paths.map((path) => index.get(path) ?? -1);
    this.stratified = at(design.stratified);
    this.correlated = at(design.correlated);
    this.key = JSON.stringify([simulation.seed, simulation.trials, design]);
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
    const { model } = this;
    const n = model.simulation.trials;
    const seed = model.simulation.seed;
    const strata: (Uint32Array | null)[] = model.params.map(() => null);
    if (this.correlated.length > 0) {
      const ic = imanConover(streamRng(seed, 'iman-conover', b), n, model.design.target);
      this.correlated.forEach((p, j) => {
        if (p >= 0) strata[p] = ic.strata[j]!;
      });
    }
    for (const p of this.stratified) {
      if (p >= 0)
        strata[p] ??= randomPermutation(streamRng(seed, 'lhs', b, model.params[p]!.path), n);
    }
    const value = { n, strata };
    this.cached = { block: b, value };
    return value;
  }
}
