/**
 * The Reforecast section, present when the run was given actuals (`salesops run --actuals`):
 * which months are actuals and what they booked, the year against the plan's own forecast
 * (bookings interval, target probabilities), and what the actuals changed — stage rates,
 * lead levels, the open pipeline, team and accounts at the first forecast month — with the
 * notes. The report's other sections and charts show the reforecast itself.
 */
import {
  formatCompact,
  formatCount,
  formatMoney,
  formatPercent,
  formatProbability,
} from '../../charts/format.js';
import { escapeHtml } from '../escape.js';
import type { ReportInput, ReportSection } from '../section.js';

const th = (t: string) => `<th scope="col">${escapeHtml(t)}</th>`;
const td = (t: string) => `<td>${escapeHtml(t)}</td>`;
const row = (head: string, cells: readonly string[]) =>
  `<tr><th scope="row">${escapeHtml(head)}</th>${cells.map(td).join('')}</tr>`;

/** Reforecast section (see the module doc). */
export const reforecastSection: ReportSection = {
  id: 'reforecast',
  title: 'Reforecast from actuals',
  applies: (input) => input.reforecast !== undefined,
  render(input: ReportInput): string {
    const rf = input.reforecast;
    if (rf === undefined) return '<p>This run has no actuals.</p>';
    const { result: r, plan } = rf;
    const f = r.forecast;
    const k = r.actuals.periods;
    const money = (x: number) => formatMoney(x, f.currency);
    let booked = 0;
    let repeat = 0;
    for (let t = 0; t < k; t++) {
      booked += f.metrics.new_bookings.periods[t]!.mean;
      repeat += f.metrics.repeat_bookings.periods[t]!.mean;
    }
    const repeatWords =
      repeat > 0
        ? `, plus ${money(repeat)} of repeat business on average, which the actuals do not carry and the plan's simulation of those months supplies`
        : '';
    const b = f.metrics.bookings.total;
    const p = plan.metrics.bookings.total;
    const interval = (s: { p10: number; p50: number; p90: number }) =>
      [money(s.p10), money(s.p50), money(s.p90), money(s.p90 - s.p10)] as const;
    const targetRows: string[] = [];
    const tp = plan.targets.bookings;
    const tr = f.targets.bookings;
    if (tp !== undefined && tr !== undefined)
      targetRows.push(
        row(`P(bookings ≥ ${money(tp.value)})`, [
          formatProbability(tp.probability, tp.se),
          formatProbability(tr.probability, tr.se),
        ]),
      );
    plan.targets.quarterly_detail?.forEach((q, i) => {
      const d = f.targets.quarterly_detail?.[i];
      if (d === undefined) return;
      // A partial last quarter has fewer than 3 months (its label says how many).
      const n = Math.min(3, f.periods.length - 3 * i);
      const actual = Math.max(0, Math.min(n, k - 3 * i));
      const months =
        actual === 0
          ? ''
          : actual === n
            ? ' (all months actual)'
            : ` (${actual} of ${n} months actual)`;
      targetRows.push(
        row(`P(${f.quarters[i]} bookings ≥ ${money(q.value)})${months}`, [
          formatProbability(q.probability, q.se),
          formatProbability(d.probability, d.se),
        ]),
      );
    });
    const compare = `<table class="numbers">
<thead><tr>${th('')}${th('Plan, no actuals')}${th(`With actuals to ${r.actuals.through}`)}</tr></thead>
<tbody>
${row('Horizon bookings P10', [interval(p)[0], interval(b)[0]])}
${row('Median', [interval(p)[1], interval(b)[1]])}
${row('P90', [interval(p)[2], interval(b)[2]])}
${row('Width of the 80% interval', [interval(p)[3], interval(b)[3]])}
${targetRows.join('\n')}
</tbody></table>`;
    const rates = r.rates
      .map((u) =>
        row(u.stage, [
          formatPercent(u.prior.mean, 1),
          u.method === 'fixed' ? 'fixed in the plan' : formatPercent(u.posterior.mean, 1),
          `${formatCount(u.successes)} of ${formatCompact(u.trials)}`,
        ]),
      )
      .join('\n');
    const leads = r.leads
      .map((m) =>
        row(m.market, [
          `${formatCount(m.observed)} (plan ${formatCompact(m.expected)})`,
          `${formatPercent(m.prior.p5)} – ${formatPercent(m.prior.p95)}`,
          `${formatPercent(m.level.p50)} (${formatPercent(m.level.p5)} – ${formatPercent(m.level.p95)})`,
        ]),
      )
      .join('\n');
    const open = r.pipeline
      .filter((s) => s.taken + s.queued >= 0.5)
      .map((s) =>
        row(s.stage, [formatCount(Math.round(s.taken)), formatCount(Math.round(s.queued))]),
      )
      .join('\n');
    const notes = r.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('\n');
    const first = f.periods[0] ?? '';
    const next = f.periods[k] ?? '';
    return `<p class="run">Months ${escapeHtml(first)} to ${escapeHtml(r.actuals.through)} (${k} of ${f.periods.length}) are actuals from <code>${escapeHtml(r.actuals.file)}</code>: ${money(booked)} of new business booked${escapeHtml(repeatWords)}.
From ${escapeHtml(next)} on, the plan is simulated from the pipeline the actuals leave open, with its rates and lead levels updated by what the actuals show. Every total, quarter and target probability in this report counts what is already booked.</p>
${compare}
<h3 id="reforecast-changes">What the actuals changed</h3>
<table class="numbers">
<thead><tr>${th('Stage rate')}${th('Plan (mean)')}${th('Updated (mean)')}${th('Reached / expected to resolve')}</tr></thead>
<tbody>
${rates}
</tbody></table>
${
  leads === ''
    ? ''
    : `<table class="numbers">
<thead><tr>${th('Market')}${th('Leads seen')}${th('Lead level before (90%)')}${th('Lead level ahead (90%)')}</tr></thead>
<tbody>
${leads}
</tbody></table>`
}
<table class="numbers">
<caption>Open at the start of ${escapeHtml(next)}: ${formatCount(r.pipelineItems)} items (expected from the actuals with the plan's lags and team)</caption>
<thead><tr>${th('Stage')}${th('Open (taken on)')}${th('Waiting in a queue')}</tr></thead>
<tbody>
${open}
</tbody></table>
<p>Team at the start of ${escapeHtml(next)} (the plan's, hires before it made): ${escapeHtml(r.team.map((t) => `${t.role} ${t.headcount.toFixed(1)}`).join(', '))}${r.accounts > 0 ? `; installed accounts ${formatCount(Math.round(r.accounts))}` : ''}.
How each of these is worked out: <code>docs/model.md</code>, “Reforecast from actuals”.</p>
<p>Left out with actuals: the quota, the channel allocation, the what-ifs and what drives the plan. Each simulates the plan from its first month, so it would not count what is booked and would set a quota or split a budget for months that are past. <code>salesops quota</code>, <code>allocate</code>, <code>compare</code> and <code>sensitivity</code> give them for the plan.</p>
${notes === '' ? '' : `<ul class="notes">\n${notes}\n</ul>`}`;
  },
};
