/**
 * Spend beside what it brings: one row per channel with its planned spend, its mean leads,
 * deals and new bookings (± Monte Carlo error) over the horizon, and new bookings per unit
 * of spend (an average over the horizon, not the return on the next unit).
 */
import { formatCount, formatError, formatMoney } from '../../charts/format.js';
import { escapeHtml } from '../escape.js';
import type { ReportInput } from '../section.js';

/**
 * The channel table as HTML (empty when the forecast has no channels).
 * @example channelTable({ result, model, charts }) // '<table class="numbers channels">…'
 */
export function channelTable({ result, model }: ReportInput): string {
  const money = (x: number) => formatMoney(x, result.currency);
  const rows = model.channels.flatMap((c) => {
    const r = result.channels[c.id];
    if (r === undefined) return [];
    const spend = c.spend.reduce((a, b) => a + b, 0);
    const perUnit = spend > 0 ? money(r.bookings.mean / spend) : '–';
    const cells = [
      spend > 0 ? money(spend) : 'none',
      formatCount(r.leads.mean),
      formatCount(r.wins.mean),
      `${money(r.bookings.mean)} ± ${formatError(r.bookings.se, money)}`,
      perUnit,
    ];
    return [
      `<tr><th scope="row">${escapeHtml(c.label)}</th>${cells.map((x) => `<td>${escapeHtml(x)}</td>`).join('')}</tr>`,
    ];
  });
  if (rows.length === 0) return '';
  return `<table class="numbers channels">
<caption>Channels over the horizon: planned spend beside mean results across trials</caption>
<thead><tr><th scope="col">Channel</th><th scope="col">Planned spend</th><th scope="col">Leads</th><th scope="col">Deals won</th><th scope="col">New bookings ± MC error</th><th scope="col">Per ${escapeHtml(money(1))} of spend</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}
