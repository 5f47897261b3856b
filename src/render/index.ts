/** Rendering of Vega-Lite specs to SVG and PNG, headless. */
export { DEJAVU_FILES, fontFiles } from './fonts.js';
export { DEFAULT_PNG_SCALE, type PngOptions, renderPng, svgToPng, svgToPngAsync } from './png.js';
export { renderSvg } from './svg.js';
