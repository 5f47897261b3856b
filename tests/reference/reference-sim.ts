/**
 * An independent, deliberately plain reference implementation of one trial of docs/model.md's
 * "Model semantics (one trial)", with docs/model.md's documented choices where the contract
 * leaves room. Written from those two documents only (not from src/sim), item-level where
 * that is clearer: reps are objects with a tenure (ref-team.ts), small counts advance one
 * Bernoulli per item, each item's lag and each deal's size is drawn on its own.
 *
 * Output: every series of ForecastResult, keyed like it (`metrics.bookings`,
 * `stages.<id>`, `roles.<id>.taken`, `channels.<id>.wins`, `markets.<id>.bookings`).
 */
import type { EffectTarget, Model } from '../../src/model/types.js';
import type { Rng } from '../../src/sim/rng.js';
import { buildCopula, type Copula } from './ref-copula.js';
import { initiativeFactor } from './ref-initiatives.js';
import { drawParams } from './ref-params.js';
import { shareCapacity } from './ref-queue.js';
import { refBinomial, refGamma, refPoisson, refSplit, refSumOfSizes } from './ref-random.js';
import { RefRole } from './ref-team.js';

/** Per-period values of every series of one trial. */
export type RefTrial = Map<string, number[]>;

/** The per-role series, as in ForecastResult's RoleResult (utilisation is derived from taken/capacity). */
export const ROLE_FIELDS = ['headcount', 'capacity', 'taken', 'queue', 'lost', 'leavers'] as const;

/** Simulates one trial of `model` with the generator `rng` (pass the copula to skip rebuilding it per trial). */
export function simulateTrial(
  model: Model,
  rng: Rng,
  copula: Copula | null = buildCopula(model),
): RefTrial {
  const P = drawParams(model, rng, copula);
  const T = model.calendar.periods;
  const { markets, channels, stages, roles, initiatives, customers } = model;
  const M = markets.length;
  const K = stages.length;
  const H = channels.length * M;
  const out: RefTrial = new Map();
  const series = (key: string): number[] => {
    let s = out.get(key);
    if (s === undefined) {
      s = new Array<number>(T).fill(0);
      out.set(key, s);
    }
    return s;
  };

  for (const r of roles) for (const f of ROLE_FIELDS) series(`roles.${r.id}.${f}`);
  for (const s of stages) series(`stages.${s.id}`);
  for (const [prefix, list] of [
    ['channels', channels],
    ['markets', markets],
  ] as const) {
    for (const x of list)
      for (const f of ['leads', 'wins', 'bookings']) series(`${prefix}.${x.id}.${f}`);
  }

  const factor = (kind: EffectTarget['kind'], index: number, t: number): number =>
    initiativeFactor(initiatives, P, kind, index, t);

  const team = roles.map((r) => new RefRole(r, Math.round(P[r.headcount]!), P[r.attrition]!, T));
  const roleOfStage = stages.map((s) => s.role);
  // due[k][t'][h]: items of stage k−1 resolving into stage k in period t'; beyond: after the horizon.
  const due = stages.map(() => Array.from({ length: T }, () => new Array<number>(H).fill(0)));
  const beyond = stages.map(() => new Array<number>(H).fill(0));
  const queue = stages.map(() => new Array<number>(H).fill(0));
  // docs/model.md: the adstock starts at spend_before / (1 − carryover) (0 when not given).
  const effective = channels.map((ch) =>
    ch.spendBefore > 0 ? ch.spendBefore / (1 - P[ch.carryover]!) : 0,
  );
  let accounts = Math.round(P[customers.accounts]!);

  // The opening pipeline (docs/model.md "Opening pipeline"): queued items wait in their
  // stage's queue from the start; taken-on items of age a resolve into the next stage l
  // periods in, with l drawn from the next stage's lag conditioned on lag ≥ a (a clamped to
  // the lag's support), item by item.
  for (const e of model.pipeline) {
    const h = e.channel * M + e.market;
    if (e.queued) {
      queue[e.stage]![h]! += e.count;
      continue;
    }
    const lag = stages[e.stage + 1]!.lag;
    let last = lag.length - 1;
    while (last > 0 && !(lag[last]! > 0)) last--;
    const a = Math.min(e.age, last);
    const rest = lag.slice(a);
    const total = rest.reduce((x, y) => x + y, 0);
    for (let i = 0; i < e.count; i++) {
      let u = rng() * total;
      let l = 0;
      while (l < rest.length - 1 && u >= rest[l]!) u -= rest[l++]!;
      if (l < T) due[e.stage + 1]![l]![h]! += 1;
      else beyond[e.stage + 1]![h]! += 1;
    }
  }

  for (let t = 0; t < T; t++) {
    // 1. Team
    const capacity = roles.map((r, i) => {
      const productive = team[i]!.step(t, rng);
      const cap = P[r.capacity]! * productive * factor('role_capacity', i, t);
      series(`roles.${r.id}.headcount`)[t] = team[i]!.headcount;
      series(`roles.${r.id}.leavers`)[t] = team[i]!.leavers;
      return Math.floor(cap + 1e-9);
    });
    roles.forEach((r, i) => {
      series(`roles.${r.id}.capacity`)[t] = capacity[i]!;
    });

    // 2. Leads
    let arrivals = new Array<number>(H).fill(0);
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
      const g = cv > 0 ? refGamma(rng, 1 / (cv * cv), cv * cv) : 1;
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
          factor('channel_leads', c, t) *
          factor('market_demand', m, t);
        arrivals[c * M + m] = refPoisson(rng, lambda);
      });
    });

    const leadsByCohort = arrivals;

    // 3. Stages, first to last
    let won = new Array<number>(H).fill(0);
    for (let k = 0; k < K; k++) {
      const stage = stages[k]!;
      if (k > 0) {
        arrivals = new Array<number>(H).fill(0);
        for (let h = 0; h < H; h++) {
          const c = Math.floor(h / M);
          const m = h % M;
          const rf = channels[c]!.rateFactors[k]!;
          let p = P[stage.rate]! * (rf >= 0 ? P[rf]! : 1) * factor('stage_rate', k, t);
          if (k === K - 1) p *= P[markets[m]!.winFactor]!;
          arrivals[h] = refBinomial(rng, due[k]![t]![h]!, Math.min(1, p));
        }
      }
      const arrived = arrivals.reduce((a, b) => a + b, 0);
      series(`stages.${stage.id}`)[t] = arrived;
      let taken = arrivals;
      const r = roleOfStage[k]!;
      if (r >= 0) {
        const q = queue[k]!;
        for (let h = 0; h < H; h++) q[h]! += arrivals[h]!;
        const take = Math.min(
          capacity[r]!,
          q.reduce((a, b) => a + b, 0),
        );
        taken = shareCapacity(q, take, rng);
        for (let h = 0; h < H; h++) q[h]! -= taken[h]!;
        series(`roles.${roles[r]!.id}.taken`)[t] = take;
      }
      if (k === K - 1) {
        won = taken;
        continue;
      }
      const lag = stages[k + 1]!.lag;
      for (let h = 0; h < H; h++) {
        const split = refSplit(rng, taken[h]!, lag);
        split.forEach((n, d) => {
          if (t + d < T) due[k + 1]![t + d]![h]! += n;
          else beyond[k + 1]![h]! += n;
        });
      }
    }
    // queue loss at the end of the period, per cohort
    let queueLost = 0;
    for (let k = 0; k < K; k++) {
      const r = roleOfStage[k]!;
      if (r < 0) continue;
      const role = roles[r]!;
      let lost = 0;
      queue[k] = queue[k]!.map((w) => {
        const l = refBinomial(rng, w, P[role.queueLoss]!);
        lost += l;
        return w - l;
      });
      series(`roles.${role.id}.lost`)[t] = lost;
      series(`roles.${role.id}.queue`)[t] = queue[k]!.reduce((a, b) => a + b, 0);
      queueLost += lost;
    }

    // 4. Deals
    let newBookings = 0;
    let wins = 0;
    let leads = 0;
    for (let h = 0; h < H; h++) {
      const c = Math.floor(h / M);
      const m = h % M;
      const size =
        refSumOfSizes(rng, won[h]!, markets[m]!.dealSize) * factor('market_deal_size', m, t);
      newBookings += size;
      wins += won[h]!;
      leads += leadsByCohort[h]!;
      for (const [prefix, id] of [
        ['channels', channels[c]!.id],
        ['markets', markets[m]!.id],
      ] as const) {
        series(`${prefix}.${id}.leads`)[t]! += leadsByCohort[h]!;
        series(`${prefix}.${id}.wins`)[t]! += won[h]!;
        series(`${prefix}.${id}.bookings`)[t]! += size;
      }
    }
    accounts += wins;

    // 5. Installed base
    const repeats = refBinomial(rng, accounts, P[customers.repeatRate]!);
    const repeatBookings = refSumOfSizes(rng, repeats, customers.repeatDealSize);
    const churned = refBinomial(rng, accounts, P[customers.churn]!);
    accounts -= churned;

    // 6. Costs
    const spend = channels.reduce((a, ch) => a + ch.spend[t]!, 0);
    const teamCost = roles.reduce((a, r, i) => a + team[i]!.headcount * P[r.cost]!, 0);
    let initiativeCost = 0;
    for (const ini of initiatives) {
      if (t === ini.start) initiativeCost += P[ini.costOnce]!;
      if (t >= ini.start) initiativeCost += P[ini.costPerPeriod]!;
    }

    // 7. Pipeline: queued in any stage after the first, or taken on at a stage after the first and unresolved
    let pipeline = 0;
    for (let k = 1; k < K; k++) pipeline += queue[k]!.reduce((a, b) => a + b, 0);
    for (let k = 2; k < K; k++) {
      for (let tt = t + 1; tt < T; tt++) pipeline += due[k]![tt]!.reduce((a, b) => a + b, 0);
      pipeline += beyond[k]!.reduce((a, b) => a + b, 0);
    }

    const bookings = newBookings + repeatBookings;
    const set = (name: string, v: number) => {
      series(`metrics.${name}`)[t] = v;
    };
    set('leads', leads);
    set('wins', wins);
    set('bookings', bookings);
    set('new_bookings', newBookings);
    set('repeat_bookings', repeatBookings);
    set('repeat_deals', repeats);
    set('spend', spend);
    set('team_cost', teamCost);
    set('initiative_cost', initiativeCost);
    set('profit', P[model.grossMargin]! * bookings - spend - teamCost - initiativeCost);
    set('accounts', accounts);
    set('churned_accounts', churned);
    set('pipeline', pipeline);
    set(
      'headcount',
      team.reduce((a, r) => a + r.headcount, 0),
    );
    set('queue_lost', queueLost);
  }
  return out;
}
