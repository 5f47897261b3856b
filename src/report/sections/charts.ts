/**
 * The charts: each spec is embedded as JSON (with `<` escaped) and drawn by vega-embed on
 * load; when the SVG is given it is also embedded in `<noscript>` for readers without
 * JavaScript.
 */
import { escapeHtml, jsonForScript } from '../escape.js';
import type { ReportInput, ReportSection } from '../section.js';

/** Charts section: one figure per chart, in registry order. */
export const chartsSection: ReportSection = {
  id: 'charts',
  title: 'Charts',
  render({ charts, svgs }: ReportInput): string {
    return charts
      .map((c) => {
        const id = escapeHtml(c.name);
        const svg = svgs?.[c.name];
        // Vega's SVG writer escapes text content; it is inlined only inside <noscript>.
        const fallback =
          svg === undefined ? '' : `\n<noscript><div class="svg">${svg}</div></noscript>`;
        return `<figure class="chart" id="figure-${id}">
<div class="vega" data-chart="${id}" data-spec="spec-${id}" role="img" aria-label="${escapeHtml(c.title)}"></div>
<script type="application/json" id="spec-${id}">${jsonForScript(c.spec)}</script>${fallback}
<figcaption>${escapeHtml(c.title)} — also in <code>charts/${id}.svg</code>, <code>.png</code> and <code>.vl.json</code></figcaption>
</figure>`;
      })
      .join('\n');
  },
};
