/**
 * Vega-Lite spec → PNG: the SVG from {@link renderSvg}, rasterised by resvg with only the
 * bundled font files loaded (no system font is ever looked up), so the same spec gives the
 * same pixels on any machine, with or without fonts installed.
 */
import { Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { DEFAULT_PNG_SCALE } from '../defaults.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { checkOptionNames, type OptionNames } from '../util/option-names.js';
import { FONT_FAMILIES, fontFilesFor } from './fonts.js';
import { renderSvg } from './svg.js';

/** PNG options. `scale` multiplies the chart's CSS size (default 2: crisp on slides and retina screens). */
export interface PngOptions {
  readonly scale?: number;
}

// `{ scal: 1 }` or `{ dpi: 300 }` would otherwise draw at the default scale without a word.
const PNG_OPTIONS: OptionNames<PngOptions> = { scale: true };

export { DEFAULT_PNG_SCALE };

/**
 * resvg's options for `scale` × the SVG's size, white background, the bundled fonts only.
 * resvg draws a character missing from the named family with another loaded face that has
 * it, so CJK and Thai text falls back to its face (loaded only when the SVG holds such
 * text).
 */
function resvgOptions(scale: number, svg: string): ResvgRenderOptions {
  if (!(scale > 0 && scale <= 10))
    throw new Error(`renderPng: scale must be in (0, 10], got ${scale}`);
  return {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    font: {
      fontFiles: fontFilesFor(svg),
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILIES.latin,
      sansSerifFamily: FONT_FAMILIES.latin,
    },
  };
}

/**
 * Rasterises an SVG document to PNG bytes at `scale` × its size, white background.
 * @throws InputError for an option other than `scale`.
 * @example const png = svgToPng(svg, { scale: 2 });
 */
export function svgToPng(svg: string, opts: PngOptions = {}): Buffer {
  checkArgument('svgToPng', 'svg', svg, ARG.svg);
  checkOptionNames('svgToPng', opts, PNG_OPTIONS);
  return new Resvg(svg, resvgOptions(opts.scale ?? DEFAULT_PNG_SCALE, svg)).render().asPng();
}

/**
 * {@link svgToPng} on libuv's thread pool: the same bytes, while the main thread goes on
 * (building a report, the next charts' SVGs rasterise in parallel).
 * @example const png = await svgToPngAsync(svg, { scale: 2 });
 */
export async function svgToPngAsync(svg: string, opts: PngOptions = {}): Promise<Buffer> {
  checkOptionNames('svgToPngAsync', opts, PNG_OPTIONS);
  const options = resvgOptions(opts.scale ?? DEFAULT_PNG_SCALE, svg);
  return (await renderAsync(svg, options)).asPng();
}

/**
 * Renders a Vega-Lite spec to PNG bytes (via SVG, see {@link svgToPng}).
 * @throws InputError for an option other than `scale`, before drawing.
 * @example const png = await renderPng(chart.spec, { scale: 2 });
 */
export async function renderPng(spec: TopLevelSpec, opts: PngOptions = {}): Promise<Buffer> {
  checkArgument('renderPng', 'spec', spec, ARG.spec);
  checkOptionNames('renderPng', opts, PNG_OPTIONS);
  return svgToPng(await renderSvg(spec), opts);
}
