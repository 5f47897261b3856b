/**
 * Runs a contiguous range of trials into rows: the unit of work of a thread. Each trial
 * draws from its own keyed streams (see streams.ts), so a trial's numbers never depend on
 * which thread or shard runs it, or on what ran before it.
 */
import type { Model } from '../model/types.js';
import { type DesignBlock, DesignPlan } from './design-plan.js';
import { Kernel } from './kernel.js';
import { buildLayout, type Layout } from './layout.js';
import { ParamSampler } from './params.js';
import { checkSize } from './size.js';
import { StreamPlan, TrialStreams } from './streams.js';

export class TrialRunner {
  readonly layout: Layout;
  private model: Model;
  private kernel: Kernel;
  private sampler: ParamSampler;
  private design: DesignPlan;
  private plan: StreamPlan;
  private streams: TrialStreams;
  private readonly pv: Float64Array;

  constructor(model: Model) {
    this.model = model;
    this.layout = buildLayout(model);
    checkSize(model, this.layout);
    this.plan = new StreamPlan(model);
    this.streams = new TrialStreams(this.plan);
    this.kernel = new Kernel(model, this.layout, this.plan);
    this.design = new DesignPlan(model);
    this.sampler = new ParamSampler(model, this.design, this.plan);
    this.pv = new Float64Array(model.params.length);
  }

  /**
   * Switches to `model`, a plan of the same shape (same channels, markets, stages, roles and
   * inputs; other values, spend or seed): what does not depend on the changed values — the
   * stream plan, the design when seed, trials and basis agree — is kept.
   */
  setModel(model: Model): void {
    const before = this.model;
    if (model === before) return;
    this.model = model;
    const samePaths =
      model.params.length === before.params.length &&
      model.params.every((p, i) => p.path === before.params[i]!.path);
    if (!samePaths || buildLayout(model).width !== this.layout.width) {
      throw new Error(
        'TrialRunner.setModel: the model differs in shape from the one the runner was built for',
      );
    }
    this.kernel = new Kernel(model, this.layout, this.plan);
    const design = new DesignPlan(model);
    if (design.key !== this.design.key) this.design = design;
    this.sampler = new ParamSampler(model, this.design, this.plan);
  }

  /** What the current design depends on (seed, trials, basis): equal keys, equal designs. */
  get designKey(): string {
    return this.design.key;
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
    const rs = this.streams;
    for (let i = 0; i < count; i++) {
      rs.begin(seed, from + i);
      this.sampler.sample(from + i, rs, this.pv);
      this.kernel.run(this.pv, rs, rows.subarray(i * w, (i + 1) * w));
    }
  }
}
