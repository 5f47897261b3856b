/**
 * The scenario's assumptions, grouped by section (markets, channels, funnel, team, …) in
 * collapsed blocks that open on a click (and all open when printed): every input with its
 * distribution in words, uncertain inputs first. A market's twelve seasonality multipliers
 * are one row with a small profile, and each channel's spend plan one row with its profile.
 */
import { formatMoney } from '../../charts/format.js';
import { splitParamPath } from '../../model/param-label.js';
import type { Model, Param } from '../../model/types.js';
import { distQuantile } from '../../stats/dist-math.js';
import { describeDist, describeDomain, plainNumber } from '../describe-dist.js';
import { escapeHtml } from '../escape.js';
import type { ReportInput, ReportSection } from '../section.js';

const GROUPS: readonly { key: string; title: string }[] = [
  { key: 'markets', title: 'Markets' },
  { key: 'channels', title: 'Channels' },
  { key: 'funnel', title: 'Funnel' },
  { key: 'team', title: 'Team' },
  { key: 'customers', title: 'Installed base' },
  { key: 'initiatives', title: 'Initiatives' },
  { key: 'economics', title: 'Economics' },
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SEASONALITY = /^markets\.([^.]+)\.seasonality\[(\d+)\]$/;

/**
 * A small bar profile of a series as inline SVG (no text inside: the values are in the
 * row's text), bars scaled to the largest value.
 * @example profile([1, 1.1, 0.9]) // '<svg class="profile" …>'
 */
export function profile(values: readonly number[], labels: readonly string[] = []): string {
  const max = Math.max(...values.map(Math.abs), 1e-12);
  const w = 8;
  const h = 22;
  const bars = values
    .map((v, i) => {
      const bh = Math.max(1, (Math.abs(v) / max) * h);
      const title =
        labels[i] === undefined
          ? ''
          : `<title>${escapeHtml(`${labels[i]}: ${plainNumber(v)}`)}</title>`;
      return `<rect x="${i * (w + 2)}" y="${(h - bh).toFixed(1)}" width="${w}" height="${bh.toFixed(1)}">${title}</rect>`;
    })
    .join('');
  return `<svg class="profile" xmlns="http://www.w3.org/2000/svg" width="${values.length * (w + 2)}" height="${h}" viewBox="0 0 ${values.length * (w + 2)} ${h}" aria-hidden="true">${bars}</svg>`;
}

function row(model: Model, p: Param): string {
  const { entity, field } = splitParamPath(model, p.path);
  const name = `${entity === '' ? '' : `${escapeHtml(entity)} · `}${escapeHtml(field.replaceAll('_', ' '))}`;
  return `<tr${p.dist.kind === 'fixed' ? '' : ' class="uncertain"'}><td>${name}<br><code>${escapeHtml(p.path)}</code></td><td>${escapeHtml(describeDist(p.dist, p.domain))}</td><td>${escapeHtml(describeDomain(p.domain))}</td></tr>`;
}

/** One row per market for its twelve seasonality multipliers (medians where uncertain). */
function seasonalityRows(model: Model, params: readonly Param[]): string[] {
  return model.markets.flatMap((m) => {
    const own = params.filter((p) => SEASONALITY.exec(p.path)?.[1] === m.id);
    if (own.length === 0) return [];
    const values = own.map((p) => distQuantile(p.dist, 0.5));
    if (values.every((v) => v === 1)) return [];
    const uncertain = own.filter((p) => p.dist.kind !== 'fixed').length;
    const words = values.map((v, i) => `${MONTHS[i]} ${plainNumber(v)}`).join(', ');
    const note = uncertain > 0 ? ` (medians; ${uncertain} of 12 uncertain)` : '';
    return [
      `<tr${uncertain > 0 ? ' class="uncertain"' : ''}><td>${escapeHtml(m.label)} · seasonality<br><code>markets.${escapeHtml(m.id)}.seasonality</code></td><td>${profile(values, MONTHS)} <span class="profile-words">${escapeHtml(words)}${note}</span></td><td>demand multiplier by calendar month</td></tr>`,
    ];
  });
}

/** One row per channel for its spend plan. */
function spendRows({ model, result }: ReportInput): string[] {
  const labels = model.calendar.labels;
  return model.channels.map((c) => {
    const spend = [...c.spend];
    const total = spend.reduce((a, b) => a + b, 0);
    const flat = spend.every((v) => v === spend[0]);
    const money = (x: number) => formatMoney(x, result.currency);
    const words = flat
      ? `${money(spend[0] ?? 0)} every month`
      : `${money(Math.min(...spend))} to ${money(Math.max(...spend))} a month`;
    return `<tr><td>${escapeHtml(c.label)} · spend plan<br><code>channels.${escapeHtml(c.id)}.spend</code></td><td>${flat ? '' : `${profile(spend, labels)} `}<span class="profile-words">${escapeHtml(`${words}; ${money(total)} over the horizon`)}</span></td><td>decision (fixed)</td></tr>`;
  });
}

/** Assumptions section: grouped, collapsed blocks. */
export const assumptionsSection: ReportSection = {
  id: 'assumptions',
  title: 'Assumptions',
  render(input: ReportInput): string {
    const { model } = input;
    const params = model.params;
    const blocks = GROUPS.flatMap((g) => {
      const mine = params.filter((p) => p.path.split('.')[0] === g.key);
      const plain = mine.filter((p) => !SEASONALITY.test(p.path));
      const ordered = [
        ...plain.filter((p) => p.dist.kind !== 'fixed'),
        ...plain.filter((p) => p.dist.kind === 'fixed'),
      ];
      const rows = [
        ...ordered.map((p) => row(model, p)),
        ...(g.key === 'markets' ? seasonalityRows(model, mine) : []),
        ...(g.key === 'channels' ? spendRows(input) : []),
      ];
      if (rows.length === 0) return [];
      const uncertain = mine.filter((p) => p.dist.kind !== 'fixed').length;
      return [
        `<details class="assumptions">
<summary><strong>${escapeHtml(g.title)}</strong> — ${mine.length} ${mine.length === 1 ? 'input' : 'inputs'}, ${uncertain} uncertain</summary>
<table class="assumptions">
<thead><tr><th scope="col">Input</th><th scope="col">Distribution or value</th><th scope="col">Domain</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</details>`,
      ];
    });
    return `<p>Uncertain inputs (marked <span class="uncertain-key">▍</span>) are drawn once per trial; fixed ones are the same in every trial. Sampled values are kept inside each input's domain. Click a group to open it.</p>
${blocks.join('\n')}`;
  },
};
