/** The scenario's assumptions: every input quantity with its distribution in words, and the spend plan. */
import { formatMoney } from '../../charts/format.js';
import { describeDist, describeDomain } from '../describe-dist.js';
import { escapeHtml } from '../escape.js';
import type { ReportInput, ReportSection } from '../section.js';

/** Assumptions section: uncertain inputs first, then fixed ones, in model order; then channel spend. */
export const assumptionsSection: ReportSection = {
  id: 'assumptions',
  title: 'Assumptions',
  render({ model, result }: ReportInput): string {
    const ordered = [
      ...model.params.filter((p) => p.dist.kind !== 'fixed'),
      ...model.params.filter((p) => p.dist.kind === 'fixed'),
    ];
    const rows = ordered
      .map(
        (p) =>
          `<tr><td><code>${escapeHtml(p.path)}</code></td><td>${escapeHtml(describeDist(p.dist, p.domain))}</td><td>${escapeHtml(describeDomain(p.domain))}</td></tr>`,
      )
      .join('\n');
    const money = (x: number) => formatMoney(x, result.currency);
    const spend = model.channels
      .map((c) => {
        const total = c.spend.reduce((a, b) => a + b, 0);
        return `<tr><td><code>${escapeHtml(c.id)}</code></td><td>${escapeHtml(money(c.spend[0] ?? 0))}</td><td>${escapeHtml(money(total))}</td></tr>`;
      })
      .join('\n');
    return `<p>Uncertain inputs are drawn once per trial; fixed ones are the same in every trial. Sampled values are kept inside each input's domain.</p>
<table class="assumptions">
<thead><tr><th scope="col">Input</th><th scope="col">Distribution</th><th scope="col">Domain</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h3>Channel spend plan</h3>
<table class="numbers">
<thead><tr><th scope="col">Channel</th><th scope="col">First month</th><th scope="col">Over the horizon</th></tr></thead>
<tbody>
${spend}
</tbody></table>`;
  },
};
