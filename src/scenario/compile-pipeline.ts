/**
 * `pipeline` → the compiled opening pipeline ({@link PipelineEntry} list). Entries that leave
 * out the channel or the market are spread over the cohorts they may belong to, in
 * proportion to each cohort's expected leads in the first period (every parameter at its
 * mean), by largest remainders so the counts stay whole and add up.
 */
import type {
  ChannelModel,
  MarketModel,
  Param,
  PipelineEntry,
  StageModel,
} from '../model/types.js';
import { distMean } from '../stats/dist-math.js';
import { type CompileContext, resolveRef } from './compile-context.js';
import { msg } from './messages.js';
import type { ScenarioInput } from './schema.js';

/** What the pipeline compile step reads of the rest of the compiled plan. */
export interface PipelinePlan {
  readonly params: readonly Param[];
  readonly markets: readonly MarketModel[];
  readonly channels: readonly ChannelModel[];
  readonly stages: readonly StageModel[];
  /** `YYYY-MM` month (0 = January) of the first period. */
  readonly firstMonth: number;
}

/**
 * Expected leads of every cohort (channel c, market m at `c·M + m`) in the first period,
 * with every parameter at its mean and no initiative: the weights that spread pipeline
 * items of an unknown channel or market.
 * @example firstPeriodLeads(plan)[0] // leads of channel 0, market 0
 */
export function firstPeriodLeads(plan: PipelinePlan): Float64Array {
  const mean = (ref: number): number => (ref < 0 ? 1 : distMean(plan.params[ref]!.dist));
  const M = plan.markets.length;
  const out = new Float64Array(plan.channels.length * M);
  plan.channels.forEach((ch, c) => {
    const e = ch.spend[0] ?? 0;
    const r = ch.response;
    let leads: number;
    if (r.curve === 'hill') {
      const s = mean(r.shape);
      leads = e <= 0 ? 0 : (mean(r.maxLeads) * e ** s) / (e ** s + mean(r.halfSpend) ** s);
    } else if (r.curve === 'linear') leads = e / mean(r.costPerLead);
    else leads = mean(r.leads);
    plan.markets.forEach((mk, m) => {
      const demand = mean(mk.seasonality[plan.firstMonth]!) * mean(mk.demandShock);
      out[c * M + m] = Math.max(0, leads * ch.mix[m]! * demand);
    });
  });
  return out;
}

/**
 * The order of opening-pipeline entries: by stage, channel, market, taken-on before queued,
 * then by age. An entry's place in this order is the index that keys its random stream.
 * @example entries.sort(pipelineOrder)
 */
export function pipelineOrder(a: PipelineEntry, b: PipelineEntry): number {
  return (
    a.stage - b.stage ||
    a.channel - b.channel ||
    a.market - b.market ||
    Number(a.queued) - Number(b.queued) ||
    a.age - b.age
  );
}

/**
 * Splits `count` whole items over `weights` in proportion: each gets the floor of its
 * share, and the items left over go to the largest fractional parts (lower index first on
 * ties). Returns null when every weight is 0.
 * @example splitWhole(10, [1, 1, 1]) // [4, 3, 3]
 */
export function splitWhole(count: number, weights: readonly number[]): number[] | null {
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return null;
  const exact = weights.map((w) => (count * w) / total);
  const out = exact.map(Math.floor);
  let left = count - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}

type Input = NonNullable<ScenarioInput['pipeline']>[number];

/**
 * Compiles `pipeline`; absent → an empty list.
 * @example compilePipeline(ctx, [{ stage: 'opp', count: 5, age: 1 }], plan) // spread over the cohorts
 */
export function compilePipeline(
  ctx: CompileContext,
  input: ScenarioInput['pipeline'],
  plan: PipelinePlan,
): PipelineEntry[] {
  if (input === undefined || input.length === 0) return [];
  const K = plan.stages.length;
  const M = plan.markets.length;
  const leads = firstPeriodLeads(plan);
  const merged = new Map<string, PipelineEntry>();
  const add = (e: PipelineEntry) => {
    if (e.count === 0) return;
    const key = `${e.stage};${e.channel};${e.market};${e.queued ? 1 : 0};${e.age}`;
    const prev = merged.get(key);
    merged.set(key, prev === undefined ? e : { ...prev, count: prev.count + e.count });
  };
  input.forEach((item: Input, i) => {
    const at = ['pipeline', i];
    const stage = resolveRef(ctx, ctx.stages, 'stage', item.stage, [...at, 'stage']);
    const channel =
      item.channel === undefined
        ? -1
        : resolveRef(ctx, ctx.channels, 'channel', item.channel, [...at, 'channel']);
    const market =
      item.market === undefined
        ? -1
        : resolveRef(ctx, ctx.markets, 'market', item.market, [...at, 'market']);
    if (stage === K - 1) ctx.err([...at, 'stage'], msg.pipelineLastStage(item.stage));
    const queued = item.queued === true;
    if (queued && stage >= 0 && plan.stages[stage]!.role < 0)
      ctx.err([...at, 'queued'], msg.pipelineQueuedNoRole(item.stage));
    if (queued && (item.age ?? 0) > 0) ctx.err([...at, 'age'], msg.pipelineQueuedAge);
    if (stage < 0 || stage === K - 1 || (item.channel !== undefined && channel < 0)) return;
    if (item.market !== undefined && market < 0) return;
    const cohorts: number[] = [];
    for (let c = 0; c < plan.channels.length; c++) {
      if (channel >= 0 && c !== channel) continue;
      for (let m = 0; m < M; m++) if (market < 0 || m === market) cohorts.push(c * M + m);
    }
    const base = { stage, age: queued ? 0 : (item.age ?? 0), queued };
    if (cohorts.length === 1) {
      const h = cohorts[0]!;
      add({ ...base, channel: Math.floor(h / M), market: h % M, count: item.count });
      return;
    }
    const split = splitWhole(
      item.count,
      cohorts.map((h) => leads[h]!),
    );
    if (split === null) {
      ctx.err(at, msg.pipelineNoLeads(item.channel ?? null, item.market ?? null));
      return;
    }
    cohorts.forEach((h, j) => {
      add({ ...base, channel: Math.floor(h / M), market: h % M, count: split[j]! });
    });
  });
  return [...merged.values()].sort(pipelineOrder);
}
