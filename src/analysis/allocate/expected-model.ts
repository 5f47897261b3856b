/**
 * The expected model: one deterministic pass of the simulation's period loop with every
 * uncertain input at its mean and every random count replaced by its expectation (leads =
 * λ, advancers = n · rate, leavers = headcount · attrition, …), queues and capacity included.
 * It is exact for a funnel without team limits whose inputs are fixed (the expectation of a
 * sum of Poisson and binomial counts is the sum of their means); with uncertain inputs or
 * binding capacity it is an approximation (Jensen's inequality: E[min(capacity, waiting)] ≤
 * min(capacity, E[waiting])). The optimiser uses it only to choose where the simulation
 * search starts, and never reports its numbers as results.
 */
import type { ChannelModel, Model } from '../../model/types.js';
import { clampToDomain } from '../../sim/params.js';
import { TrialInputs } from '../../sim/trial-inputs.js';
import { distMean } from '../../stats/dist-math.js';

/** Expected horizon outcomes of one plan. */
export interface ExpectedOutcome {
  readonly bookings: number;
  readonly profit: number;
  /** Per role: expected items lost from its queue over the horizon. */
  readonly lost: Float64Array;
}

/**
 * The expected model of `model`, evaluated for any constant spend of the channels in
 * `channels` (the others keep the plan's spend).
 * @example new ExpectedModel(model, [0, 1]).evaluate([50000, 20000]).bookings
 */
export class ExpectedModel {
  private readonly pv: Float64Array;
  private readonly inputs: TrialInputs;
  private readonly spends: Float64Array[];
  private readonly T: number;
  private readonly H: number;
  private readonly sched: Float64Array;
  private readonly queue: Float64Array;
  private readonly arrivals: Float64Array;
  private readonly takenOn: Float64Array;
  private readonly dealMean: Float64Array;
  private readonly repeatMean: number;
  /** Expected-model evaluations so far (for the report of what the search cost). */
  calls = 0;

  constructor(
    private readonly model: Model,
    private readonly channels: readonly number[],
  ) {
    this.T = model.calendar.periods;
    this.H = model.channels.length * model.markets.length;
    this.pv = Float64Array.from(model.params, (p) =>
      clampToDomain(distMean(p.dist) * p.scale, p.domain),
    );
    // Channels whose spend the optimiser sets hold an array of our own, filled per call.
    this.spends = channels.map(() => new Float64Array(this.T));
    const own: ChannelModel[] = model.channels.map((c, i) => {
      const k = channels.indexOf(i);
      return k < 0 ? c : { ...c, spend: this.spends[k]! };
    });
    this.inputs = new TrialInputs({ ...model, channels: own });
    const K = model.stages.length;
    this.sched = new Float64Array(K * this.H * this.T);
    this.queue = new Float64Array(K * this.H);
    this.arrivals = new Float64Array(this.H);
    this.takenOn = new Float64Array(this.H);
    this.dealMean = Float64Array.from(model.markets, (m) => distMean(m.dealSize));
    this.repeatMean = distMean(model.customers.repeatDealSize);
  }

  /** Expected horizon bookings and profit when allocated channel k spends x[k] every period. */
  evaluate(x: readonly number[]): ExpectedOutcome {
    this.calls += 1;
    const { model, pv, inputs, T, H, sched, queue, arrivals, takenOn } = this;
    for (let k = 0; k < x.length; k++) this.spends[k]!.fill(x[k]!);
    inputs.compute(pv);
    sched.fill(0);
    queue.fill(0);
    const M = model.markets.length;
    const C = model.channels.length;
    const K = model.stages.length;
    const team = new ExpectedTeam(model, pv);
    const lost = new Float64Array(model.roles.length);
    let accounts = Math.round(pv[model.customers.accounts]!);
    const churn = Math.min(1, pv[model.customers.churn]!);
    const repeat = Math.min(1, pv[model.customers.repeatRate]!);
    const margin = pv[model.grossMargin]!;
    let bookings = 0;
    let costs = 0;
    for (let t = 0; t < T; t++) {
      const heads = team.step(t, inputs.capFactor);
      for (let c = 0; c < C; c++) {
        for (let m = 0; m < M; m++) {
          arrivals[c * M + m] =
            inputs.leadsBase[c * T + t]! * model.channels[c]!.mix[m]! * inputs.demand[m * T + t]!;
        }
      }
      let wins = 0;
      let newBookings = 0;
      for (let k = 0; k < K; k++) {
        if (k > 0) for (let h = 0; h < H; h++) arrivals[h] = sched[((k - 1) * H + h) * T + t]!;
        const role = model.stages[k]!.role;
        if (role >= 0) {
          let waiting = 0;
          for (let h = 0; h < H; h++) {
            queue[k * H + h]! += arrivals[h]!;
            waiting += queue[k * H + h]!;
          }
          const take = Math.min(team.capacity[role]!, waiting);
          for (let h = 0; h < H; h++) {
            const share = waiting > 0 ? (take * queue[k * H + h]!) / waiting : 0;
            takenOn[h] = share;
            queue[k * H + h]! -= share;
          }
        } else takenOn.set(arrivals);
        if (k === K - 1) {
          for (let h = 0; h < H; h++) {
            const m = h % M;
            wins += takenOn[h]!;
            newBookings += takenOn[h]! * this.dealMean[m]! * inputs.dealFactor[m * T + t]!;
          }
        } else this.schedule(k, t);
      }
      for (let r = 0; r < model.roles.length; r++) {
        const stage = model.roles[r]!.stage;
        if (stage < 0) continue;
        const loss = Math.min(1, pv[model.roles[r]!.queueLoss]!);
        for (let h = 0; h < H; h++) {
          const gone = queue[stage * H + h]! * loss;
          queue[stage * H + h]! -= gone;
          lost[r]! += gone;
        }
      }
      accounts += wins;
      const repeatBookings = accounts * repeat * this.repeatMean;
      accounts -= accounts * churn;
      let teamCost = 0;
      for (let r = 0; r < model.roles.length; r++)
        teamCost += heads[r]! * pv[model.roles[r]!.cost]!;
      bookings += newBookings + repeatBookings;
      costs += inputs.spend[t]! + teamCost + inputs.initiativeCost[t]!;
    }
    return { bookings, profit: margin * bookings - costs, lost };
  }

  /** Items taken on in stage k in period t advance into stage k+1 after their lag, at its rate. */
  private schedule(k: number, t: number): void {
    const { model, inputs, T, H, sched, takenOn } = this;
    const j = k + 1;
    const lag = model.stages[j]!.lag;
    const cats = Math.min(lag.length, T - t);
    for (let h = 0; h < H; h++) {
      const n = takenOn[h]!;
      if (n === 0) continue;
      const rate = inputs.rateBase[j * H + h]!;
      for (let l = 0; l < cats; l++) {
        const p = Math.min(1, rate * inputs.stageFactor[j * T + t + l]!);
        sched[(k * H + h) * T + t + l]! += n * lag[l]! * p;
      }
    }
  }
}

/** The team in expectation: tenure buckets of expected reps, leavers at the attrition rate. */
class ExpectedTeam {
  readonly capacity: Float64Array;
  private readonly heads: Float64Array;
  private readonly buckets: Float64Array[];
  private readonly pending: Float64Array[];

  constructor(
    private readonly model: Model,
    private readonly pv: Float64Array,
  ) {
    const T = model.calendar.periods;
    this.capacity = new Float64Array(model.roles.length);
    this.heads = new Float64Array(model.roles.length);
    this.buckets = model.roles.map((r) => {
      const b = new Float64Array(r.ramp.length + 1);
      b[r.ramp.length] = Math.max(0, Math.round(pv[r.headcount]!));
      return b;
    });
    this.pending = model.roles.map(() => new Float64Array(T + 1));
  }

  /** Advances every role to period t; fills capacity and returns expected headcount per role. */
  step(t: number, capFactor: Float64Array): Float64Array {
    const { model, pv } = this;
    const T = model.calendar.periods;
    model.roles.forEach((role, r) => {
      const b = this.buckets[r]!;
      const R = role.ramp.length;
      if (R > 0) {
        b[R]! += b[R - 1]!;
        for (let i = R - 1; i > 0; i--) b[i] = b[i - 1]!;
        b[0] = 0;
      }
      const attrition = Math.min(1, pv[role.attrition]!);
      let leavers = 0;
      for (let i = 0; i <= R; i++) {
        const x = b[i]! * attrition;
        b[i]! -= x;
        leavers += x;
      }
      if (role.backfillLag >= 0 && t + role.backfillLag < T) {
        this.pending[r]![t + role.backfillLag]! += leavers;
      }
      b[0]! += role.hires[t]! + this.pending[r]![t]!;
      let heads = 0;
      let fte = 0;
      for (let i = 0; i <= R; i++) {
        heads += b[i]!;
        fte += i < R ? b[i]! * role.ramp[i]! : b[i]!;
      }
      this.heads[r] = heads;
      this.capacity[r] = Math.max(0, pv[role.capacity]! * fte * capFactor[r * T + t]!);
    });
    return this.heads;
  }
}
