/**
 * What-ifs: the scenario's variants (and a `--set` what-if) against the base, on the same
 * trials — a table of outcomes and paired differences, then the comparison charts. Shown
 * whenever there is something to compare.
 */
import type { TrialDifference } from '../../analysis/compare/paired.js';
import type { PlanOutcome, VariantOutcome } from '../../analysis/compare/types.js';
import { buildCompareCharts } from '../../charts/compare/index.js';
import {
  formatCount,
  formatError,
  formatMoney,
  formatPercent,
  formatTrials,
} from '../../charts/format.js';
import { escapeHtml } from '../escape.js';
import { figureHtml } from '../figure.js';
import type { ReportInput, ReportSection } from '../section.js';

/** What a plan changes: its description and its edits as dot paths. */
function changes(o: PlanOutcome): string {
  const edits = Object.entries(o.set)
    .map(
      ([path, value]) => `<code>${escapeHtml(path)}: ${escapeHtml(JSON.stringify(value))}</code>`,
    )
    .join('<br>');
  return `${escapeHtml(o.description)}${edits === '' ? '' : `<br><small>${edits}</small>`}`;
}

/** A plan by its label, with its name (what `--variants` takes) in small type when it differs. */
function planCell(o: PlanOutcome): string {
  return o.label === o.name
    ? escapeHtml(o.label)
    : `${escapeHtml(o.label)}<br><small><code>${escapeHtml(o.name)}</code></small>`;
}

/** A number cell that does not wrap inside a figure ("−$1.36M to −$1.33M"). */
const td = (text: string): string => `<td style="white-space: nowrap">${escapeHtml(text)}</td>`;

/** What-ifs section: outcome and difference tables, then the comparison charts. */
export const whatIfsSection: ReportSection = {
  id: 'compare',
  title: 'What-ifs',
  applies: ({ compare }) => compare != null && Object.keys(compare.variants).length > 0,
  render({ compare, svgs }: ReportInput): string {
    const r = compare!;
    const money = (x: number) => formatMoney(x, r.currency);
    const signed = (x: number) => (x > 0 ? `+${money(x)}` : money(x));
    const pct = (p: number | null) => (p === null ? '–' : formatPercent(p, 1));
    const spread = (d: TrialDifference) => `${signed(d.spread.p10)} to ${signed(d.spread.p90)}`;
    // Half the interval of the mean; "n/a" when one trial cannot estimate it.
    const error = (d: TrialDifference) =>
      `±${formatError(d.hi === null || d.lo === null ? null : (d.hi - d.lo) / 2, money)}`;
    const level = formatPercent(r.interval, 0);
    const hasTarget = r.targets.bookings !== null;
    const plans: [PlanOutcome, VariantOutcome | null][] = [
      [r.base, null],
      ...Object.values(r.variants).map((v): [PlanOutcome, VariantOutcome] => [v, v]),
    ];
    const row = ([o, v]: [PlanOutcome, VariantOutcome | null]) => {
      const cells = [
        money(o.bookings.p50),
        ...(hasTarget ? [pct(o.target_probability)] : []),
        v === null ? '—' : signed(v.difference.mean),
        v === null ? '' : error(v.difference),
        v === null ? '' : spread(v.difference),
        v === null ? '—' : pct(v.probability_better),
      ];
      return `<tr><th scope="row">${planCell(o)}</th><td style="text-align: left">${v === null ? 'The plan as written' : changes(o)}</td>${cells.map(td).join('')}</tr>`;
    };
    const quarters = r.targets.quarterly.map((_, q) => r.quarters[q] ?? `Q${q + 1}`);
    const second = ([o, v]: [PlanOutcome, VariantOutcome | null]) => {
      const cells = [
        money(o.profit.p50),
        v === null ? '—' : signed(v.profit_difference.mean),
        v === null ? '' : error(v.profit_difference),
        v === null ? '' : spread(v.profit_difference),
        ...o.quarterly_target_probabilities.map((p) => pct(p)),
      ];
      return `<tr><th scope="row">${planCell(o)}</th>${cells.map(td).join('')}</tr>`;
    };
    const charts = buildCompareCharts(r)
      .map((c) => figureHtml(c, svgs?.[c.name]))
      .join('\n');
    return `<p>Every plan below ran on the same ${formatTrials(r.trials)} (seed ${r.seed}): trial <i>i</i> of a variant meets the same demand, deal sizes and luck as trial <i>i</i> of the base, so each difference is the change's own effect, measured trial by trial with little Monte Carlo error.
The difference is the mean over trials of (variant − base) in horizon bookings; "simulation error" is the half-width of the ${level} interval of that mean — how far more trials could move the average, not a range of outcomes${r.trials < 2 ? ` (with ${formatCount(r.trials)} trial it cannot be estimated and reads n/a)` : ''}. Trial by trial the difference spreads far wider: in eight trials of ten it lies between the P10 and the P90 given. "Better in" is the share of trials in which the variant books strictly more than the base. The charts below give each plan's spread (P10 to P90).</p>
<table class="numbers what-ifs">
<thead><tr><th scope="col">Plan</th><th scope="col">What changes</th><th scope="col">Bookings, median</th>${hasTarget ? `<th scope="col">Chance of reaching ${escapeHtml(money(r.targets.bookings!))}</th>` : ''}<th scope="col">Difference to the base</th><th scope="col">simulation error of that mean (${level})</th><th scope="col">Trial by trial, P10 to P90</th><th scope="col">Better in</th></tr></thead>
<tbody>
${plans.map(row).join('\n')}
</tbody></table>
<table class="numbers">
<thead><tr><th scope="col">Plan</th><th scope="col">Profit, median</th><th scope="col">Profit difference</th><th scope="col">simulation error (${level})</th><th scope="col">Trial by trial, P10 to P90</th>${quarters.map((q, i) => `<th scope="col">Chance of ${escapeHtml(money(r.targets.quarterly[i]!))} in ${escapeHtml(q)}</th>`).join('')}</tr></thead>
<tbody>
${plans.map(second).join('\n')}
</tbody></table>
${charts}`;
  },
};
