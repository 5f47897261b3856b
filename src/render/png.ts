/**
 * Vega-Lite spec → PNG: the SVG from {@link renderSvg}, rasterised by resvg with only the
 * bundled font files loaded (no system font is ever looked up), so the same spec gives the
 * same pixels on any machine, with or without fonts installed.
 */
import { Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { DEFAULT_PNG_SCALE } from '../defaults.js';
import { FONT_FAMILIES, fontFiles } from './fonts.js';
import { renderSvg } from './svg.js';

/** PNG options. `scale` multiplies the chart's CSS size (default 2: crisp on slides and retina screens). */
export interface PngOptions {
  readonly scale?: number;
}

export { DEFAULT_PNG_SCALE };

/**
 * resvg's options for `scale` × the SVG's size, white background, the bundled fonts only.
 * resvg draws a character missing from the named family with another loaded face that has
 * it, so CJK text falls back to the CJK face.
 */
function resvgOptions(scale: number): ResvgRenderOptions {
  if (!(scale > 0 && scale <= 10))
    throw new Error(`renderPng: scale must be in (0, 10], got ${scale}`);
  return {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    font: {
      fontFiles: fontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILIES.latin,
      sansSerifFamily: FONT_FAMILIES.latin,
    },
  };
}

/**
 * Rasterises an SVG document to PNG bytes at `scale` × its size, white background.
 * @example const png = svgToPng(svg, { scale: 2 });
 */
export function svgToPng(svg: string, opts: PngOptions = {}): Buffer {
  return new Resvg(svg, resvgOptions(opts.scale ?? DEFAULT_PNG_SCALE)).render().asPng();
}

/**
 * {@link svgToPng} on libuv's thread pool: the same bytes, while the main thread goes on
 * (building a report, the next charts' SVGs rasterise in parallel).
 * @example const png = await svgToPngAsync(svg, { scale: 2 });
 */
export async function svgToPngAsync(svg: string, opts: PngOptions = {}): Promise<Buffer> {
  const options = resvgOptions(opts.scale ?? DEFAULT_PNG_SCALE);
  return (await renderAsync(svg, options)).asPng();
}

/**
 * Renders a Vega-Lite spec to PNG bytes (via SVG, see {@link svgToPng}).
 * @example const png = await renderPng(chart.spec, { scale: 2 });
 */
export async function renderPng(spec: TopLevelSpec, opts: PngOptions = {}): Promise<Buffer> {
  return svgToPng(await renderSvg(spec), opts);
}
