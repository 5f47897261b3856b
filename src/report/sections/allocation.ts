/**
 * The Allocation section: how to split the channel budget, and the evidence — the split
 * against the current plan, the honest uplift, the certificate (marginal returns, binding
 * bounds), team capacity at both plans, the budget curve, and the four allocation charts.
 * Everything here reads without JavaScript except the charts, whose SVG is in <noscript>.
 */
import type { AllocationResult } from '../../analysis/allocate/types.js';
import { type ChartSpec, uniqueLabels } from '../../charts/common.js';
import { formatMoney, formatPercent, formatTrials } from '../../charts/format.js';
import {
  formatObjective,
  formatObjectiveChange,
  formatObjectiveError,
} from '../../charts/objective-format.js';
import { displayLabel } from '../../scenario/labels.js';
import { escapeHtml, jsonForScript } from '../escape.js';
import type { ReportInput, ReportSection } from '../section.js';

const BOUND_TEXT = { min: 'minimum', max: 'maximum', max_share: 'share cap' } as const;

/**
 * The Allocation section (renders nothing without `input.allocation`).
 * @example buildReport({ ...input, allocation: { result, charts } })
 */
export const allocationSection: ReportSection = {
  id: 'allocation',
  title: 'Allocation',
  applies: (input) => input.allocation !== undefined,
  render({ allocation, model }: ReportInput): string {
    if (allocation === undefined) return '<p>The scenario has no allocation block.</p>';
    const r = allocation.result;
    const names: Names = {
      channel: namer(model.channels),
      role: namer(model.roles),
      stage: namer(model.stages),
    };
    return [
      lede(r),
      splitTable(r, names),
      outcome(r, names),
      figures(allocation.charts, allocation.svgs, ['allocation', 'uplift']),
      '<h3>Why this split: the certificate</h3>',
      certificate(r, names),
      figures(allocation.charts, allocation.svgs, ['response-curves']),
      '<h3>Team capacity</h3>',
      capacity(r, names),
      '<h3>What more (or less) budget buys</h3>',
      budgetCurve(r, names),
      figures(allocation.charts, allocation.svgs, ['budget-curve']),
      method(r),
    ].join('\n');
  },
};

/** HTML of a channel, role or stage by its id: its label, with the id in small type when the label is the user's own. */
type Namer = (id: string) => string;

interface Names {
  readonly channel: Namer;
  readonly role: Namer;
  readonly stage: Namer;
}

function namer(items: readonly { id: string; label: string }[]): Namer {
  const labels = uniqueLabels(items);
  return (id) => {
    const label = labels.get(id) ?? id;
    // The id beside the label only when the label says something else (one the user wrote),
    // not when it is the id made readable ("Paid search" for paid_search).
    return label === displayLabel(id, undefined)
      ? escapeHtml(label)
      : `${escapeHtml(label)} <small><code>${escapeHtml(id)}</code></small>`;
  };
}

function money(r: AllocationResult, v: number): string {
  return escapeHtml(formatMoney(v, r.currency));
}

function lede(r: AllocationResult): string {
  const n = r.certificate.channels.length;
  const unspent =
    r.unspent > 0
      ? ` Every channel is at its maximum, so ${money(r, r.unspent)} of the budget is left unspent.`
      : '';
  return `<p class="lede">How to split ${money(r, r.budget)} a month across ${n} channel${n === 1 ? '' : 's'} to maximise <strong>${escapeHtml(r.objective_description)}</strong>, found on the simulation itself — team capacity, lags and queue loss included.${unspent}</p>`;
}

function splitTable(r: AllocationResult, names: Names): string {
  const step = r.certificate.step;
  const change = (v: number) => escapeHtml(formatObjectiveChange(r.objective, v, r.currency));
  const rows = r.certificate.channels.map((c) => {
    const cur = r.current[c.channel]!;
    const varies = r.current_varies.includes(c.channel) ? '*' : '';
    const delta = c.spend - cur;
    const last = c.down === null ? '–' : change(c.down.value * step);
    const next = c.up === null ? '–' : change(c.up.value * step);
    return `<tr><th scope="row">${names.channel(c.channel)}</th><td style="white-space:nowrap">${money(r, cur)}${varies}</td><td style="white-space:nowrap"><strong>${money(r, c.spend)}</strong></td><td style="white-space:nowrap">${delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${money(r, Math.abs(delta))}`}</td><td style="white-space:nowrap">${c.bound === null ? '' : BOUND_TEXT[c.bound]}</td><td style="white-space:nowrap">${last}</td><td style="white-space:nowrap">${next}</td></tr>`;
  });
  const note =
    r.current_varies.length > 0
      ? `<p class="note">* The plan varies this channel's spend by month; the table shows its monthly mean. The recommendation spends the same every month.</p>`
      : '';
  return `<table class="numbers">
<thead><tr><th scope="col">Channel</th><th scope="col">Current plan</th><th scope="col">Recommended</th><th scope="col">Change</th><th scope="col">Bound reached</th><th scope="col">Its last ${money(r, step)} a month earns</th><th scope="col">${money(r, step)} more would earn</th></tr></thead>
<tbody>
${rows.join('\n')}
<tr><th scope="row">Total per month</th><td style="white-space:nowrap">${money(r, r.current_total)}</td><td style="white-space:nowrap"><strong>${money(r, r.spent)}</strong></td><td style="white-space:nowrap"></td><td style="white-space:nowrap"></td><td style="white-space:nowrap"></td><td style="white-space:nowrap"></td></tr>
</tbody></table>
${readAcross(r)}
${note}`;
}

/** What the last two columns of the split table say, as the certificate supports it. */
function readAcross(r: AllocationResult): string {
  const b = r.certificate.best_transfer;
  if (b === null) return '';
  return b.gain <= 2 * b.se
    ? `<p>Read across the last two columns: no channel's next step earns more than another channel's last step (to within the Monte Carlo error; see the certificate below), so moving money between channels in either direction would not raise the objective.</p>`
    : `<p>One transfer, from <code>${escapeHtml(b.from)}</code> to <code>${escapeHtml(b.to)}</code>, is still predicted to gain more than twice its standard error, although the search did not confirm it on the simulation; see the certificate below.</p>`;
}

function outcome(r: AllocationResult, names: Names): string {
  const v = (x: number) => escapeHtml(formatObjective(r.objective, x, r.currency));
  const change = (x: number) =>
    `<span style="white-space:nowrap">${escapeHtml(formatObjectiveChange(r.objective, x, r.currency))}</span>`;
  const ov = r.objective_value;
  const u = r.uplift;
  const share = r.largest_share;
  const cap =
    r.max_share === null
      ? ' No share cap is set (<code>allocation.max_share</code>).'
      : ` The cap is ${formatPercent(r.max_share, 0)} (<code>allocation.max_share</code>).`;
  return `<p><strong>${escapeHtml(capitalise(r.objective_description))}:</strong> ${v(ov.current.value)} with the current plan, <strong>${v(ov.recommended.value)}</strong> with the recommendation:
an uplift of <strong>${change(u.mean)}</strong> on average (${
    Number.isFinite(u.se)
      ? `simulation error ±${v((u.hi - u.lo) / 2)}, the half-width of the 90% interval of that mean: how far more trials could move the average, not a range of outcomes — trial by trial the uplift spreads far wider, as the uplift chart shows`
      : `simulation error not available: ${tooFew(r.trials)}`
  }). The recommendation does better than the current plan in ${formatPercent(r.probability_better, 1)} of trials.
Both plans were re-run on the report's own ${formatTrials(r.trials)} (seed ${r.seed}), which the search never saw (it searched on seed ${r.search.seed}), so the uplift is not inflated by picking the luckiest candidate; the two plans see the same trials, so the comparison is paired.</p>
${spendGap(r)}<p>Largest channel: ${names.channel(share.channel)} with ${formatPercent(share.share, 0)} of the spend.${cap}</p>`;
}

/** A note when the plan spends a different total than the split: the uplift includes it. */
function spendGap(r: AllocationResult): string {
  const gap = r.current_total - r.spent;
  if (Math.abs(gap) < r.step / 2) return '';
  return `<p>The current plan spends ${money(r, r.current_total)} a month on these channels, ${money(r, Math.abs(gap))} ${gap > 0 ? 'more' : 'less'} than the recommended split: the uplift includes that difference in spend.</p>\n`;
}

function certificate(r: AllocationResult, names: Names): string {
  const c = r.certificate;
  // Per step of spend, in the objective's own units (the JSON gives them per unit).
  const per = (x: number | null, se: number | null) =>
    x === null
      ? '–'
      : `${escapeHtml(formatObjectiveChange(r.objective, x * c.step, r.currency))} ${escapeHtml(formatObjectiveError(r.objective, (se ?? 0) * c.step, r.currency))}`;
  const rows = c.channels.map(
    (ch) =>
      `<tr><th scope="row">${names.channel(ch.channel)}</th><td style="white-space:nowrap">${money(r, ch.spend)}</td><td style="white-space:nowrap">${money(r, ch.min)} – ${ch.max === null ? 'no limit' : money(r, ch.max)}</td><td style="white-space:nowrap">${ch.bound === null ? 'inside' : `at its ${BOUND_TEXT[ch.bound]}`}</td><td style="white-space:nowrap">${per(ch.down?.value ?? null, ch.down?.se ?? null)}</td><td style="white-space:nowrap">${per(ch.up?.value ?? null, ch.up?.se ?? null)}</td><td style="white-space:nowrap"><strong>${per(ch.marginal, ch.se)}</strong></td></tr>`,
  );
  const eq = c.equal_marginals;
  const verdict =
    eq.channels.length >= 2
      ? `The channels inside their bounds (${eq.channels.map(names.channel).join(', ')}) have marginal returns that differ by ${escapeHtml(formatObjective(r.objective, eq.spread * c.step, r.currency))} per step; ${
          Number.isFinite(eq.tolerance)
            ? `the tolerance (one step's change in the return plus two paired standard errors) is ${escapeHtml(formatObjective(r.objective, eq.tolerance * c.step, r.currency))}: <strong>${eq.holds ? 'equal within tolerance' : 'not equal within tolerance'}</strong>.`
            : `the search's ${tooFew(c.trials)}, so whether they are equal cannot be told.`
        }`
      : eq.channels.length === 1
        ? `Only ${names.channel(eq.channels[0]!)} is inside its bounds; the others sit at a bound, so there is nothing to equalise.`
        : 'Every channel sits at a bound.';
  const best = c.best_transfer;
  const change = (x: number) => escapeHtml(formatObjectiveChange(r.objective, x, r.currency));
  const transfer =
    best === null
      ? ''
      : ` The most promising one-step transfer, from ${names.channel(best.from)} to ${names.channel(best.to)}, is predicted to change the objective by ${change(best.gain)} ${escapeHtml(formatObjectiveError(r.objective, best.se, r.currency))}.`;
  const tried =
    c.transfers_tried.length > 0
      ? ` ${c.transfers_tried.length} transfer${c.transfers_tried.length === 1 ? ' was' : 's were'} predicted to gain and tried at the recommendation; none gained more than its standard error.`
      : '';
  return `<p>A channel's marginal return is what one more step of spend (${money(r, c.step)} a month) adds to the objective, measured by moving its spend one step down and one step up on the simulation, paired with the recommendation on the same ${formatTrials(c.trials)}; the marginal return is the average of the two sides.
At the best split no step of spend can move from one channel to another and gain: channels inside their bounds earn the same marginal return, a channel at its maximum earns at least that, one at its minimum at most.</p>
<table class="numbers">
<thead><tr><th scope="col">Channel</th><th scope="col">Recommended</th><th scope="col">Bounds</th><th scope="col">Position</th><th scope="col">Last step</th><th scope="col">Next step</th><th scope="col">Marginal return per step ± s.e.</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
<p>${verdict}${transfer}${tried} The search started from the ${escapeHtml(r.search.start === 'fixed' ? 'only feasible split' : `${r.search.start} split`)} and accepted ${r.search.moves.length} move${r.search.moves.length === 1 ? '' : 's'}.</p>`;
}

function capacity(r: AllocationResult, names: Names): string {
  const cur = r.capacity.current;
  const rec = r.capacity.recommended;
  if (rec.length === 0)
    return '<p>No role works a stage of this funnel, so team capacity does not limit it.</p>';
  const rows = rec.map((l, i) => {
    const c = cur[i]!;
    return `<tr><th scope="row">${names.role(l.role)} (works ${names.stage(l.stage)})</th><td style="white-space:nowrap">${formatPercent(c.utilisation, 0)}</td><td style="white-space:nowrap">${formatPercent(c.lost_share, 1)}</td><td style="white-space:nowrap">${c.saturated ? 'saturated' : ''}</td><td style="white-space:nowrap">${formatPercent(l.utilisation, 0)}</td><td style="white-space:nowrap">${formatPercent(l.lost_share, 1)}</td><td style="white-space:nowrap">${l.saturated ? '<strong>saturated</strong>' : ''}</td></tr>`;
  });
  const binding = r.capacity.binding;
  const next = r.budget_curve.next_10_percent;
  const falls = next !== null && next.gain < -2 * next.se;
  const loads = (b: string) => {
    const l = rec.find((x) => x.role === b)!;
    return `${names.role(b)} (${formatPercent(l.utilisation, 0)} busy, ${formatPercent(l.lost_share, 1)} of ${names.stage(l.stage)} lost waiting)`;
  };
  const said =
    binding.length > 0
      ? `<p><strong>Capacity binds</strong> at the recommendation: ${binding.map(loads).join(', ')}. Leads beyond what the team can work mostly wait, crowd out others or go cold; the search valued them at what they then bring.${
          falls
            ? ' More budget lowers the objective here (see the budget curve): the budget is larger than the team can turn into business, and hiring, not spend, is the lever.'
            : ''
        }</p>`
      : `<p>Capacity does not bind at the recommendation${
          cur.some((l) => l.saturated)
            ? ` (it does at the current plan: ${cur
                .filter((l) => l.saturated)
                .map((l) => names.role(l.role))
                .join(', ')})`
            : ''
        }.</p>`;
  return `${said}
<table class="numbers">
<thead><tr><th scope="col">Role</th><th scope="col">Current: busy</th><th scope="col">lost waiting</th><th scope="col"></th><th scope="col">Recommended: busy</th><th scope="col">lost waiting</th><th scope="col"></th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
<p class="note">Busy: items taken on over the horizon / capacity. Lost waiting: items lost from the role's queue / items that reached its stage. Saturated: at least 90% busy or at least 5% lost.</p>`;
}

function budgetCurve(r: AllocationResult, names: Names): string {
  const b = r.budget_curve;
  if (b.points.length === 0) return '';
  const v = (x: number) => escapeHtml(formatObjective(r.objective, x, r.currency));
  const ids = r.certificate.channels.map((c) => c.channel);
  const rows = b.points.map(
    (p) =>
      `<tr${p.share === 1 ? ' class="here"' : ''}><th scope="row">${money(r, p.budget)} (${Math.round(p.share * 100)}%)</th><td style="white-space:nowrap">${p.value === null ? 'infeasible' : v(p.value)}</td>${ids
        .map(
          (id) =>
            `<td style="white-space:nowrap">${p.allocation[id] === undefined ? '' : money(r, p.allocation[id]!)}</td>`,
        )
        .join('')}</tr>`,
  );
  const next = b.next_10_percent;
  const change = (x: number) => escapeHtml(formatObjectiveChange(r.objective, x, r.currency));
  const nextText =
    next === null
      ? ''
      : `<p>The next 10% of budget (${money(r, next.budget)} more a month, best split) is worth <strong>${change(next.gain)}</strong> ${escapeHtml(formatObjectiveError(r.objective, next.se, r.currency))}.</p>`;
  return `${nextText}${bestBudget(r)}
<table class="numbers">
<thead><tr><th scope="col">Budget a month</th><th scope="col">Objective</th>${ids.map((id) => `<th scope="col">${names.channel(id)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
<p class="note">Each budget's split was found by a shorter search than the recommendation's (see Method); all points are evaluated on the same ${formatTrials(b.trials)}, so differences between budgets are paired.</p>`;
}

/** Where the curve peaks, when clearly away from the allocation's budget; and whether that is the plan's own spend. */
function bestBudget(r: AllocationResult): string {
  const pts = r.budget_curve.points.filter((p) => p.difference !== null);
  const top = pts.reduce<(typeof pts)[number] | null>(
    (a, p) => (a === null || p.difference!.mean > a.difference!.mean ? p : a),
    null,
  );
  if (top === null || top.share === 1 || !(top.difference!.mean > 2 * top.difference!.se))
    return '';
  const change = (x: number) => escapeHtml(formatObjectiveChange(r.objective, x, r.currency));
  const gap = r.current_total - r.budget;
  const plan =
    Math.abs(top.budget - r.current_total) <= r.step / 2 && Math.abs(gap) > r.step / 2
      ? ` That is about what the current plan spends (${money(r, r.current_total)} a month): its own budget, split as the curve's best, beats the recommendation.`
      : '';
  return `<p>Of the budgets tried, <strong>${money(r, top.budget)} a month (${Math.round(top.share * 100)}%)</strong> does best: ${change(top.difference!.mean)} ± ${escapeHtml(formatObjective(r.objective, top.difference!.se, r.currency))} against the allocation's budget of ${money(r, r.budget)}.${plan}</p>`;
}

function method(r: AllocationResult): string {
  const e = r.search.evaluations;
  return `<h3>Method</h3>
<p>Starts: the split with equal marginal returns on the expected model (the simulation with every uncertain input at its mean and every count at its expectation), the current plan's split scaled to the budget, and an equal split. The best start on the simulation is refined by moving spend between pairs of channels — large moves first, then single steps of ${money(r, r.step)} — under common random numbers: every candidate runs on the same trials, so a move is judged by its paired gain, and accepted only when that gain exceeds one paired standard error. The search stops when no transfer predicted to gain does so by more than its standard error on ${formatTrials(r.certificate.trials)}. In all, ${e.runs} simulation runs and ${e.trials.toLocaleString('en-US')} simulated trials.</p>`;
}

function figures(
  charts: readonly ChartSpec[],
  svgs: Readonly<Record<string, string>> | undefined,
  names: readonly string[],
): string {
  return charts
    .filter((c) => names.includes(c.name))
    .map((c) => {
      const id = escapeHtml(c.name);
      const svg = svgs?.[c.name];
      const fallback =
        svg === undefined ? '' : `\n<noscript><div class="svg">${svg}</div></noscript>`;
      return `<figure class="chart" id="figure-${id}">
<div class="vega" data-chart="${id}" data-spec="spec-${id}" role="img" aria-label="${escapeHtml(c.title)}"></div>
<script type="application/json" id="spec-${id}">${jsonForScript(c.spec)}</script>${fallback}
<figcaption>${escapeHtml(c.title)} — also in <code>charts/${id}.svg</code>, <code>.png</code> and <code>.vl.json</code></figcaption>
</figure>`;
    })
    .join('\n');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Why an error is not available: one trial cannot estimate it. */
function tooFew(trials: number): string {
  return `${trials.toLocaleString('en-US')} trial${trials === 1 ? ' is' : 's are'} too few for a standard error; run more trials`;
}
