/**
 * Vega-Lite spec → SVG text, headless: compile with vega-lite, parse with vega, and run a
 * `View` without a renderer (`renderer: 'none'`), then serialise the scenegraph to SVG.
 * Text is measured with the bundled font files (see text-metrics.ts), so layout matches the PNG.
 */
import { type Loader, parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { xmlSafe } from '../util/unprintable.js';
import { bundledFonts } from './fonts.js';
import { useFontMetrics } from './text-metrics.js';

/** A spec that names data (or an image) to load from a URL or file: charts carry their data inline. */
export class ExternalDataError extends Error {
  constructor(readonly urls: readonly string[]) {
    super(
      `charts must carry their data inline ("data": {"values": […]}); this spec loads ${urls.map((u) => `"${u}"`).join(', ')}, and render fetches and reads nothing`,
    );
    this.name = 'ExternalDataError';
  }
}

/**
 * A vega loader that refuses every load and remembers what was asked for. Vega's default
 * loader fetches http(s) URLs and reads file:// URLs; vega only logs a failed load and
 * draws the chart without its data, so the refusals are checked after rendering.
 */
function refusingLoader(asked: string[]): Loader {
  const refuse = (uri: string): Promise<never> => {
    asked.push(String(uri));
    return Promise.reject(new Error(`refused to load ${String(uri)}`));
  };
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

/**
 * Renders a Vega-Lite spec to an SVG document string. Data must be inline: the view's
 * loader refuses every URL and file, so nothing is fetched or read. Characters XML cannot
 * hold (a chart built by code other than a scenario's; scenarios refuse them) are drawn as
 * U+FFFD, so the SVG stays one any parser reads.
 * @throws ExternalDataError when the spec names data or an image by URL (`data.url`).
 * @example const svg = await renderSvg(chart.spec); // '<svg …>…</svg>'
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  checkArgument('renderSvg', 'spec', spec, ARG.spec);
  useFontMetrics(bundledFonts());
  const vgSpec = compile(spec).spec;
  const asked: string[] = [];
  const view = new View(parse(vgSpec), { renderer: 'none', loader: refusingLoader(asked) });
  try {
    const svg = await view.toSVG();
    if (asked.length > 0) throw new ExternalDataError([...new Set(asked)]);
    return xmlSafe(svg);
  } finally {
    view.finalize();
  }
}
