/**
 * Step 1 of a period: the team. Reps are held per role in tenure buckets (0 …
 * ramp.length − 1, then "ramped"). Each period: tenure +1; leavers ~ Binomial(bucket,
 * attrition) per bucket; leavers are backfilled `backfill.lag` periods later; planned
 * hires and due backfills join at tenure 0 (working at ramp[0] this period);
 * capacity = ⌊capacity × Σ ramp(tenure) × initiative factors⌋ whole items.
 */
import type { Model } from '../model/types.js';
import type { Layout } from './layout.js';
import { binomial } from './samplers/binomial.js';
import type { StreamPlan, TrialStreams } from './streams.js';

/**
 * One month of tenure for the buckets `b[at … at+R]` (R = ramp length, bucket R = ramped):
 * the last ramping bucket joins the ramped one, the others move up one, bucket 0 empties.
 * The kernel's team, the reforecast's expected team and the quota's seat chain all age
 * their reps this way.
 * @example const b = Float64Array.of(2, 1, 5); ageTenure(b, 0, 2); // b = [0, 2, 6]
 */
export function ageTenure(b: Float64Array, at: number, R: number): void {
  if (R === 0) return;
  b[at + R]! += b[at + R - 1]!;
  for (let i = R - 1; i > 0; i--) b[at + i] = b[at + i - 1]!;
  b[at] = 0;
}

export class Team {
  /** Items each role can take on in the current period. */
  readonly capacity: Float64Array;
  private readonly buckets: Float64Array;
  private readonly bucketCount: number;
  /** [r·(T+1) + t]: backfills due to join role r in period t. */
  private readonly pending: Float64Array;
  private readonly T: number;

  constructor(
    private readonly model: Model,
    private readonly layout: Layout,
    private readonly plan: StreamPlan,
  ) {
    this.T = model.calendar.periods;
    this.bucketCount = 1 + Math.max(0, ...model.roles.map((r) => r.ramp.length));
    this.buckets = new Float64Array(model.roles.length * this.bucketCount);
    this.pending = new Float64Array(model.roles.length * (this.T + 1));
    this.capacity = new Float64Array(model.roles.length);
  }

  /** Starts a trial: every role at its (rounded) headcount, fully ramped; no backfills due. */
  reset(pv: Float64Array): void {
    const B = this.bucketCount;
    this.buckets.fill(0);
    this.pending.fill(0);
    for (let r = 0; r < this.model.roles.length; r++) {
      const role = this.model.roles[r]!;
      this.buckets[r * B + role.ramp.length] = Math.max(0, Math.round(pv[role.headcount]!));
    }
  }

  /**
   * Advances every role to period t; writes headcount and capacity into `row`, fills
   * {@link capacity}, and returns the total headcount. Attrition draws from role r's stream. `capFactor[r·T + t]` are the
   * initiative factors on capacity.
   */
  step(
    pv: Float64Array,
    t: number,
    rs: TrialStreams,
    capFactor: Float64Array,
    row: Float64Array,
  ): number {
    const { model, layout, T } = this;
    const B = this.bucketCount;
    const b = this.buckets;
    let total = 0;
    for (let r = 0; r < model.roles.length; r++) {
      const role = model.roles[r]!;
      const R = role.ramp.length;
      const o = r * B;
      ageTenure(b, o, R);
      const attrition = pv[role.attrition]!;
      let leavers = 0;
      if (attrition > 0) {
        rs.use(this.plan.team + r);
        for (let i = 0; i <= R; i++) {
          const n = b[o + i]!;
          if (n === 0) continue;
          const x = binomial(rs.next, n, Math.min(1, attrition));
          b[o + i] = n - x;
          leavers += x;
        }
      }
      if (leavers > 0 && role.backfillLag >= 0 && t + role.backfillLag < T) {
        this.pending[r * (T + 1) + t + role.backfillLag]! += leavers;
      }
      b[o]! += role.hires[t]! + this.pending[r * (T + 1) + t]!;
      let heads = 0;
      let fte = 0;
      for (let i = 0; i <= R; i++) {
        const n = b[o + i]!;
        heads += n;
        fte += i < R ? n * role.ramp[i]! : n;
      }
      // A tiny epsilon keeps products such as 20 · 6 · 1.1 = 131.99999… from losing an item.
      const cap = Math.max(0, Math.floor(pv[role.capacity]! * fte * capFactor[r * T + t]! + 1e-9));
      this.capacity[r] = cap;
      row[layout.role[r]!.headcount * T + t] = heads;
      row[layout.role[r]!.capacity * T + t] = cap;
      row[layout.role[r]!.leavers * T + t] = leavers;
      total += heads;
    }
    return total;
  }
}
