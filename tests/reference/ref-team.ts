/**
 * The reference team: every rep is an object with a tenure, every leaver a dated backfill
 * (docs/model.md "1. Team").
 */
import type { RoleModel } from '../../src/model/types.js';
import type { Rng } from '../../src/sim/rng.js';

/** One rep; `tenure` is periods since joining (Infinity for the ramped starting team). */
interface Rep {
  tenure: number;
}

/** One role's reps and pending backfills, advanced one period at a time. */
export class RefRole {
  private reps: Rep[] = [];
  /** Period index at which each pending backfill joins. */
  private backfillsDue: number[] = [];

  constructor(
    private readonly role: RoleModel,
    headcount: number,
    private readonly attrition: number,
    private readonly periods: number,
  ) {
    for (let i = 0; i < headcount; i++) this.reps.push({ tenure: Number.POSITIVE_INFINITY });
  }

  /** Tenure grows, each rep may leave, hires and due backfills join; returns Σ ramp(tenure). */
  step(t: number, rng: Rng): number {
    for (const rep of this.reps) rep.tenure += 1;
    const stay: Rep[] = [];
    this.leavers = 0;
    for (const rep of this.reps) {
      if (rng() < this.attrition) {
        this.leavers += 1;
        const due = t + this.role.backfillLag;
        if (this.role.backfillLag >= 0 && due < this.periods) this.backfillsDue.push(due);
      } else {
        stay.push(rep);
      }
    }
    this.reps = stay;
    let joiners = this.role.hires[t] ?? 0;
    joiners += this.backfillsDue.filter((d) => d === t).length;
    this.backfillsDue = this.backfillsDue.filter((d) => d !== t);
    for (let i = 0; i < joiners; i++) this.reps.push({ tenure: 0 });
    let productive = 0;
    for (const rep of this.reps) {
      productive += rep.tenure < this.role.ramp.length ? this.role.ramp[rep.tenure]! : 1;
    }
    return productive;
  }

  /** Reps who left in the last step. */
  leavers = 0;

  /** Reps after this period's leavers and joiners. */
  get headcount(): number {
    return this.reps.length;
  }
}
