/**
 * The Quota section, present when the scenario has a `quota` block: the team target with
 * its Monte Carlo error, the total quota, the per-rep quota table with each rep's chance of
 * reaching quota, a warning when fewer than half are expected to, and the quota charts.
 */
import type { QuotaResult } from '../../analysis/quota/types.js';
import {
  formatError,
  formatMoney,
  formatPercent,
  formatProbability,
  formatTrials,
} from '../../charts/format.js';
import { escapeHtml } from '../escape.js';
import type { ReportInput, ReportSection } from '../section.js';
import { chartsSection } from './charts.js';

const cell = (text: string) => `<td>${escapeHtml(text)}</td>`;

function keyNumbers(q: QuotaResult): string {
  const money = (x: number) => formatMoney(x, q.currency);
  const s = q.share_reaching_quota;
  const rows: [string, string][] = [
    [
      `Team target (reached with ${formatPercent(q.confidence)} probability)`,
      q.team_target_interval === null || q.team_target_se === null
        ? `${money(q.team_target)} (too few trials for a Monte Carlo error)`
        : `${money(q.team_target)} ± ${money(q.team_target_se)} (${formatPercent(q.team_target_interval.level)} interval ${money(q.team_target_interval.lo)} – ${money(q.team_target_interval.hi)})`,
    ],
    [
      `Total quota (team target × ${q.over_assignment})`,
      `${money(q.total_quota)}; the team books it in ${formatProbability(q.probability_total_quota.probability, q.probability_total_quota.se)} of trials`,
    ],
    [
      'Reps reaching quota',
      `${formatPercent(s.mean)} on average ± ${formatError(s.se, (x) => `${(x * 100).toFixed(1)} pp`)} (P10 ${formatPercent(s.p10)}, median ${formatPercent(s.p50)}, P90 ${formatPercent(s.p90)})`,
    ],
    ['Mean attainment of the team', formatPercent(q.team_attainment)],
    [
      'Expected backfills within the horizon',
      `${q.expected_backfills.toFixed(1)} reps, each taking over the quota of the seat it fills`,
    ],
  ];
  return `<table class="facts">\n${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n')}\n</table>`;
}

function repTable(q: QuotaResult): string {
  const money = (x: number) => formatMoney(x, q.currency);
  const pct = (x: number | null) => (x === null ? '–' : formatPercent(x));
  const head = [
    'Rep',
    'First month',
    'Share',
    'Quota',
    ...q.quarters,
    'Reaches quota',
    'Mean attainment',
  ]
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('');
  const rows = q.reps.map((r) => {
    const chance =
      r.probability_reaching === null
        ? '–'
        : formatProbability(r.probability_reaching, r.probability_reaching_se);
    return `<tr><th scope="row">${escapeHtml(r.id)}</th>${[
      `${r.start}${r.kind === 'hire' ? ' (hire)' : ''}`,
      formatPercent(r.capacity_share, 1),
      money(r.quota),
      // A quarter that ends before the rep's first month has no quota, not a quota of 0.
      ...r.quarterly.map((x, i) => (3 * (i + 1) <= r.start_period ? '–' : money(x))),
      chance,
      pct(r.expected_attainment),
    ]
      .map(cell)
      .join('')}</tr>`;
  });
  const total = `<tr><th scope="row">Team</th>${[
    '',
    formatPercent(1, 1),
    money(q.total_quota),
    ...q.quarterly_quota.map(money),
    '',
    pct(q.team_attainment),
  ]
    .map(cell)
    .join('')}</tr>`;
  return `<table class="numbers">
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
${total}
</tbody></table>`;
}

/** Quota section: renders nothing but a note when the run has no quota analysis. */
export const quotaSection: ReportSection = {
  id: 'quota',
  title: 'Quota',
  applies: (input) => input.quota !== undefined,
  render(input: ReportInput): string {
    const quota = input.quota;
    if (quota === undefined) return '<p>The scenario sets no quota.</p>';
    const q = quota.result;
    const over =
      q.over_assignment > 1
        ? `the total quota adds ${formatPercent(q.over_assignment - 1)} over-assignment and is split`
        : 'the total quota equals it and is split';
    const warnings = q.warnings
      .map((w) => `<p class="warning"><strong>Warning:</strong> ${escapeHtml(w)}.</p>`)
      .join('\n');
    // Numbers and ids read badly broken over two lines; the table scrolls rather than wraps.
    const style =
      '<style>#quota table.numbers td, #quota table.numbers th { white-space: nowrap; } #quota .table-wrap { overflow-x: auto; }</style>';
    return `${style}
<p class="run">Quotas for ${escapeHtml(q.role_label)} (role <code>${escapeHtml(q.role)}</code>), from the ${formatTrials(q.trials)} of this forecast.
The team target is the horizon bookings the team reaches in ${formatPercent(q.confidence)} of trials; ${over} over the reps in proportion to their expected ramped capacity, month by month, weighted by the forecast's bookings in that month.
A rep hired later, or still ramping, gets less; a leaver's backfill takes over the seat and its quota.</p>
${warnings}
${keyNumbers(q)}
<div class="table-wrap">
${repTable(q)}
</div>
<p>Attainment: in each trial the team's bookings of a month are credited to the reps there that month, in proportion to their ramp and a performance multiplier per rep (lognormal, mean 1, coefficient of variation ${q.performance_cv}); “Reaches quota” is the share of trials in which the bookings credited to the seat reach its quota, ± one Monte Carlo standard error.</p>
${chartsSection.render({ ...input, charts: quota.charts })}`;
  },
};
