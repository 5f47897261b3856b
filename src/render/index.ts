/** Rendering of Vega-Lite specs to SVG and PNG, headless, with bundled fonts only. */
export { bundledFonts, FONT_FAMILIES, type FontSet, fontFiles } from './fonts.js';
export { DEFAULT_PNG_SCALE, type PngOptions, renderPng, svgToPng, svgToPngAsync } from './png.js';
export { ExternalDataError, renderSvg } from './svg.js';
