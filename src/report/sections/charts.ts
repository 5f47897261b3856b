/**
 * The charts, at the page's full width, in groups (bookings, funnel and channels, team),
 * each group under its own heading in the table of contents. Each spec is embedded as JSON
 * (with `<` escaped) and drawn by vega-embed on load; when the SVG is given it is also
 * embedded in `<noscript>` for readers without JavaScript. The channel table (spend beside
 * what each channel brings) follows the channels chart.
 */
import type { ChartSpec } from '../../charts/common.js';
import { escapeHtml, jsonForScript } from '../escape.js';
import type { ReportInput, ReportSection } from '../section.js';
import { channelTable } from './channel-table.js';

/** Chart groups in page order; a chart not named here lands in the last group. */
const GROUPS = [
  {
    id: 'charts-bookings',
    title: 'Bookings',
    charts: ['fan', 'reforecast', 'quarterly', 'cumulative', 'distribution', 'new-vs-repeat'],
  },
  { id: 'charts-funnel', title: 'Funnel and channels', charts: ['funnel', 'channels'] },
  { id: 'charts-team', title: 'Team', charts: ['team', 'headcount'] },
] as const;

function figure(c: ChartSpec, svgs: ReportInput['svgs']): string {
  const id = escapeHtml(c.name);
  const svg = svgs?.[c.name];
  // Vega's SVG writer escapes text content; it is inlined only inside <noscript>.
  const fallback = svg === undefined ? '' : `\n<noscript><div class="svg">${svg}</div></noscript>`;
  return `<figure class="chart" id="figure-${id}">
<div class="vega" data-chart="${id}" data-spec="spec-${id}" role="img" aria-label="${escapeHtml(c.title)}"></div>
<script type="application/json" id="spec-${id}">${jsonForScript(c.spec)}</script>${fallback}
<figcaption>${escapeHtml(c.title)} — also in <code>charts/${id}.png</code> (for slides), <code>.svg</code> and <code>.vl.json</code></figcaption>
</figure>`;
}

/** The groups that have charts, with their charts. */
function grouped(charts: readonly ChartSpec[]) {
  const known = new Set<string>(GROUPS.flatMap((g) => g.charts));
  return GROUPS.map((g, i) => ({
    ...g,
    list: charts.filter(
      (c) =>
        (g.charts as readonly string[]).includes(c.name) ||
        (i === GROUPS.length - 1 && !known.has(c.name)),
    ),
  })).filter((g) => g.list.length > 0);
}

/** Charts section: one figure per chart, grouped. */
export const chartsSection: ReportSection = {
  id: 'charts',
  title: 'Charts',
  contents: ({ charts }) => grouped(charts).map((g) => ({ id: g.id, title: g.title })),
  render(input: ReportInput): string {
    return grouped(input.charts)
      .map((g) => {
        const figures = g.list
          .map(
            (c) =>
              figure(c, input.svgs) + (c.name === 'channels' ? `\n${channelTable(input)}` : ''),
          )
          .join('\n');
        return `<h3 id="${g.id}">${escapeHtml(g.title)}</h3>\n${figures}`;
      })
      .join('\n');
  },
};
