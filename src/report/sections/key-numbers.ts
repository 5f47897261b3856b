/**
 * The key numbers, readable without JavaScript: P10/P50/P90 and mean ± Monte Carlo
 * error of horizon bookings and profit, and the probability of reaching each target.
 */
import type { Summary } from '../../analysis/types.js';
import {
  formatCount,
  formatError,
  formatMoney,
  formatProbability,
  formatTrials,
} from '../../charts/format.js';
import { escapeHtml } from '../escape.js';
import type { ReportInput, ReportSection } from '../section.js';

/** A standard error to two significant digits (a count's SE is often below 1); "n/a" for one trial. */
function errorText(se: number | null, fmt: (x: number) => string): string {
  return formatError(se, (x) => (x >= 100 ? fmt(x) : String(Number(x.toPrecision(2)))));
}

function row(label: string, s: Summary, fmt: (x: number) => string): string {
  const cells = [s.p10, s.p50, s.p90].map((x) => `<td>${escapeHtml(fmt(x))}</td>`).join('');
  return `<tr><th scope="row">${escapeHtml(label)}</th>${cells}<td>${escapeHtml(fmt(s.mean))} ± ${escapeHtml(errorText(s.se, fmt))}</td></tr>`;
}

/** Key numbers section: outcome quantiles with their Monte Carlo error, then target probabilities. */
export const keyNumbersSection: ReportSection = {
  id: 'key-numbers',
  title: 'Key numbers',
  render({ result }: ReportInput): string {
    const money = (x: number) => formatMoney(x, result.currency);
    const m = result.metrics;
    const outcomes = [
      row('Bookings', m.bookings.total, money),
      row('New bookings', m.new_bookings.total, money),
      ...(m.repeat_bookings.total.mean > 0
        ? [row('Repeat bookings', m.repeat_bookings.total, money)]
        : []),
      row('Gross profit after costs', m.profit.total, money),
      row('Deals won', m.wins.total, formatCount),
      row('Leads', m.leads.total, formatCount),
    ].join('\n');
    const targets: string[] = [];
    const t = result.targets;
    if (t.bookings) {
      targets.push(
        `<tr><th scope="row">Bookings over the horizon</th><td>${escapeHtml(money(t.bookings.value))}</td><td>${escapeHtml(formatProbability(t.bookings.probability, t.bookings.se))}</td></tr>`,
      );
    }
    (t.quarterly_detail ?? []).forEach((q, i) => {
      const label = `Bookings in ${result.quarters[i] ?? `quarter ${i + 1}`}`;
      targets.push(
        `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(money(q.value))}</td><td>${escapeHtml(formatProbability(q.probability, q.se))}</td></tr>`,
      );
    });
    if (t.profit) {
      targets.push(
        `<tr><th scope="row">Profit over the horizon</th><td>${escapeHtml(money(t.profit.value))}</td><td>${escapeHtml(formatProbability(t.profit.probability, t.profit.se))}</td></tr>`,
      );
    }
    const targetTable =
      targets.length === 0
        ? '<p id="targets">The scenario sets no targets.</p>'
        : `<table class="numbers" id="targets">
<thead><tr><th scope="col">Target</th><th scope="col">Value</th><th scope="col">Probability of reaching it ± 1 s.e.</th></tr></thead>
<tbody>
${targets.join('\n')}
</tbody></table>`;
    return `<p class="run">Over the whole horizon, from ${formatTrials(result.trials)} (seed ${result.seed}).
P10 means 90% of trials did better; P90 means 10% did better. ± is the Monte Carlo standard error of the mean${result.metrics.bookings.total.se === null ? `; with ${formatCount(result.trials)} trial it cannot be estimated and reads n/a` : ''}.</p>
<table class="numbers">
<thead><tr><th scope="col"></th><th scope="col">P10</th><th scope="col">Median</th><th scope="col">P90</th><th scope="col">Mean ± MC error</th></tr></thead>
<tbody>
${outcomes}
</tbody></table>
${targetTable}`;
  },
};
