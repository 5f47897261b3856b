/**
 * Keyed random streams inside a trial: one stream per purpose, so that changing one input
 * moves no draw that does not depend on it (common random numbers that really pair).
 *
 *   stream of (seed, trial, kind, a, b) = xoshiro128** started from
 *       Threefry-4×32-20(counter = (trial, kind, a, b), key = (seed low, seed high, 0, 0))
 *
 * Kinds and their (a, b) are listed in {@link STREAM}; docs/model.md ("Random streams")
 * says which draws each one feeds. A stream is seeded the first time a trial uses it (one
 * Threefry block, ~20 ns), so streams a trial never touches cost nothing. Every stream's
 * state is preallocated: switching streams creates nothing.
 */
import type { Model } from '../model/types.js';
import { KEY_DOMAIN, nameWords, type Rng, seedState, TWO_32 } from './rng.js';

/**
 * Stream kinds (the counter's second word) and what (a, b) name. These numbers are part of
 * what a seed means: changing one changes every result.
 */
export const STREAM = {
  /** An uncertain input; (a, b) = two words of the digest of its dot path. */
  param: 1,
  /** Attrition of role a. */
  team: 2,
  /** The per-period gamma multiplier of channel a's leads (`leads_cv`). */
  gamma: 3,
  /** Leads of cohort a (channel × market), and their split by lag and outcome. */
  leads: 4,
  /** Outcomes (beyond the horizon, advance) of items taken on at stage a, cohort b. */
  schedule: 5,
  /** Lags of the advancing items taken on at stage a, cohort b. */
  lags: 6,
  /** Lags of the items taken on at stage a that will drop out (all cohorts). */
  drops: 7,
  /** The odd items of role a's capacity share. */
  share: 8,
  /** Queue loss at stage a, cohort b. */
  loss: 9,
  /** Deal sizes of cohort a. */
  deals: 10,
  /** Repeat deals and their sizes. */
  repeat: 11,
  /** Churned accounts. */
  churn: 12,
  /** Outcomes and remaining lags of opening-pipeline entry a. */
  pipeline: 13,
} as const;

/** Where each stream of a model sits among a trial's stream slots. */
export class StreamPlan {
  /** Per slot: counter words (kind, a, b). */
  readonly words: Int32Array;
  readonly slots: number;
  readonly param: Int32Array;
  readonly team: number;
  readonly gamma: number;
  readonly leads: number;
  readonly schedule: number;
  readonly lags: number;
  readonly drops: number;
  readonly share: number;
  readonly loss: number;
  readonly deals: number;
  readonly repeat: number;
  readonly churn: number;
  readonly pipeline: number;
  /** Cohorts (channels × markets), the stride of per-(stage, cohort) slots. */
  readonly H: number;

  constructor(model: Model) {
    const P = model.params.length;
    const R = model.roles.length;
    const C = model.channels.length;
    const H = C * model.markets.length;
    const K = model.stages.length;
    this.H = H;
    const words: number[] = [];
    const add = (kind: number, count: number, ab: (i: number) => readonly [number, number]) => {
      const first = words.length / 3;
      for (let i = 0; i < count; i++) words.push(kind, ...ab(i));
      return first;
    };
    this.param = Int32Array.from({ length: P }, (_, p) => {
      const [w0, w1] = nameWords(model.params[p]!.path);
      return add(STREAM.param, 1, () => [w0, w1]);
    });
    this.team = add(STREAM.team, R, (r) => [r, 0]);
    this.gamma = add(STREAM.gamma, C, (c) => [c, 0]);
    this.leads = add(STREAM.leads, H, (h) => [h, 0]);
    this.schedule = add(STREAM.schedule, K * H, (i) => [Math.floor(i / H), i % H]);
    this.lags = add(STREAM.lags, K * H, (i) => [Math.floor(i / H), i % H]);
    this.drops = add(STREAM.drops, K, (k) => [k, 0]);
    this.share = add(STREAM.share, R, (r) => [r, 0]);
    this.loss = add(STREAM.loss, K * H, (i) => [Math.floor(i / H), i % H]);
    this.deals = add(STREAM.deals, H, (h) => [h, 0]);
    this.repeat = add(STREAM.repeat, 1, () => [0, 0]);
    this.churn = add(STREAM.churn, 1, () => [0, 0]);
    this.pipeline = add(STREAM.pipeline, model.pipeline.length, (e) => [e, 0]);
    this.words = Int32Array.from(words);
    this.slots = words.length / 3;
  }
}

/**
 * The streams of one trial at a time. {@link begin} starts a trial, {@link use} selects the
 * stream the next draws come from, and {@link next} is the generator every sampler takes (one
 * closure for every stream, so sampler call sites stay monomorphic).
 * @example
 * const rs = new TrialStreams(new StreamPlan(model));
 * rs.begin(2027, 0); rs.use(plan.churn); binomial(rs.next, 1000, 0.01);
 */
export class TrialStreams {
  /** Uniform in [0, 1) from the selected stream: xoshiro128**'s next output / 2³². */
  readonly next: Rng;
  private readonly state: Int32Array;
  /** Per slot: the trial generation it was seeded for. */
  private readonly stamp: Int32Array;
  private generation = 0;
  private at = 0;
  private seedLo = 0;
  private seedHi = 0;
  private trial = 0;

  constructor(private readonly plan: StreamPlan) {
    this.state = new Int32Array(plan.slots * 4);
    this.stamp = new Int32Array(plan.slots);
    const s = this.state;
    this.next = () => {
      const o = this.at;
      let s0 = s[o]!;
      let s1 = s[o + 1]!;
      let s2 = s[o + 2]!;
      let s3 = s[o + 3]!;
      const m = Math.imul(s1, 5);
      const out = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s[o] = s0;
      s[o + 1] = s1;
      s[o + 2] = s2;
      s[o + 3] = (s3 << 11) | (s3 >>> 21);
      return (out >>> 0) / TWO_32;
    };
  }

  /** Starts trial `trial` under `seed`: every stream will start afresh when first used. */
  begin(seed: number, trial: number): void {
    this.seedLo = (seed % TWO_32) | 0;
    this.seedHi = Math.floor(seed / TWO_32) | 0;
    this.trial = trial;
    this.generation = (this.generation + 1) | 0;
    if (this.generation === 0) {
      // After 2³² trials the stamps would repeat: clear them instead.
      this.stamp.fill(0);
      this.generation = 1;
    }
  }

  /** Makes slot `slot` (see {@link StreamPlan}) the stream {@link next} draws from. */
  use(slot: number): void {
    if (this.stamp[slot] !== this.generation) this.seedSlot(slot, this.seedLo, this.seedHi);
    this.at = 4 * slot;
  }

  /**
   * Like {@link use}, but the slot's stream is the one it has under another seed (same
   * trial and purpose): how a pick-freeze design gives one input another run's draws.
   */
  useSeeded(slot: number, seed: number): void {
    if (this.stamp[slot] !== this.generation) {
      this.seedSlot(slot, (seed % TWO_32) | 0, Math.floor(seed / TWO_32) | 0);
    }
    this.at = 4 * slot;
  }

  private seedSlot(slot: number, seedLo: number, seedHi: number): void {
    const w = this.plan.words;
    const k = 3 * slot;
    seedState(
      seedLo,
      seedHi,
      KEY_DOMAIN.trial,
      this.trial,
      w[k]!,
      w[k + 1]!,
      w[k + 2]!,
      this.state,
      4 * slot,
    );
    this.stamp[slot] = this.generation;
  }
}
