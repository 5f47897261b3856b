/**
 * The report page: one self-contained HTML file. Sections render in order into a page
 * with inline CSS, the inlined vega/vega-lite/vega-embed bundles, and a small script
 * that draws every embedded spec with `actions: false`. A Content-Security-Policy with
 * `connect-src 'none'` makes sure opening the file fetches nothing.
 */
import { formatTrials } from '../charts/format.js';
import { FONT } from '../charts/theme.js';
import { VERSION } from '../version.js';
import { vegaScripts } from './assets.js';
import { escapeHtml } from './escape.js';
import { keepSignsInProse } from './prose.js';
import type { ReportInput, ReportSection } from './section.js';

const CSS = `
:root { color-scheme: light; }
body { font-family: ${FONT}; color: #222; margin: 0; background: #fafafa; line-height: 1.45; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 40px 64px; background: #fff; }
h1 { font-size: 28px; margin: 8px 0 4px; }
h2 { font-size: 21px; margin-top: 40px; border-bottom: 2px solid #0072B2; padding-bottom: 4px; }
h3 { font-size: 17px; margin-top: 28px; }
.lede { color: #555; margin: 0 0 16px; }
nav.toc { background: #f4f8fb; border-left: 3px solid #0072B2; padding: 10px 16px; margin: 16px 0 8px; }
nav.toc ol { margin: 0; padding-left: 20px; columns: 2; column-gap: 32px; }
nav.toc ol ol { columns: 1; padding-left: 18px; }
nav.toc li { break-inside: avoid; }
nav.toc a { color: #0072B2; text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
ul.exec { font-size: 16px; padding-left: 22px; }
ul.exec li { margin: 6px 0; }
a.see { font-size: 13px; color: #0072B2; text-decoration: none; white-space: nowrap; }
table { border-collapse: collapse; margin: 12px 0; font-size: 14px; }
caption { text-align: left; color: #555; font-size: 13px; padding-bottom: 4px; }
th, td { padding: 6px 12px; border-bottom: 1px solid #e3e3e3; text-align: left; vertical-align: top; }
table.numbers td { text-align: right; font-variant-numeric: tabular-nums; }
table.numbers td:first-child { text-align: left; }
thead th { border-bottom: 2px solid #bbb; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; background: #f3f3f3; padding: 0 3px; border-radius: 3px; }
code.id { color: #777; font-size: 0.8em; }
table.assumptions code { color: #777; font-size: 0.78em; background: none; padding: 0; }
table.assumptions { width: 100%; }
tr.uncertain td:first-child { border-left: 3px solid #E69F00; }
.uncertain-key { color: #E69F00; }
details.assumptions { margin: 8px 0; border: 1px solid #e3e3e3; border-radius: 4px; padding: 6px 12px; }
details.assumptions summary { cursor: pointer; padding: 4px 0; }
svg.profile { vertical-align: middle; fill: #0072B2; }
.profile-words { color: #555; font-size: 13px; }
figure.chart { margin: 28px 0; }
figcaption { color: #666; font-size: 12px; margin-top: 4px; }
.vega, .vega .vega-embed { display: block; width: 100%; }
.vega svg, .svg svg { display: block; width: 100%; height: auto; }
footer { color: #777; font-size: 12px; margin-top: 48px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav.toc { background: none; }
  h2 { break-after: avoid; }
  #charts > h2, #scenario > h2, #assumptions > h2 { break-before: page; }
  h3 { break-after: avoid; }
  figure.chart, table.numbers, table.facts, ul.exec li, tr, #key-numbers { break-inside: avoid; }
  thead { display: table-header-group; }
  details > summary { break-after: avoid; }
  figure.chart { margin: 10px 0 18px; }
  a.see { display: none; }
  a { color: inherit; text-decoration: none; }
  details.assumptions { border: none; padding: 0; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; }
}
`;

const EMBED_SCRIPT = `
(function () {
  var figures = Array.prototype.slice.call(document.querySelectorAll('.vega[data-spec]'));
  var jobs = figures.map(function (el) {
    var spec = JSON.parse(document.getElementById(el.getAttribute('data-spec')).textContent);
    return vegaEmbed(el, spec, { actions: false, renderer: 'svg' }).catch(function (e) {
      el.textContent = 'This chart could not be drawn: ' + e.message;
      el.setAttribute('data-error', 'true');
      throw e;
    });
  });
  Promise.allSettled(jobs).then(function () { document.body.setAttribute('data-charts-ready', 'true'); });
  // Printing (or "Save as PDF") shows every assumption group, not only the open ones.
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
})();
`;

/** Fetching anything is refused; vega compiles expressions with Function, hence 'unsafe-eval'. */
const CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'";

/** "2027-01 to 2027-12 (FY2027 Q1 to FY2027 Q4)". */
function horizonWords({ model }: ReportInput): string {
  const cal = model.calendar;
  const last = cal.labels[cal.labels.length - 1] ?? cal.start;
  const q = cal.quarterLabels;
  return `${cal.start} to ${last}${q.length > 1 ? ` (${q[0]} to ${q[q.length - 1]})` : ''}`;
}

/**
 * Renders the report page from its sections, in order.
 * @example renderPage(input, FORECAST_SECTIONS) // '<!doctype html>…'
 */
export function renderPage(input: ReportInput, all: readonly ReportSection[]): string {
  const { result, model } = input;
  const sections = all.filter((s) => s.applies?.(input) ?? true);
  const variantLabel =
    result.variant === null
      ? null
      : (model.variants.find((v) => v.name === result.variant)?.label ?? result.variant);
  const variant = variantLabel === null ? '' : ` · variant ${escapeHtml(variantLabel)}`;
  const title = `${result.scenario}${variantLabel === null ? '' : ` (${variantLabel})`} — sales forecast`;
  const nav = sections
    .map((s) => {
      const subs = s.contents?.(input) ?? [];
      const inner =
        subs.length === 0
          ? ''
          : `<ol>${subs.map((c) => `<li><a href="#${c.id}">${escapeHtml(c.title)}</a></li>`).join('')}</ol>`;
      return `<li><a href="#${s.id}">${escapeHtml(s.title)}</a>${inner}</li>`;
    })
    .join('');
  const body = sections
    .map(
      (s) =>
        // Every section's paragraphs keep each signed figure on one line.
        `<section id="${s.id}">\n<h2>${escapeHtml(s.title)}</h2>\n${keepSignsInProse(s.render(input))}\n</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="salesops ${VERSION}">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(result.scenario)}</h1>
${keepSignsInProse(`<p class="lede">Sales forecast${variant}${input.reforecast === undefined ? '' : ` from actuals to ${escapeHtml(input.reforecast.result.actuals.through)}`} · ${escapeHtml(horizonWords(input))} · ${formatTrials(result.trials)} · seed ${result.seed} · salesops ${VERSION}</p>`)}
<nav class="toc" aria-label="Contents"><ol>${nav}</ol></nav>
${body}
<footer>Generated by salesops ${VERSION}. This file is self-contained: it needs no network connection.</footer>
</main>
${vegaScripts()}
<script>${EMBED_SCRIPT}</script>
</body>
</html>
`;
}
