/**
 * quota — the team target at a chosen confidence, split into per-rep quotas by expected
 * ramped capacity, and the attainment those quotas give across the simulated trials.
 *
 *   rows (forecast tee) ──► per trial: horizon bookings, bookings credited to each seat
 *            │                         (credit.ts: reps rebuilt from headcount and leavers)
 *            ▼
 *   team target = (1 − confidence) quantile of horizon bookings   (team-target.ts)
 *   total quota = team target × over_assignment
 *            ▼
 *   seats (roster.ts) × expected ramped capacity (seat-chain.ts) × bookings profile
 *            ──► per-seat quotas by period and quarter              (split.ts)
 *            ▼
 *   attainment = credited / quota, tallied over trials              (attainment.ts)
 */
import { QUOTA_STORE_BYTES, QUOTA_UNCREDITED_WARN } from '../../defaults.js';
import type { Model } from '../../model/types.js';
import { buildLayout } from '../../sim/layout.js';
import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import { silentLogger } from '../../util/logger.js';
import { ColumnMoments } from '../../util/moments.js';
import { checkOwnVariant } from '../own-variant.js';
import { checkOptionNames, checkRunOptions, type OptionNames } from '../run-options.js';
import { standardError } from '../standard-error.js';
import { exceedance } from '../summarise.js';
import { summaryOf } from '../summary-of.js';
import type { ForecastResult } from '../types.js';
import { ATTAINMENT_BIN, AttainmentTally } from './attainment.js';
import { SeatCredit } from './credit.js';
import { expectedCapacity } from './expected-capacity.js';
import { quotaMsg } from './messages.js';
import { buildRoster } from './roster.js';
import { forecastRows, type TrialRows, type TrialRowsOptions } from './rows.js';
import { type OverrideNames, type QuotaOverrides, resolveQuotaSettings } from './settings.js';
import { splitQuota } from './split.js';
import { quantileWithInterval } from './team-target.js';
import type { QuotaRep, QuotaResult } from './types.js';

export type { QuotaOverrides } from './settings.js';
export type { QuotaRep, QuotaResult } from './types.js';

/** Options of {@link quota}: overrides of the scenario's `quota` block and how to run. */
export interface QuotaOptions extends QuotaOverrides, TrialRowsOptions {
  /**
   * Bytes of per-trial, per-rep credited bookings kept in memory (default 256 MiB); a larger
   * run reads its trials a second time instead (same numbers, twice the simulation time).
   */
  readonly storeBytes?: number;
  /** Where per-trial rows come from (default: the forecast of `model`). */
  readonly rows?: TrialRows;
  /** How overrides are named in error messages (the CLI passes its flags). */
  readonly names?: OverrideNames;
  /**
   * Only a check: the variant the model was compiled as (`model.variant`, null for the base),
   * which the result's `variant` always names; another is an InputError. A variant's quota is
   * the quota of its plan: `quota(await loadModel(file, { variant: 'hire_q2' }))`.
   */
  readonly variant?: string | null | undefined;
}

const QUOTA_OPTIONS: OptionNames<QuotaOptions> = {
  role: true,
  confidence: true,
  overAssignment: true,
  performanceCv: true,
  workers: true,
  onProgress: true,
  logger: true,
  storeBytes: true,
  rows: true,
  names: true,
  variant: true,
};

/** Growable list of per-trial values, in trial order. */
class Values {
  data = new Float64Array(1024);
  size = 0;
  push(x: number): void {
    if (this.size === this.data.length) {
      const wider = new Float64Array(2 * this.size);
      wider.set(this.data);
      this.data = wider;
    }
    this.data[this.size++] = x;
  }
  get values(): Float64Array {
    return this.data.subarray(0, this.size);
  }
}

/**
 * The quota analysis of `model` and the forecast it was computed from, from one simulation
 * (two when per-rep results outgrow `storeBytes`).
 * @throws InputError naming a bad override, or a `variant` that is not the model's own.
 * @example const { quota, forecast } = await quotaWithForecast(model, { workers: 2 });
 */
export async function quotaWithForecast(
  model: Model,
  opts: QuotaOptions = {},
): Promise<{ quota: QuotaResult; forecast: ForecastResult }> {
  // Settings are checked before any thread starts.
  checkArgument('quota', 'model', model, ARG.model);
  checkOptionNames('quota', opts, QUOTA_OPTIONS);
  checkRunOptions('quota', opts);
  checkOwnVariant('quota', model, opts.variant);
  resolveQuotaSettings(model, opts, opts.names);
  const own = opts.rows === undefined ? forecastRows(model, opts) : null;
  const rows = opts.rows ?? own!;
  try {
    return await quotaFromRows(model, opts, rows);
  } finally {
    await own?.close();
  }
}

/** {@link quotaWithForecast} on given per-trial rows. */
async function quotaFromRows(
  model: Model,
  opts: QuotaOptions,
  rows: TrialRows,
): Promise<{ quota: QuotaResult; forecast: ForecastResult }> {
  const settings = resolveQuotaSettings(model, opts, opts.names);
  const logger = opts.logger ?? silentLogger;
  const layout = buildLayout(model);
  const roster = buildRoster(model, settings.role);
  const S = roster.seats.length;
  const T = model.calendar.periods;
  const credit = new SeatCredit(model, layout, roster, settings.performanceCv);
  const budget = opts.storeBytes ?? QUOTA_STORE_BYTES;

  const bookings = new Values();
  const months = new ColumnMoments(S);
  let unrostered = 0;
  let uncredited = 0;
  let kept: Float64Array[] | null = [];
  let keptBytes = 0;
  const forecast = await rows.forecast((from, count, batch) => {
    const block = kept === null ? null : new Float64Array(count * S);
    for (let i = 0; i < count; i++) {
      const c = credit.credit(from + i, batch, i * layout.width);
      bookings.push(c.bookings);
      months.push(c.months);
      if (c.bookings > 0) {
        unrostered += c.unrostered / c.bookings;
        uncredited += c.uncredited / c.bookings;
      }
      block?.set(c.credit, i * S);
    }
    if (kept !== null && block !== null) {
      keptBytes += block.byteLength;
      if (keptBytes > budget) kept = null;
      else kept.push(block);
    }
  });
  const n = bookings.size;
  if (n !== forecast.trials)
    throw new Error(`quota: expected ${forecast.trials} trials' rows, got ${n}`);

  const sorted = bookings.values.slice().sort();
  const target = quantileWithInterval(sorted, 1 - settings.confidence);
  const total = target.value * settings.overAssignment;
  const expected = expectedCapacity(model, roster);
  const split = splitQuota(
    total,
    expected.capacity,
    forecast.metrics.bookings.periods.map((p) => p.mean),
    T,
  );

  const tally = new AttainmentTally(split.quota);
  if (kept !== null) {
    for (const block of kept)
      for (let i = 0; i < block.length / Math.max(1, S); i++)
        tally.add(block.subarray(i * S, (i + 1) * S));
  } else {
    // Too many trials × reps to keep: read the same trials again (every number is recomputed
    // from its own streams, so the credits are exactly those of the first reading).
    await rows.replay(n, (from, count, batch) => {
      for (let i = 0; i < count; i++)
        tally.add(credit.credit(from + i, batch, i * layout.width).credit);
    });
  }
  const att = tally.result();

  const Q = model.calendar.quarterLabels.length;
  const quarterly = (s: number): number[] => {
    const out = new Array<number>(Q).fill(0);
    for (let t = 0; t < T; t++) out[model.calendar.quarterOf[t]!]! += split.monthly[s * T + t]!;
    return out;
  };
  const reps: QuotaRep[] = roster.seats.map((seat, s) => {
    const a = att.seats[s]!;
    let ramped = 0;
    for (let t = 0; t < T; t++) ramped += expected.capacity[s * T + t]!;
    return {
      id: seat.id,
      quota: split.quota[s]!,
      expected_attainment: a.mean,
      expected_attainment_se: a.se,
      probability_reaching: a.probability,
      probability_reaching_se: a.probabilitySe,
      kind: seat.kind,
      start: model.calendar.labels[seat.start]!,
      start_period: seat.start,
      capacity_share: split.share[s]!,
      ramped_months: ramped,
      simulated_ramped_months: months.meanOf(s),
      simulated_ramped_months_se: standardError(months.sdOf(s), n),
      expected_backfills: expected.backfills[s]!,
      quarterly: quarterly(s),
      monthly: Array.from(split.monthly.subarray(s * T, (s + 1) * T)),
    };
  });
  const quarterlyQuota = Array.from({ length: Q }, (_, i) =>
    reps.reduce((sum, r) => sum + r.quarterly[i]!, 0),
  );

  const warnings: string[] = [];
  const role = roster.role;
  if (model.params[role.headcount]!.dist.kind !== 'fixed')
    warnings.push(quotaMsg.uncertainHeadcount(role.id, roster.starting));
  if (!(target.value > 0)) warnings.push(quotaMsg.zeroTarget);
  else {
    const none = reps.filter((r) => !(r.quota > 0)).map((r) => r.id);
    if (none.length > 0) warnings.push(quotaMsg.zeroQuota(none));
    if (none.length < reps.length && att.share.mean < 0.5)
      warnings.push(quotaMsg.fewReach(att.share.mean));
  }
  const outside = {
    unrostered: unrostered / Math.max(1, n),
    uncredited: uncredited / Math.max(1, n),
  };
  if (outside.uncredited >= QUOTA_UNCREDITED_WARN)
    warnings.push(quotaMsg.uncredited(role.id, outside.uncredited));
  for (const w of warnings) logger.warn(w);

  const quota: QuotaResult = {
    role: role.id,
    confidence: settings.confidence,
    team_target: target.value,
    reps,
    share_reaching_quota: att.share,
    role_label: role.label,
    team_target_se: target.se,
    team_target_interval:
      target.lo === null || target.hi === null
        ? null
        : { level: target.level, lo: target.lo, hi: target.hi },
    over_assignment: settings.overAssignment,
    total_quota: total,
    performance_cv: settings.performanceCv,
    scenario: forecast.scenario,
    currency: forecast.currency,
    trials: forecast.trials,
    seed: forecast.seed,
    sampling: forecast.sampling,
    variant: model.variant,
    periods: forecast.periods,
    quarters: forecast.quarters,
    bookings: summaryOf(bookings.values),
    probability_team_target: exceedance(sorted, target.value),
    probability_total_quota: exceedance(sorted, total),
    quarterly_quota: quarterlyQuota,
    profile: Array.from(split.profile),
    reps_reaching: att.reaching,
    attainment_histogram: { bin_width: ATTAINMENT_BIN, counts: att.histogram },
    team_attainment: att.team,
    expected_backfills: expected.backfills.reduce((a, b) => a + b, 0),
    outside_roster: outside,
    warnings,
  };
  return { quota, forecast };
}

/**
 * Quotas from the forecast: the team target that the team reaches with probability
 * `confidence` (the (1 − confidence) quantile of horizon bookings, with a distribution-free
 * interval as its Monte Carlo error), total quota = team target × over_assignment, split over
 * the quota role's seats (starting headcount, planned hires; backfills take over their seat)
 * in proportion to expected ramped capacity period by period, and each rep's attainment
 * across trials. Settings come from the scenario's `quota` block; `options` override them.
 * See docs/quota.md.
 * @example
 * const model = await loadModel('scenarios/b2b-saas.yaml');
 * const q = await quota(model, { confidence: 0.7 });
 * console.log(q.team_target, q.reps.map((r) => [r.id, r.quota, r.probability_reaching]));
 */
export async function quota(model: Model, options: QuotaOptions = {}): Promise<QuotaResult> {
  return (await quotaWithForecast(model, options)).quota;
}
