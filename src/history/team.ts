/**
 * One role's reps, one by one, for the synthesizer (docs/model.md "1. Team"): tenure grows,
 * each rep leaves with probability `attrition`, leavers are backfilled after `backfillLag`,
 * hires and due backfills join at tenure 0 and are not exposed to attrition that period.
 */
import type { RoleModel } from '../model/types.js';
import type { Uniform } from './random.js';

/** A role's roster, advanced one period at a time. */
export class Roster {
  /** Tenure of each rep; the starting team is ramped (tenure = ramp length). */
  private tenure: number[];
  private readonly backfills: number[] = [];
  /** Reps who left in the last step. */
  leavers = 0;

  constructor(
    private readonly role: RoleModel,
    headcount: number,
    private readonly attrition: number,
    private readonly periods: number,
  ) {
    this.tenure = new Array<number>(headcount).fill(role.ramp.length);
  }

  /** Period t's team step; returns Σ ramp(tenure) of the reps after it. */
  step(t: number, u: Uniform): number {
    const stay: number[] = [];
    this.leavers = 0;
    for (const tenure of this.tenure) {
      if (u() < this.attrition) {
        this.leavers += 1;
        const due = t + this.role.backfillLag;
        if (this.role.backfillLag >= 0 && due < this.periods) this.backfills.push(due);
      } else stay.push(tenure + 1);
    }
    let joiners = this.role.hires[t] ?? 0;
    for (let i = this.backfills.length - 1; i >= 0; i--) {
      if (this.backfills[i] === t) {
        joiners += 1;
        this.backfills.splice(i, 1);
      }
    }
    for (let i = 0; i < joiners; i++) stay.push(0);
    this.tenure = stay;
    let productive = 0;
    for (const x of stay) productive += x < this.role.ramp.length ? this.role.ramp[x]! : 1;
    return productive;
  }

  /** Reps after this period's leavers and joiners. */
  get headcount(): number {
    return this.tenure.length;
  }
}
