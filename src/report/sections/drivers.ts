/**
 * What drives it: the sensitivity of the report's plan — the headline driver in words, the
 * tornado and shares of variance as a table, the charts, and how they were computed.
 */

import type { SensitivityResult } from '../../analysis/sensitivity/types.js';
import type { ForecastResult } from '../../analysis/types.js';
import { formatCount, formatError, formatPercent, formatTrials } from '../../charts/format.js';
import { inputLabels, inputText, metricName, metricText } from '../../charts/sensitivity/common.js';
import { buildSensitivityCharts } from '../../charts/sensitivity/index.js';
import { escapeHtml } from '../escape.js';
import { figureHtml } from '../figure.js';
import type { ReportInput, ReportSection } from '../section.js';

/** The spider's percentiles in words: " (spider: P10, P25, P50, P75, P90)". */
function spiderAt(r: SensitivityResult): string {
  const points = r.spider[0]?.points ?? [];
  return points.length === 0
    ? ''
    : ` (spider: ${points.map((p) => `P${Math.round(p.percentile * 100)}`).join(', ')})`;
}

/** An input's label with its dot path in small type beside it, as the Allocation table shows ids. */
function inputName(r: SensitivityResult, path: string): string {
  const label = inputLabels(r).get(path) ?? path;
  return label === path
    ? `<code>${escapeHtml(path)}</code>`
    : `${escapeHtml(label)} <small><code>${escapeHtml(path)}</code></small>`;
}

/** A share with its error in points ("n/a" for one trial); a negative one (interactions) with a true minus sign. */
const share = (s: number, se: number | null) =>
  `${formatPercent(s, 1).replace(/^-/, '−')} ± ${formatError(se, (x) => (100 * x).toFixed(1))}`;

/** The headline: the input with the largest swing, what it moves, and the noise share. */
function headline(r: SensitivityResult): string {
  const top = r.inputs[0];
  if (top === undefined) return '';
  const v = (x: number) => metricText(r, x);
  const at = (x: number) => inputText(top, x, r.currency);
  const ends =
    top.kind === 'varied'
      ? `−${formatPercent(top.varied_by ?? 0)} and +${formatPercent(top.varied_by ?? 0)}`
      : 'its P10 and its P90';
  const uncertain = r.inputs
    .filter((i) => i.kind === 'uncertain')
    .sort((a, b) => b.variance_share - a.variance_share)[0];
  return `<p class="headline"><strong>${inputName(r, top.path)} moves ${escapeHtml(metricName(r))} most</strong>: between ${ends} (${escapeHtml(at(top.low))} and ${escapeHtml(at(top.high))}), with every other input at its median, ${escapeHtml(metricName(r))} goes from ${escapeHtml(v(top.output_low))} to ${escapeHtml(v(top.output_high))}.
${uncertain === undefined ? '' : `Of the uncertainty in ${escapeHtml(metricName(r))}, ${inputName(r, uncertain.path)} explains the largest share, ${escapeHtml(share(uncertain.variance_share, uncertain.variance_share_se))}${uncertain.variance_share_se === null ? '' : ' points'}; `}the funnel's own randomness — which trials, deals and reps happen, what no better estimate of an input could remove — accounts for ${escapeHtml(share(r.noise.share, r.noise.se))}.</p>`;
}

/**
 * Why the charts' centre (every uncertain input at its median) is not the forecast's median:
 * one sentence, with both numbers when the metric is money and the forecast is of the same plan.
 */
function centreNote(r: SensitivityResult, result: ForecastResult): string {
  const forecastMedian =
    r.metric === 'target' || r.variant !== result.variant
      ? null
      : result.metrics[r.metric].total.p50;
  const v = (x: number) => escapeHtml(metricText(r, x));
  const theirs =
    forecastMedian === null
      ? 'the forecast’s median'
      : `the forecast’s median (${v(forecastMedian)})`;
  return `<p class="note">The centre of the tornado and the solid line of the spider, ${v(r.base)}, is ${escapeHtml(metricName(r))} with every uncertain input fixed at its median. It is not ${theirs}: that is the middle of trials in which all inputs vary together, and the outcome does not respond to them in a straight line, so the two differ.</p>`;
}

/** What drives it section: headline, tornado table, charts, method. */
export const driversSection: ReportSection = {
  id: 'sensitivity',
  title: 'What drives it',
  applies: ({ sensitivity }) => sensitivity != null && sensitivity.inputs.length > 0,
  render({ sensitivity, svgs, result }: ReportInput): string {
    const r = sensitivity!;
    const v = (x: number) => metricText(r, x);
    const rows = r.inputs
      .map((i) => {
        const cells = [
          i.kind === 'varied' ? `±${formatPercent(i.varied_by ?? 0)}` : 'P10 → P90',
          `${inputText(i, i.low, r.currency)} → ${inputText(i, i.high, r.currency)}`,
          v(i.output_low),
          v(i.output_high),
          `${v(i.swing)} ± ${formatError(i.swing_se, v)}`,
          i.kind === 'varied' ? 'fixed input' : share(i.variance_share, i.variance_share_se),
        ];
        return `<tr><th scope="row">${inputName(r, i.path)}</th>${cells.map((c) => `<td style="white-space: nowrap">${escapeHtml(c)}</td>`).join('')}</tr>`;
      })
      .join('\n');
    const extra = [
      ['The funnel’s own randomness', r.noise],
      ['Interactions between inputs', r.interactions],
    ] as const;
    const tail = extra
      .map(
        ([label, s]) =>
          `<tr><th scope="row">${escapeHtml(label)}</th><td colspan="5"></td><td>${escapeHtml(share(s.share, s.se))}</td></tr>`,
      )
      .join('\n');
    const charts = buildSensitivityCharts(r)
      .map((c) => figureHtml(c, svgs?.[c.name]))
      .join('\n');
    return `${headline(r)}
<table class="numbers drivers">
<thead><tr><th scope="col">Input</th><th scope="col">Moved</th><th scope="col">from → to</th><th scope="col">${escapeHtml(metricName(r))} at the low end</th><th scope="col">at the high end</th><th scope="col">Swing ± s.e.</th><th scope="col">Share of the variance ± s.e. (points)</th></tr></thead>
<tbody>
${rows}
${tail}
</tbody></table>
${centreNote(r, result)}
${charts}
<p class="method"><strong>How these were computed.</strong> Tornado and spider: every uncertain input fixed at its median, then one input at a time moved to its P10 and P90${spiderAt(r)}; each run has ${formatTrials(r.trials.tornado)}, the same trials for every run (common random numbers), so the swing's standard error is that of a paired difference.
Shares of the variance: ${formatTrials(r.trials.variance)} with every input uncertain give each input's first-order share — the share of the variance that knowing that input alone would remove, Var(E[Y | X]) / Var(Y) — from the trials themselves (a piecewise-linear fit of the outcome on the input in ${r.estimator.bins} equal-count bins, adjusted R²); a second run with the same inputs and fresh funnel draws gives the share all inputs explain together, and the rest is the funnel's own randomness.
Interactions are what is left (effects only combinations of inputs have; with correlated inputs, minus what their shares count twice). Errors are bootstrap standard errors (${formatCount(r.estimator.bootstrap)} resamples). Seed ${r.seed}.</p>`;
  },
};
