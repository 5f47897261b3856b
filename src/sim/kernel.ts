/**
 * The Monte Carlo kernel: one trial of the model in docs/model.md, period by period,
 * over preallocated typed arrays: `run` creates no arrays or objects. V8 still boxes a
 * double that crosses a call it does not inline (a sampler's arguments and results): about
 * 25–55 KB of short-lived numbers per B2B trial (bench/heap.js), a few % of the time in the
 * young-generation collector.
 *
 * Per period t:
 *   1. team    — tenure +1, leavers ~ Binomial per tenure bucket, hires and due backfills
 *                join at tenure 0; capacity = ⌊capacity · Σ ramp(tenure) · factors⌋
 *   2. leads   — per channel a gamma multiplier (leads_cv), per cohort (channel × market)
 *                Poisson(response · mix · demand · factors)
 *   3. stages  — first to last: items due now arrive (or drop), arrivals queue for the
 *                stage's role (capacity shared in proportion to what waits), taken-on items
 *                are scheduled (see {@link Kernel.schedule})
 *   4. deals   — won items × per-deal sizes of their market
 *   5. base    — repeat deals ~ Binomial(accounts, repeat rate), churn ~ Binomial(accounts, churn)
 *   6. costs   — spend, team cost, initiative cost; profit
 * Queue loss is applied after all stages, to what still waits.
 *
 * Scheduling draws an item's lag and its outcome (advance or drop) together, when it is
 * taken on: each item's outcome is an independent Bernoulli(rate of its resolution period),
 * and every rate is known for the whole trial, so deciding at take-on has exactly the law
 * of deciding at resolution (docs/model.md, "How the kernel draws it").
 */
import { MAX_EXPECTED_COUNT } from '../defaults.js';
import type { Model } from '../model/types.js';
import { distMean, distVariance } from '../stats/dist-math.js';
import { SimulationError } from './errors.js';
import { type LagTable, lagTables, remainingLag } from './lag-tables.js';
import type { Layout } from './layout.js';
import { binomial } from './samplers/binomial.js';
import { gamma } from './samplers/gamma.js';
import { poisson } from './samplers/poisson.js';
import { sumOfIid } from './samplers/sum-of-iid.js';
import { shareCapacity } from './share-capacity.js';
import type { StreamPlan, TrialStreams } from './streams.js';
import { Team } from './team.js';
import { TrialInputs } from './trial-inputs.js';

/**
 * Items per binomial of a lag split below which items draw their lags one by one: a
 * uniform and a short table walk (~5 ns) against a binomial (~40 ns) per category.
 */
const PER_ITEM_PER_CATEGORY = 8;
/** Most items ever drawn one by one. */
const PER_ITEM_MAX = 48;

/** Runs trials of one model; construct once per thread and call {@link Kernel.run} per trial. */
export class Kernel {
  private readonly inputs: TrialInputs;
  private readonly T: number;
  private readonly M: number;
  private readonly C: number;
  private readonly H: number;
  private readonly K: number;
  /** [(k·H + h)·T + t']: items taken on in stage k that advance into stage k+1 in t'. */
  private readonly sched: Float64Array;
  /** [k·T + t']: items taken on in stage k that drop out in t' (all cohorts; kept for the pipeline). */
  private readonly drops: Float64Array;
  /** [k·H + h]: items waiting in stage k's queue. */
  private readonly queue: Float64Array;
  /** Items in each stage (queued or scheduled), for the pipeline. */
  private readonly open: Float64Array;
  private readonly team: Team;
  private readonly taken: Float64Array;
  private readonly arrivals: Float64Array;
  private readonly takenOn: Float64Array;
  private readonly wins: Float64Array;
  private readonly shareScratch: Float64Array;
  /** [c·M + m]: channel c's share of leads in market m. */
  private readonly mix: Float64Array;
  /** [c]: param index of channel c's leads_cv. */
  private readonly leadsCv: Int32Array;
  /** Row offsets (series index × T) of leads by channel and by market. */
  private readonly channelLeadsAt: Int32Array;
  private readonly marketLeadsAt: Int32Array;
  /** [k·T + t]: stage k's lag for items taken on in t (see {@link lagTables}). */
  private readonly lags: LagTable[];
  /** Per opening-pipeline entry: the remaining lag of its items (see {@link remainingLag}). */
  private readonly opening: LagTable[];
  /** [k]: whether stage k's rate factors are the same in every period of this trial. */
  private readonly steadyRate: Uint8Array;
  private readonly dealMean: Float64Array;
  private readonly dealVar: Float64Array;
  private readonly repeatMean: number;
  private readonly repeatVar: number;
  /** [0]: accounts held in the current trial (a typed slot: its value turns fractional-free double mid-run). */
  private readonly accounts = new Float64Array(1);
  /** Whether the current trial draws leads already split by lag and outcome (see leadsSplit). */
  private splitLeads = false;
  /** The current trial's streams (set by run; helpers select and draw from them). */
  private rs!: TrialStreams;

  constructor(
    private readonly model: Model,
    private readonly layout: Layout,
    private readonly plan: StreamPlan,
  ) {
    const T = model.calendar.periods;
    this.T = T;
    this.M = model.markets.length;
    this.C = model.channels.length;
    this.H = this.C * this.M;
    this.K = model.stages.length;
    this.inputs = new TrialInputs(model);
    this.sched = new Float64Array(this.K * this.H * T);
    this.drops = new Float64Array(this.K * T);
    this.queue = new Float64Array(this.K * this.H);
    this.open = new Float64Array(this.K);
    this.team = new Team(model, layout, plan);
    this.taken = new Float64Array(model.roles.length);
    this.arrivals = new Float64Array(this.H);
    this.takenOn = new Float64Array(this.H);
    this.wins = new Float64Array(this.H);
    this.shareScratch = new Float64Array(this.H);
    this.mix = Float64Array.from({ length: this.H }, (_, h) => {
      return model.channels[Math.floor(h / this.M)]!.mix[h % this.M]!;
    });
    this.leadsCv = Int32Array.from(model.channels, (c) => c.leadsCv);
    this.channelLeadsAt = Int32Array.from(layout.channel, (c) => c.leads * T);
    this.marketLeadsAt = Int32Array.from(layout.market, (m) => m.leads * T);
    this.lags = lagTables(model);
    this.opening = model.pipeline.map((e) =>
      remainingLag(model.stages[e.stage + 1]!.lag, e.age, this.T),
    );
    this.steadyRate = new Uint8Array(this.K);
    this.dealMean = Float64Array.from(model.markets, (m) => distMean(m.dealSize));
    this.dealVar = Float64Array.from(model.markets, (m) => distVariance(m.dealSize));
    this.repeatMean = distMean(model.customers.repeatDealSize);
    this.repeatVar = distVariance(model.customers.repeatDealSize);
  }

  /**
   * Simulates one trial with parameter values `pv` and the trial's streams `rs` (begun for
   * this trial), writing every series of the layout into `row` (length layout.width).
   * @throws SimulationError when an expected count exceeds MAX_EXPECTED_COUNT or a value is not finite.
   */
  run(pv: Float64Array, rs: TrialStreams, row: Float64Array): void {
    const { model, layout, inputs, T, K } = this;
    this.rs = rs;
    inputs.compute(pv);
    row.fill(0);
    this.sched.fill(0);
    this.drops.fill(0);
    this.queue.fill(0);
    this.open.fill(0);
    this.team.reset(pv);
    this.accounts[0] = Math.round(pv[model.customers.accounts]!);
    for (let k = 0; k < K; k++) {
      let steady = 1;
      for (let t = 1; t < T; t++) {
        if (inputs.stageFactor[k * T + t] !== inputs.stageFactor[k * T]) steady = 0;
      }
      this.steadyRate[k] = steady;
    }

    // Leads nobody queues for are a Poisson count, so their split by lag and outcome is
    // independent Poissons (see leadsSplit).
    this.splitLeads = K > 1 && model.stages[0]!.role < 0 && this.steadyRate[1] === 1;
    for (let e = 0; e < model.pipeline.length; e++) this.openEntry(e);

    for (let t = 0; t < T; t++) this.period(pv, t, row);
    for (let i = 0; i < row.length; i++) {
      if (!Number.isFinite(row[i]!)) {
        const series = layout.series[Math.floor(i / T)]!;
        throw new SimulationError(
          `${series.key} is not a finite number in ${model.calendar.labels[i % T]}: the scenario's values are too large to simulate`,
        );
      }
    }
  }

  /** One period t of the current trial (steps 1–6 of the module doc). */
  private period(pv: Float64Array, t: number, row: Float64Array): void {
    const { model, layout, inputs, plan, rs, T, M, C, H, K } = this;
    const rng = rs.next;
    const churnRate = pv[model.customers.churn]!;
    const repeatRate = pv[model.customers.repeatRate]!;
    const margin = pv[model.grossMargin]!;
    const lm = layout.metric;
    const splitLeads = this.splitLeads;
    const headcount = this.team.step(pv, t, rs, inputs.capFactor, row);
    this.taken.fill(0);

    // 2. Leads, per cohort h = c·M + m.
    let leadsTotal = 0;
    for (let c = 0; c < C; c++) {
      const base = inputs.leadsBase[c * T + t]!;
      const cv = pv[this.leadsCv[c]!]!;
      let g = 1;
      if (base > 0 && cv > 0) {
        rs.use(plan.gamma + c);
        g = gamma(rng, 1 / (cv * cv), cv * cv);
      }
      let channelLeads = 0;
      for (let m = 0; m < M; m++) {
        const lambda = base * g * this.mix[c * M + m]! * inputs.demand[m * T + t]!;
        if (!(lambda <= MAX_EXPECTED_COUNT)) this.overflow(c, lambda, t);
        let n = 0;
        if (lambda > 0) {
          rs.use(plan.leads + c * M + m);
          n = splitLeads ? this.leadsSplit(c * M + m, lambda, t) : poisson(rng, lambda);
        }
        this.arrivals[c * M + m] = n;
        channelLeads += n;
        row[this.marketLeadsAt[m]! + t]! += n;
      }
      row[this.channelLeadsAt[c]! + t] = channelLeads;
      leadsTotal += channelLeads;
    }
    row[lm.leads * T + t] = leadsTotal;

    // 3. Stages, first to last.
    let queueLost = 0;
    for (let k = 0; k < K; k++) {
      const stage = model.stages[k]!;
      if (k > 0) {
        // Resolutions due now: advancers arrive here, the others drop out.
        let resolved = this.drops[(k - 1) * T + t]!;
        for (let h = 0; h < H; h++) {
          const at = ((k - 1) * H + h) * T + t;
          const n = this.sched[at]!;
          this.arrivals[h] = n;
          resolved += n;
        }
        this.open[k - 1]! -= resolved;
      }
      let arrived = 0;
      for (let h = 0; h < H; h++) arrived += this.arrivals[h]!;
      row[layout.stageArrivals[k]! * T + t] = arrived;
      this.open[k]! += arrived;

      if (stage.role >= 0) {
        const r = stage.role;
        rs.use(plan.share + r);
        this.taken[r] = shareCapacity(
          this.queue,
          k * H,
          H,
          this.arrivals,
          this.team.capacity[r]!,
          this.takenOn,
          rng,
          this.shareScratch,
        );
      } else this.takenOn.set(this.arrivals);

      if (k === K - 1) {
        this.wins.set(this.takenOn);
        this.open[k] = stage.role >= 0 ? this.queueTotal(k) : 0;
      } else if (!(k === 0 && splitLeads)) {
        this.schedule(k, t);
      }
    }
    for (let r = 0; r < model.roles.length; r++) queueLost += this.loseQueue(pv, r, t, row);
    row[lm.queue_lost * T + t] = queueLost;

    // 4. Deals.
    let winsTotal = 0;
    let newBookings = 0;
    for (let h = 0; h < H; h++) {
      const n = this.wins[h]!;
      if (n === 0) continue;
      const c = (h / M) | 0;
      const m = h - c * M;
      rs.use(plan.deals + h);
      const value =
        sumOfIid(rng, n, model.markets[m]!.dealSize, this.dealMean[m]!, this.dealVar[m]!) *
        inputs.dealFactor[m * T + t]!;
      winsTotal += n;
      newBookings += value;
      row[layout.channel[c]!.wins * T + t]! += n;
      row[layout.channel[c]!.bookings * T + t]! += value;
      row[layout.market[m]!.wins * T + t]! += n;
      row[layout.market[m]!.bookings * T + t]! += value;
    }

    // 5. Installed base, from the accounts held after this period's wins.
    let accounts = this.accounts[0]! + winsTotal;
    rs.use(plan.repeat);
    const repeatDeals =
      repeatRate > 0 && accounts > 0 ? binomial(rng, accounts, Math.min(1, repeatRate)) : 0;
    const repeatBookings =
      repeatDeals > 0
        ? sumOfIid(
            rng,
            repeatDeals,
            model.customers.repeatDealSize,
            this.repeatMean,
            this.repeatVar,
          )
        : 0;
    rs.use(plan.churn);
    const churned =
      churnRate > 0 && accounts > 0 ? binomial(rng, accounts, Math.min(1, churnRate)) : 0;
    accounts -= churned;
    this.accounts[0] = accounts;

    // 6. Costs and profit.
    let teamCost = 0;
    for (let r = 0; r < model.roles.length; r++) {
      teamCost += row[layout.role[r]!.headcount * T + t]! * pv[model.roles[r]!.cost]!;
    }
    const bookings = newBookings + repeatBookings;
    const spend = inputs.spend[t]!;
    const initiativeCost = inputs.initiativeCost[t]!;
    let pipeline = 0;
    for (let k = 1; k < K; k++) pipeline += this.open[k]!;

    row[lm.wins * T + t] = winsTotal;
    row[lm.new_bookings * T + t] = newBookings;
    row[lm.repeat_bookings * T + t] = repeatBookings;
    row[lm.repeat_deals * T + t] = repeatDeals;
    row[lm.bookings * T + t] = bookings;
    row[lm.spend * T + t] = spend;
    row[lm.team_cost * T + t] = teamCost;
    row[lm.initiative_cost * T + t] = initiativeCost;
    row[lm.profit * T + t] = margin * bookings - spend - teamCost - initiativeCost;
    row[lm.accounts * T + t] = accounts;
    row[lm.churned_accounts * T + t] = churned;
    row[lm.pipeline * T + t] = pipeline;
    row[lm.headcount * T + t] = headcount;
  }

  private queueTotal(k: number): number {
    let w = 0;
    for (let h = 0; h < this.H; h++) w += this.queue[k * this.H + h]!;
    return w;
  }

  /**
   * Schedules the items taken on in stage k this period (takenOn, per cohort) into stage
   * k+1: each item draws its lag from stage k+1's lag and, if that lands inside the horizon,
   * whether it advances there (Bernoulli of the rate in its resolution period). Advancers
   * are kept per cohort; drop-outs only as a count per period (they matter only for the
   * pipeline, and not at all for the first stage, whose items are not pipeline). Items
   * whose lag runs past the horizon stay open.
   *
   * When stage k+1's rate is the same in every period (no initiative ramps on it), per
   * cohort the outcome comes first: advancers ~ Binomial(n, rate); then the advancers and
   * (all cohorts together) the drop-outs are each split over the lags, with "after the
   * horizon" as one more category (those stay open, whatever their outcome). Outcome and lag
   * are independent per item, so this is the law of drawing each item's lag and outcome, with
   * one binomial per cohort instead of one for the horizon and one for the outcome.
   */
  private schedule(k: number, t: number): void {
    const { H, T, rs, plan, inputs } = this;
    const rng = rs.next;
    const j = k + 1;
    const lag = this.lags[j * T + t]!;
    const pipeline = k > 0;
    if (!this.steadyRate[j]) {
      this.scheduleVarying(k, t, lag, pipeline);
      return;
    }
    const factor = inputs.stageFactor[j * T]!;
    let dropped = 0;
    for (let h = 0; h < H; h++) {
      const n = this.takenOn[h]!;
      if (n === 0) continue;
      const p = Math.min(1, inputs.rateBase[j * H + h]! * factor);
      let w = 0;
      if (p > 0) {
        rs.use(plan.schedule + k * H + h);
        w = binomial(rng, n, p);
      }
      if (w > 0) {
        rs.use(plan.lags + k * H + h);
        this.split(w, lag, this.sched, (k * H + h) * T + t);
      }
      dropped += n - w;
    }
    if (pipeline && dropped > 0) {
      rs.use(plan.drops + k);
      this.split(dropped, lag, this.drops, k * T + t);
    }
  }

  /**
   * Leads of cohort h in period t, already scheduled into the second stage. Leads ~
   * Poisson(λ) and each lead independently advances after lag l with probability
   * rate·pmf(l) (l inside the horizon) or does not (drops, or resolves after the horizon:
   * either way it is not pipeline, as the first stage never is). Splitting a Poisson count
   * that way gives independent Poisson counts, so each category is drawn directly: the
   * same law as {@link schedule}, with Poisson draws instead of binomial ones.
   */
  private leadsSplit(h: number, lambda: number, t: number): number {
    const { T } = this;
    const rng = this.rs.next;
    const lag = this.lags[T + t]!;
    const p = Math.min(1, this.inputs.rateBase[this.H + h]! * this.inputs.stageFactor[T]!);
    let leads = 0;
    let advance = 0;
    if (p > 0) {
      const { cats, cond } = lag;
      // P(lag = l) = (1 − tail) · P(lag = l | inside), built from the conditional splits
      // (the last is 1, so the last category takes the whole remaining mass).
      let mass = lambda * p * (1 - lag.tail);
      for (let l = 0; l < cats; l++) {
        const mu = mass * cond[l]!;
        mass -= mu;
        advance += mu;
        const x = mu > 0 ? poisson(rng, mu) : 0;
        this.sched[h * T + t + l]! += x;
        leads += x;
      }
    }
    const rest = lambda - advance;
    return leads + (rest > 0 ? poisson(rng, rest) : 0);
  }

  /**
   * Opening-pipeline entry e (docs/model.md, "Opening pipeline"): queued items wait in their
   * role's queue from period 0; taken-on items are scheduled like items taken on at the start
   * — outcome first, then the remaining lag given their age — from the entry's own stream.
   */
  private openEntry(e: number): void {
    const { model, inputs, H, T, M, rs, plan } = this;
    const entry = model.pipeline[e]!;
    const k = entry.stage;
    const j = k + 1;
    const h = entry.channel * M + entry.market;
    const n = entry.count;
    this.open[k]! += n;
    if (entry.queued) {
      this.queue[k * H + h]! += n;
      return;
    }
    const lag = this.opening[e]!;
    const rng = rs.next;
    rs.use(plan.pipeline + e);
    const pipeline = k > 0;
    if (this.steadyRate[j]) {
      const p = Math.min(1, inputs.rateBase[j * H + h]! * inputs.stageFactor[j * T]!);
      const w = p > 0 ? binomial(rng, n, p) : 0;
      if (w > 0) this.split(w, lag, this.sched, (k * H + h) * T);
      if (pipeline && n > w) this.split(n - w, lag, this.drops, k * T);
      return;
    }
    let left = n;
    for (let l = 0; l < lag.cats && left > 0; l++) {
      const c = lag.condAll[l]!;
      const x = c >= 1 ? left : c > 0 ? binomial(rng, left, c) : 0;
      if (x === 0) continue;
      left -= x;
      const p = Math.min(1, inputs.rateBase[j * H + h]! * inputs.stageFactor[j * T + l]!);
      const w = p > 0 ? binomial(rng, x, p) : 0;
      this.sched[(k * H + h) * T + l]! += w;
      if (pipeline) this.drops[k * T + l]! += x - w;
    }
  }

  /** {@link schedule} when stage k+1's rate changes over the horizon: split, then thin per lag. */
  private scheduleVarying(k: number, t: number, lag: LagTable, pipeline: boolean): void {
    const { H, T, rs, plan, inputs } = this;
    const rng = rs.next;
    const j = k + 1;
    const { cats, condAll } = lag;
    for (let h = 0; h < H; h++) {
      let left = this.takenOn[h]!;
      if (left > 0) rs.use(plan.schedule + k * H + h);
      const rate = inputs.rateBase[j * H + h]!;
      for (let l = 0; l < cats && left > 0; l++) {
        const c = condAll[l]!;
        const x = c >= 1 ? left : c > 0 ? binomial(rng, left, c) : 0;
        if (x === 0) continue;
        left -= x;
        const p = Math.min(1, rate * inputs.stageFactor[j * T + t + l]!);
        const w = p > 0 ? binomial(rng, x, p) : 0;
        this.sched[(k * H + h) * T + t + l]! += w;
        if (pipeline) this.drops[k * T + t + l]! += x - w;
      }
    }
  }

  /**
   * Adds n items to `into[at + l]` by lag l, each lag drawn from the whole lag distribution:
   * items whose lag lands after the horizon are not added (they stay open). A few items one
   * by one (a uniform and a short walk of the cumulative table), more by conditional binomials.
   */
  private split(n: number, lag: LagTable, into: Float64Array, at: number): void {
    const { cats, condAll, cumAll, tail } = lag;
    if (cats === 1 && tail === 0) {
      into[at]! += n;
      return;
    }
    const rng = this.rs.next;
    if (n <= Math.min(PER_ITEM_MAX, PER_ITEM_PER_CATEGORY * (cats + 1))) {
      for (let i = 0; i < n; i++) {
        const u = rng();
        let l = 0;
        while (l < cats && u >= cumAll[l]!) l++;
        if (l < cats) into[at + l]! += 1;
      }
      return;
    }
    let left = n;
    for (let l = 0; l < cats && left > 0; l++) {
      const c = condAll[l]!;
      const x = c >= 1 ? left : c > 0 ? binomial(rng, left, c) : 0;
      into[at + l]! += x;
      left -= x;
    }
  }

  /** End-of-period queue loss for role r; writes queue, lost and utilisation; returns items lost. */
  private loseQueue(pv: Float64Array, r: number, t: number, row: Float64Array): number {
    const { model, layout, H, T } = this;
    const role = model.roles[r]!;
    const lr = layout.role[r]!;
    const cap = this.team.capacity[r]!;
    row[lr.taken * T + t] = this.taken[r]!;
    row[lr.utilisation * T + t] = cap > 0 ? this.taken[r]! / cap : 0;
    if (role.stage < 0) return 0;
    const loss = Math.min(1, pv[role.queueLoss]!);
    let lost = 0;
    let left = 0;
    for (let h = 0; h < H; h++) {
      const at = role.stage * H + h;
      const w = this.queue[at]!;
      if (w === 0) continue;
      let x = 0;
      if (loss > 0) {
        this.rs.use(this.plan.loss + at);
        x = binomial(this.rs.next, w, loss);
      }
      this.queue[at] = w - x;
      lost += x;
      left += w - x;
    }
    this.open[role.stage]! -= lost;
    row[lr.queue * T + t] = left;
    row[lr.lost * T + t] = lost;
    return lost;
  }

  private overflow(c: number, value: number, t: number): never {
    const id = this.model.channels[c]!.id;
    throw new SimulationError(
      `leads of channel ${id} would be ${value.toExponential(2)} in ${this.model.calendar.labels[t]}: above the limit of ${MAX_EXPECTED_COUNT.toExponential(0)} items per period; check spend, response curve and demand values`,
      `channels.${id}`,
    );
  }
}
