/**
 * The scenario's assumptions, grouped by section (markets, channels, funnel, team, …) in
 * collapsed blocks that open on a click (and all open when printed): every input with its
 * distribution in words, uncertain inputs first. A market's twelve seasonality multipliers
 * are one row with a small profile, and each channel's spend plan one row with its profile.
 */
import { formatCount, formatMoney, formatPercent, MONTHS } from '../../charts/format.js';
import { splitParamPath } from '../../model/param-label.js';
import type { Model, Param } from '../../model/types.js';
import { distMean, distQuantile } from '../../stats/dist-math.js';
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

/** A row of a structural input: fixed for every trial, not one of the model's inputs drawn per trial. */
function fixedRow(name: string, path: string, value: string, meaning: string): string {
  return `<tr><td>${escapeHtml(name)}<br><code>${escapeHtml(path)}</code></td><td>${escapeHtml(value)}</td><td>${escapeHtml(meaning)}</td></tr>`;
}

/** "60% SMB, 40% Enterprise": shares by label, largest first, zeros left out. */
function shares(values: ArrayLike<number>, labels: readonly string[]): string {
  return Array.from(values, (v, i) => ({ v, label: labels[i] ?? String(i) }))
    .filter((x) => x.v > 0)
    .sort((a, b) => b.v - a.v)
    .map((x) => `${formatPercent(x.v)} ${x.label}`)
    .join(', ');
}

/**
 * The rows of a group's structural inputs — deal sizes, market mixes, lags, ramps, hiring
 * plans, backfill — which are the same in every trial but shape every number of the report.
 */
function structureRows(group: string, { model, result }: ReportInput): string[] {
  const money = (x: number) => formatMoney(x, result.currency);
  const markets = model.markets.map((m) => m.label);
  switch (group) {
    case 'markets':
      return model.markets.map((m) =>
        fixedRow(
          `${m.label} · deal size`,
          `markets.${m.id}.deal_size`,
          `${describeDist(m.dealSize, 'positive')} (mean ${money(distMean(m.dealSize))})`,
          'value of one deal won: drawn for every deal',
        ),
      );
    case 'channels':
      return model.markets.length < 2
        ? []
        : model.channels.map((c) =>
            fixedRow(
              `${c.label} · market mix`,
              `channels.${c.id}.mix`,
              shares(c.mix, markets),
              'share of the channel’s leads by market (fixed)',
            ),
          );
    case 'funnel':
      return model.stages.flatMap((st, k) => {
        if (k === 0) return [];
        const lag = Array.from(st.lag);
        const mean = lag.reduce((a, p, l) => a + p * l, 0);
        const months = lag
          .map((p, l) => ({ p, l }))
          .filter((x) => x.p >= 0.005)
          .map((x) => `${x.l} ${x.l === 1 ? 'month' : 'months'} ${formatPercent(x.p)}`)
          .join(', ');
        return [
          fixedRow(
            `${st.label} · lag`,
            `funnel.${st.id}.lag`,
            `${months}; mean ${plainNumber(mean)} months`,
            `months from ${model.stages[k - 1]!.label} to ${st.label} (fixed)`,
          ),
        ];
      });
    case 'team':
      return model.roles.flatMap((r) => {
        const ramp = Array.from(r.ramp);
        const hires = Array.from(r.hires)
          .map((n, t) => ({ n, t }))
          .filter((x) => x.n > 0)
          .map((x) => `${x.n} in ${model.calendar.labels[x.t]}`)
          .join(', ');
        return [
          fixedRow(
            `${r.label} · ramp`,
            `team.${r.id}.ramp`,
            ramp.length === 0
              ? 'none: a new rep works at full capacity from the start'
              : `${ramp.map((x) => formatPercent(x)).join(', ')} of full capacity in months 1–${ramp.length}, then 100%`,
            'capacity of a new rep by month since joining (fixed)',
          ),
          fixedRow(
            `${r.label} · hires`,
            `team.${r.id}.hires`,
            hires === '' ? 'none' : hires,
            'planned hires, joining at the start of the month (fixed)',
          ),
          fixedRow(
            `${r.label} · backfill`,
            `team.${r.id}.backfill`,
            r.backfillLag < 0
              ? 'leavers are not replaced'
              : `each leaver replaced after ${r.backfillLag} ${r.backfillLag === 1 ? 'month' : 'months'}`,
            'how leavers are replaced (fixed)',
          ),
        ];
      });
    case 'customers': {
      const repeat = model.params[model.customers.repeatRate]?.dist;
      const size = model.customers.repeatDealSize;
      const none = (d: typeof size | undefined) =>
        d === undefined || (d.kind === 'fixed' && d.value === 0);
      if (none(repeat) || none(size)) return [];
      return [
        fixedRow(
          'repeat.deal size',
          'customers.repeat.deal_size',
          `${describeDist(model.customers.repeatDealSize, 'positive')} (mean ${money(distMean(model.customers.repeatDealSize))})`,
          'value of one repeat deal: drawn for every deal',
        ),
      ];
    }
    default:
      return [];
  }
}

/** "1 month ago", "1–7 months ago". */
function monthsAgo(least: number, most: number): string {
  if (least === most) return `${least} ${least === 1 ? 'month' : 'months'} ago`;
  return `${least}–${most} months ago`;
}

/** The opening pipeline by stage: items in flight at the start, and how old they are. */
function pipelineBlock(model: Model): string {
  if (model.pipeline.length === 0) return '';
  const rows = model.stages.flatMap((st, k) => {
    const mine = model.pipeline.filter((e) => e.stage === k);
    if (mine.length === 0) return [];
    const count = mine.reduce((a, e) => a + e.count, 0);
    const queued = mine.filter((e) => e.queued).reduce((a, e) => a + e.count, 0);
    const ages = mine.filter((e) => !e.queued).map((e) => e.age);
    const taken = count - queued;
    const parts = [
      taken > 0
        ? `${formatCount(taken)} taken on ${monthsAgo(Math.min(...ages), Math.max(...ages))}`
        : '',
      queued > 0 ? `${formatCount(queued)} waiting in a queue` : '',
    ].filter((x) => x !== '');
    return [
      fixedRow(
        `${st.label} · open at the start`,
        'pipeline',
        `${formatCount(count)} items: ${parts.join('; ')}`,
        `in flight on ${model.calendar.labels[0]}: they go on to ${model.stages[k + 1]?.label ?? 'close'} with the plan's rates and the rest of their lag`,
      ),
    ];
  });
  return `<details class="assumptions">
<summary><strong>Opening pipeline</strong> — ${formatCount(model.pipeline.reduce((a, e) => a + e.count, 0))} items in flight at the start</summary>
<table class="assumptions">
<thead><tr><th scope="col">Stage</th><th scope="col">Items</th><th scope="col">Meaning</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</details>`;
}

/** What a group's fixed settings are, for its summary line. */
function settingNames(group: string): string {
  const names: Record<string, string> = {
    markets: 'deal sizes',
    channels: 'market mixes',
    funnel: 'lags',
    team: 'ramps, hires, backfill',
    customers: 'repeat deal size',
  };
  return names[group] ?? '';
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
      const fixed = structureRows(g.key, input);
      rows.push(...fixed);
      if (rows.length === 0) return [];
      const uncertain = mine.filter((p) => p.dist.kind !== 'fixed').length;
      return [
        `<details class="assumptions">
<summary><strong>${escapeHtml(g.title)}</strong> — ${mine.length} ${mine.length === 1 ? 'input' : 'inputs'}, ${uncertain} uncertain${fixed.length > 0 ? `, and ${fixed.length} fixed ${fixed.length === 1 ? 'setting' : 'settings'} (${escapeHtml(settingNames(g.key))})` : ''}</summary>
<table class="assumptions">
<thead><tr><th scope="col">Input</th><th scope="col">Distribution or value</th><th scope="col">Domain</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</details>`,
      ];
    });
    return `<p>Uncertain inputs (marked <span class="uncertain-key">▍</span>) are drawn once per trial; fixed ones are the same in every trial. Sampled values are kept inside each input's domain. Click a group to open it.</p>
${blocks.join('\n')}
${pipelineBlock(model)}`;
  },
};
