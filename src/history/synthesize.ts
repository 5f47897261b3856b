/**
 * Synthetic history: one trial of a compiled {@link Model}, simulated item by item from
 * docs/model.md — every lead is an item with its cohort, every item draws its own lag and
 * outcome, waits in its role's queue in arrival order, and every won deal its size — so a
 * CRM's two exports can be written from it: the monthly actuals and the deal-level records.
 * It includes the opening pipeline as docs/model.md "Opening pipeline" specifies.
 *
 * It is a second implementation of the model, written without the kernel: tests check its
 * mean leads, stage arrivals, wins and bookings per period against the engine's forecast.
 * Uncertain parameters are drawn from their marginals (rank correlations are not induced).
 */
import { checkOptionNames, type OptionNames } from '../analysis/run-options.js';
import type { Model } from '../model/types.js';
import { adstockBefore } from '../sim/trial-inputs.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { drawDist, drawIndex, gamma, historyStream, poisson, type Uniform } from './random.js';
import { Roster } from './team.js';
import type { DealRecord, Outcome } from './types.js';

/** Options of {@link synthesize}. */
export interface SynthesizeOptions {
  /** Seed of the history streams (default: the model's seed). */
  readonly seed?: number;
  /** Which stream (default 0): different trials are independent histories. */
  readonly trial?: number;
  /**
   * Parameter values to use instead of drawing them (one per `model.params`, already in
   * their domains), e.g. the truth a calibration test wants to recover.
   */
  readonly params?: ArrayLike<number>;
  /** Keep every item's record for a deal-level export (default true). */
  readonly deals?: boolean;
}

const SYNTHESIZE_OPTIONS: OptionNames<SynthesizeOptions> = {
  seed: true,
  trial: true,
  params: true,
  deals: true,
};

/** Per cohort (channel × market at `c·M + m`) and period: what the actuals file holds. */
export interface CohortSeries {
  readonly leads: Float64Array;
  /** Arrivals per stage, `arrivals[k][t]`; `arrivals[0]` = leads, the last = wins. */
  readonly arrivals: readonly Float64Array[];
  readonly bookings: Float64Array;
}

/** One synthetic trial. */
export interface SyntheticHistory {
  /** The parameter values used (after clamping into domains and rounding whole quantities). */
  readonly params: Float64Array;
  readonly cohorts: readonly CohortSeries[];
  /** Items open in any stage after the first at the end of each period. */
  readonly pipeline: Float64Array;
  /** Items each role took on, `taken[r][t]`. */
  readonly taken: readonly Float64Array[];
  readonly repeatBookings: Float64Array;
  readonly accounts: Float64Array;
  /** Every item's record (empty when `deals: false`), in the order the items appeared. */
  readonly deals: readonly DealRecord[];
}

interface Item {
  readonly cohort: number;
  readonly entered: number[];
  readonly days: number[];
  closed: number | null;
  closedDay: number;
  outcome: Outcome;
  unworked: boolean;
  amount: number | null;
}

const day = (u: Uniform): number => 1 + Math.floor(u() * 28);

/** Draws (or takes) the parameter vector, clamped into domains, whole quantities rounded. */
function paramValues(model: Model, u: Uniform, given: ArrayLike<number> | undefined) {
  const P = new Float64Array(model.params.length);
  model.params.forEach((p, i) => {
    let v = given === undefined ? drawDist(u, p.dist) : given[i]!;
    if (p.domain === 'rate') v = Math.min(1, Math.max(0, v));
    else if (p.domain === 'positive') v = Math.max(0, v);
    P[i] = v;
  });
  for (const r of model.roles) P[r.headcount] = Math.round(P[r.headcount]!);
  P[model.customers.accounts] = Math.round(P[model.customers.accounts]!);
  return P;
}

/** Product of the initiative effects of `kind` on `index` in period t. */
function factorOf(model: Model, P: Float64Array, kind: string, index: number, t: number): number {
  let f = 1;
  for (const ini of model.initiatives) {
    for (const e of ini.effects) {
      const tg = e.target;
      const target =
        tg.kind === 'stage_rate'
          ? tg.stage
          : tg.kind === 'role_capacity'
            ? tg.role
            : tg.kind === 'channel_leads'
              ? tg.channel
              : tg.market;
      if (tg.kind !== kind || target !== index) continue;
      const i = t - ini.start;
      const F = P[e.factor]!;
      f *= i < 0 ? 1 : i < ini.ramp ? 1 + ((F - 1) * (i + 1)) / ini.ramp : F;
    }
  }
  return f;
}

/**
 * How many items each cohort gets when `take` are taken from queues of sizes `waiting`:
 * ⌊take·wₕ/W⌋ each, and the odd items to distinct cohorts by systematic sampling on the
 * fractional parts (one uniform), as docs/model.md "Queue" says.
 */
function share(waiting: readonly number[], take: number, u: Uniform): number[] {
  const W = waiting.reduce((a, b) => a + b, 0);
  if (W === 0 || take === 0) return waiting.map(() => 0);
  if (take >= W) return [...waiting];
  const exact = waiting.map((w) => (take * w) / W);
  const out = exact.map(Math.floor);
  const odd = take - out.reduce((a, b) => a + b, 0);
  if (odd === 0) return out;
  let next = u();
  let sum = 0;
  exact.forEach((x, h) => {
    sum += x - out[h]!;
    if (sum > next + 1e-12) {
      out[h]! += 1;
      next += 1;
    }
  });
  return out;
}

/**
 * Simulates one history of `model` item by item.
 * @example const h = synthesize(model, { seed: 7 }); h.cohorts[0].leads
 */
export function synthesize(model: Model, opts: SynthesizeOptions = {}): SyntheticHistory {
  checkArgument('synthesize', 'model', model, ARG.model);
  checkOptionNames('synthesize', opts, SYNTHESIZE_OPTIONS);
  const u = historyStream(opts.seed ?? model.simulation.seed, opts.trial ?? 0);
  const P = paramValues(model, u, opts.params);
  const keep = opts.deals !== false;
  const T = model.calendar.periods;
  const { markets, channels, stages, roles, customers } = model;
  const M = markets.length;
  const K = stages.length;
  const H = channels.length * M;
  const cohorts: CohortSeries[] = Array.from({ length: H }, () => {
    const arrivals = Array.from({ length: K }, () => new Float64Array(T));
    return { leads: arrivals[0]!, arrivals, bookings: new Float64Array(T) };
  });
  const pipeline = new Float64Array(T);
  const taken = roles.map(() => new Float64Array(T));
  const repeatBookings = new Float64Array(T);
  const accountsSeries = new Float64Array(T);
  const records: Item[] = [];
  // due[k][t]: items taken on at stage k resolving into k+1 in period t; late[k]: after the horizon
  const due: Item[][][] = stages.map(() => Array.from({ length: T }, () => []));
  const late: Item[][] = stages.map(() => []);
  const queue: Item[][][] = stages.map(() => Array.from({ length: H }, () => []));
  const roster = roles.map((r) => new Roster(r, P[r.headcount]!, P[r.attrition]!, T));
  // The adstock before the horizon: the steady state of each channel's spend_before.
  const effective = Float64Array.from(channels, (ch) =>
    adstockBefore(ch.spendBefore, P[ch.carryover]!),
  );
  let accounts = P[customers.accounts]!;

  const newItem = (cohort: number, entered: number[], days: number[]): Item => {
    const item: Item = {
      cohort,
      entered,
      days,
      closed: null,
      closedDay: 0,
      outcome: 'open',
      unworked: false,
      amount: null,
    };
    if (keep) records.push(item);
    return item;
  };
  const close = (item: Item, t: number, outcome: Outcome) => {
    item.closed = t;
    item.closedDay = Math.max(day(u), item.closed === item.entered.at(-1) ? item.days.at(-1)! : 1);
    item.outcome = outcome;
  };
  const schedule = (item: Item, k: number, t: number, pmf: ArrayLike<number>) => {
    const when = t + drawIndex(u, pmf);
    if (when < T) due[k]![when]!.push(item);
    else late[k]!.push(item);
  };

  // The opening pipeline: remaining lags conditioned on age (docs/model.md "Opening pipeline").
  for (const e of model.pipeline) {
    const h = e.channel * M + e.market;
    const lag = stages[e.stage + 1]!.lag;
    let last = lag.length - 1;
    while (last > 0 && lag[last] === 0) last -= 1;
    const a = Math.min(e.age, last);
    const rest = Array.from(lag.subarray(a));
    const mass = rest.reduce((x, y) => x + y, 0);
    const cond = rest.map((p) => p / mass);
    for (let i = 0; i < e.count; i++) {
      const at = e.queued ? -1 : -e.age;
      const item = newItem(
        h,
        new Array<number>(e.stage + 1).fill(at),
        new Array<number>(e.stage + 1).fill(1),
      );
      if (e.queued) queue[e.stage]![h]!.push(item);
      else schedule(item, e.stage, 0, cond);
    }
  }

  for (let t = 0; t < T; t++) {
    // 1. Team
    const capacity = roles.map((r, i) => {
      const productive = roster[i]!.step(t, u);
      const cap = P[r.capacity]! * productive * factorOf(model, P, 'role_capacity', i, t);
      return Math.floor(cap + 1e-9);
    });

    // 2. Leads: new items in the first stage
    let arrivals: Item[][] = Array.from({ length: H }, () => []);
    channels.forEach((ch, c) => {
      effective[c] = ch.spend[t]! + P[ch.carryover]! * effective[c]!;
      const e = effective[c]!;
      const r = ch.response;
      let resp: number;
      if (r.curve === 'hill') {
        const s = P[r.shape]!;
        resp = e <= 0 ? 0 : (P[r.maxLeads]! * e ** s) / (e ** s + P[r.halfSpend]! ** s);
      } else if (r.curve === 'linear') resp = e / P[r.costPerLead]!;
      else resp = P[r.leads]!;
      const cv = P[ch.leadsCv]!;
      const g = cv > 0 ? gamma(u, 1 / (cv * cv), cv * cv) : 1;
      markets.forEach((mk, m) => {
        const demand =
          (1 + P[mk.growth]!) ** t *
          P[mk.seasonality[model.calendar.months[t]!]!]! *
          P[mk.demandShock]!;
        const lambda =
          resp *
          g *
          ch.mix[m]! *
          demand *
          factorOf(model, P, 'channel_leads', c, t) *
          factorOf(model, P, 'market_demand', m, t);
        const n = poisson(u, lambda);
        for (let i = 0; i < n; i++) arrivals[c * M + m]!.push(newItem(c * M + m, [t], [day(u)]));
      });
    });

    // 3. Stages, first to last
    let won: Item[][] = [];
    for (let k = 0; k < K; k++) {
      const stage = stages[k]!;
      if (k > 0) {
        const next: Item[][] = Array.from({ length: H }, () => []);
        for (const item of due[k - 1]![t]!) {
          const h = item.cohort;
          const c = Math.floor(h / M);
          const rf = channels[c]!.rateFactors[k]!;
          let p = P[stage.rate]! * (rf >= 0 ? P[rf]! : 1) * factorOf(model, P, 'stage_rate', k, t);
          if (k === K - 1) p *= P[markets[h % M]!.winFactor]!;
          if (u() < Math.min(1, p)) {
            item.entered.push(t);
            const before = item.entered.at(-2) === t ? item.days.at(-1)! : 1;
            item.days.push(Math.max(before, day(u)));
            next[h]!.push(item);
          } else close(item, t, 'lost');
        }
        arrivals = next;
      }
      arrivals.forEach((list, h) => {
        cohorts[h]!.arrivals[k]![t]! += list.length;
      });
      let takenOn = arrivals;
      if (stage.role >= 0) {
        const q = queue[k]!;
        arrivals.forEach((list, h) => {
          for (const item of list) q[h]!.push(item);
        });
        const waiting = q.map((l) => l.length);
        const take = Math.min(
          capacity[stage.role]!,
          waiting.reduce((a, b) => a + b, 0),
        );
        const n = share(waiting, take, u);
        takenOn = q.map((l, h) => l.splice(0, n[h]!));
        taken[stage.role]![t] = take;
      }
      if (k === K - 1) {
        won = takenOn;
        continue;
      }
      const lag = stages[k + 1]!.lag;
      for (const list of takenOn) for (const item of list) schedule(item, k, t, lag);
    }
    // queue loss at the end of the period
    stages.forEach((s, k) => {
      if (s.role < 0) return;
      const loss = P[roles[s.role]!.queueLoss]!;
      queue[k] = queue[k]!.map((l) =>
        l.filter((item) => {
          if (u() >= loss) return true;
          close(item, t, 'lost');
          item.unworked = true;
          return false;
        }),
      );
    });

    // 4. Deals
    let wins = 0;
    won.forEach((list, h) => {
      const mk = markets[h % M]!;
      const f = factorOf(model, P, 'market_deal_size', h % M, t);
      for (const item of list) {
        const size = drawDist(u, mk.dealSize) * f;
        close(item, t, 'won');
        item.amount = size;
        cohorts[h]!.bookings[t]! += size;
        wins += 1;
      }
    });
    accounts += wins;

    // 5. Installed base: repeats and churn on the same account count
    let repeats = 0;
    let churned = 0;
    const repeatRate = P[customers.repeatRate]!;
    const churn = P[customers.churn]!;
    for (let a = 0; a < accounts; a++) {
      if (u() < repeatRate) repeats += 1;
      if (u() < churn) churned += 1;
    }
    for (let i = 0; i < repeats; i++) repeatBookings[t]! += drawDist(u, customers.repeatDealSize);
    accounts -= churned;
    accountsSeries[t] = accounts;

    // Pipeline: queued or taken on and unresolved, in any stage after the first
    let open = 0;
    for (let k = 1; k < K; k++) {
      for (const l of queue[k]!) open += l.length;
      if (k === K - 1) continue;
      for (let tt = t + 1; tt < T; tt++) open += due[k]![tt]!.length;
      open += late[k]!.length;
    }
    pipeline[t] = open;
  }

  const deals: DealRecord[] = records.map((item, i) => {
    const h = item.cohort;
    return {
      id: `D${String(i + 1).padStart(7, '0')}`,
      account: `Account ${((i * 7919) % 100_000).toString(36).toUpperCase()}`,
      channel: channels[Math.floor(h / M)]!.id,
      market: markets[h % M]!.id,
      entered: item.entered,
      enteredDay: item.days,
      closed: item.closed,
      closedDay: item.closedDay,
      outcome: item.outcome,
      unworked: item.unworked,
      amount: item.amount,
    };
  });
  return { params: P, cohorts, pipeline, taken, repeatBookings, accounts: accountsSeries, deals };
}
