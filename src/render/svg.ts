/**
 * Vega-Lite spec → SVG text, headless: compile with vega-lite, parse with vega, and run a
 * `View` without a renderer (`renderer: 'none'`), then serialise the scenegraph to SVG.
 * Text is measured with the bundled font files (see text-metrics.ts), so layout matches the PNG.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { bundledFonts } from './fonts.js';
import { useFontMetrics } from './text-metrics.js';

/**
 * Renders a Vega-Lite spec to an SVG document string. Data must be inline (no loader is
 * given a base URL, so nothing is fetched).
 * @example const svg = await renderSvg(chart.spec); // '<svg …>…</svg>'
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  useFontMetrics(bundledFonts());
  const vgSpec = compile(spec).spec;
  const view = new View(parse(vgSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
