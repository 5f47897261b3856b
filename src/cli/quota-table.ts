/** The readable terminal summary of a quota: team target with its error, per-rep quotas, attainment. */
import type { QuotaResult } from '../analysis/quota/types.js';
import { formatCompact as compact, formatPercent } from '../charts/format.js';
import { QUOTA_INTERVAL_LEVEL } from '../defaults.js';
import { table } from './format.js';

const pct = (p: number | null, decimals = 0): string =>
  p === null ? '–' : formatPercent(p, decimals);

/** Quarters per block of the table: long horizons wrap instead of running off the screen. */
const QUARTERS_PER_BLOCK = 4;

/** The team target's Monte Carlo error, or why there is none. */
function targetError(q: QuotaResult): string {
  const i = q.team_target_interval;
  if (i === null || q.team_target_se === null)
    return `Monte Carlo error not available: ${q.trials.toLocaleString('en-US')} ${q.trials === 1 ? 'trial is' : 'trials are'} too few for a ${pct(QUOTA_INTERVAL_LEVEL)} interval; run more trials`;
  return `Monte Carlo error ± ${compact(q.team_target_se)} (${pct(i.level)} interval ${compact(i.lo)}–${compact(i.hi)})`;
}

/**
 * A share of trials with its standard error; as a count of trials when the error is 0 (every
 * trial or none) or unknown (one trial), which says how little a few trials show instead of
 * claiming no error.
 */
function probabilityText(p: { probability: number; se: number | null }, trials: number): string {
  if (p.se !== null && p.se > 0) return `${pct(p.probability, 1)} ± ${pct(p.se, 1)} of trials`;
  return `${Math.round(p.probability * trials).toLocaleString('en-US')} of ${trials.toLocaleString('en-US')} ${trials === 1 ? 'trial' : 'trials'}`;
}

/** Lines on the bookings no seat is credited with, when there are any. */
function outsideRoster(q: QuotaResult): string[] {
  const { uncredited, unrostered } = q.outside_roster;
  const lines: string[] = [];
  if (uncredited > 0)
    lines.push(
      `bookings in months with no ${q.role} rep: ${pct(uncredited, 1)} of the horizon's, in the target but earned by no seat${uncredited < 1 ? ` (rep quotas ≈ ${(1 / (1 - uncredited)).toFixed(2)}× what the reps can book)` : ''}`,
    );
  if (unrostered > 0)
    lines.push(
      `bookings of reps above the planned headcount: ${pct(unrostered, 1)} of the horizon's, credited to no seat`,
    );
  return lines;
}

/**
 * Renders the terminal table of a quota result.
 * @example quotaTable(q) // 'Acme FY2027 plan: 10,000 trials, …'
 */
export function quotaTable(q: QuotaResult): string {
  const Q = q.quarters.length;
  const blocks: string[] = [];
  for (let from = 0; from < Q || from === 0; from += QUARTERS_PER_BLOCK) {
    const to = Math.min(Q, from + QUARTERS_PER_BLOCK);
    const last = to === Q;
    const head = [
      'rep',
      'start',
      'share',
      'quota',
      ...q.quarters.slice(from, to),
      ...(last ? ['P(reach)', 'attainment'] : []),
    ];
    const rows = q.reps.map((r) => [
      r.id,
      r.start,
      pct(r.capacity_share, 1),
      compact(r.quota),
      // A quarter that ends before the rep's first month has no quota, not a quota of 0.
      ...r.quarterly
        .slice(from, to)
        .map((x, i) => (3 * (from + i + 1) <= r.start_period ? '–' : compact(x))),
      ...(last ? [pct(r.probability_reaching), pct(r.expected_attainment)] : []),
    ]);
    const total = [
      'team',
      '',
      pct(1, 1),
      compact(q.total_quota),
      ...q.quarterly_quota.slice(from, to).map((x) => compact(x)),
      ...(last ? ['', pct(q.team_attainment)] : []),
    ];
    blocks.push(table([head, ...rows, total]));
  }
  const s = q.share_reaching_quota;
  const money = (x: number) => compact(x);
  const lines = [
    `${q.scenario}${q.variant ? ` — variant ${q.variant}` : ''}: ${q.trials.toLocaleString('en-US')} ${q.trials === 1 ? 'trial' : 'trials'}, seed ${q.seed} (${q.currency}) — quotas for role ${q.role}`,
    '',
    `team target ${money(q.team_target)}: the horizon bookings reached with ${pct(q.confidence)} probability`,
    `  ${targetError(q)}`,
    `total quota ${money(q.total_quota)} = team target × ${q.over_assignment} over-assignment`,
    `  the team books it in ${probabilityText(q.probability_total_quota, q.trials)}`,
    '',
    blocks.join('\n\n'),
    '',
    `share: expected ramped capacity share, month by month, weighted by the forecast's bookings`,
    `P(reach): chance of reaching quota; attainment: mean of credited bookings / quota`,
    `reps reaching quota: ${pct(s.mean)} on average (P10 ${pct(s.p10)}, median ${pct(s.p50)}, P90 ${pct(s.p90)})`,
    `rep performance spread (coefficient of variation): ${q.performance_cv}`,
    `expected backfills: ${q.expected_backfills.toFixed(1)} reps, each taking over the quota of the seat it fills`,
    ...outsideRoster(q),
  ];
  return `${lines.join('\n')}\n`;
}
