/**
 * One chart as a report figure: the spec embedded as JSON (drawn by vega-embed on load), the
 * SVG inside `<noscript>` when given, and a caption naming the chart's files.
 */
import type { ChartSpec } from '../charts/common.js';
import { escapeHtml, jsonForScript } from './escape.js';

/**
 * The `<figure>` of chart `c`, with `svg` as the no-JavaScript fallback.
 * @example figureHtml(chart, svgs[chart.name]) // '<figure class="chart" id="figure-tornado">…'
 */
export function figureHtml(c: ChartSpec, svg?: string): string {
  const id = escapeHtml(c.name);
  // Vega's SVG writer escapes text content; it is inlined only inside <noscript>.
  const fallback = svg === undefined ? '' : `\n<noscript><div class="svg">${svg}</div></noscript>`;
  return `<figure class="chart" id="figure-${id}">
<div class="vega" data-chart="${id}" data-spec="spec-${id}" role="img" aria-label="${escapeHtml(c.title)}"></div>
<script type="application/json" id="spec-${id}">${jsonForScript(c.spec)}</script>${fallback}
<figcaption>${escapeHtml(c.title)} — also in <code>charts/${id}.svg</code>, <code>.png</code> and <code>.vl.json</code></figcaption>
</figure>`;
}
