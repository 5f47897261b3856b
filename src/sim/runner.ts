/**
 * Runs a contiguous range of trials into rows: the unit of work of a thread. Each trial
 * gets its own stream `trialRng(seed, trial)`, so a trial's numbers never depend on which
 * thread or shard runs it, or on what ran before it.
 */
import type { Model } from '../model/types.js';
import { type DesignBlock, DesignPlan } from './design-plan.js';
import { Kernel } from './kernel.js';
import { buildLayout, type Layout } from './layout.js';
import { ParamSampler } from './params.js';
import { checkSize } from './size.js';
import { TrialStream } from './trial-stream.js';

export class TrialRunner {
  readonly layout: Layout;
  private readonly kernel: Kernel;
  private readonly sampler: ParamSampler;
  private readonly design: DesignPlan;
  private readonly pv: Float64Array;
  private readonly stream = new TrialStream();

  constructor(private readonly model: Model) {
    this.layout = buildLayout(model);
    checkSize(model, this.layout);
    this.kernel = new Kernel(model, this.layout);
    this.design = new DesignPlan(model);
    this.sampler = new ParamSampler(model, this.design);
    this.pv = new Float64Array(model.params.length);
  }

  /** The first design block, or null when nothing is stratified (see DesignPlan). */
  firstDesignBlock(): DesignBlock | null {
    return this.design.isEmpty ? null : this.design.block(0);
  }

  /** Takes design block 0 from another runner of the same model instead of building it. */
  primeDesign(block: DesignBlock): void {
    this.design.prime(0, block);
  }

  /** Simulates trials from … from+count−1 into `rows` (count × layout.width values). */
  run(from: number, count: number, rows: Float64Array): void {
    const w = this.layout.width;
    const seed = this.model.simulation.seed;
    for (let i = 0; i < count; i++) {
      this.stream.reset(seed, from + i);
      this.sampler.sample(from + i, this.stream.next, this.pv);
      this.kernel.run(this.pv, this.stream.next, rows.subarray(i * w, (i + 1) * w));
    }
  }
}
