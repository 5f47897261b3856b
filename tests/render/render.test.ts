/** Rendering: SVG from vega headless, PNG from resvg with DejaVu only, text metrics from the font files. */
import { Resvg } from '@resvg/resvg-js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildForecastCharts } from '../../src/charts/index.js';
import {
  DEJAVU_FILES,
  fontFiles,
  renderPng,
  renderSvg,
  svgToPng,
  svgToPngAsync,
} from '../../src/render/index.js';
import { loadFontWidths, textWidth } from '../../src/render/text-metrics.js';
import { fixtureModel, fixtureResult, HOSTILE } from '../charts/fixture.js';

const result = fixtureResult({ scenario: HOSTILE });
const charts = buildForecastCharts(result, fixtureModel(result));

function pngSize(png: Buffer): { width: number; height: number } {
  // PNG signature, then the IHDR chunk: width and height as big-endian u32 at bytes 16 and 20.
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderSvg', () => {
  it.each(charts.map((c) => [c.name, c] as const))(
    '%s renders an SVG with marks and escaped text',
    async (_n, c) => {
      const svg = await renderSvg(c.spec);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('DejaVu Sans');
      expect(svg).toMatch(/<path|<rect|<line/);
      // The hostile scenario name is in the subtitle, escaped as text, never as markup.
      expect(svg.includes('<script>')).toBe(false);
      expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    },
  );
});

describe('renderPng', () => {
  it('rasterises at scale × the SVG size', async () => {
    const fan = charts[0]!;
    const svg = await renderSvg(fan.spec);
    const w = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    const h = Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    const one = pngSize(svgToPng(svg, { scale: 1 }));
    const two = pngSize(await renderPng(fan.spec, { scale: 2 }));
    expect(one).toEqual({ width: Math.ceil(w), height: Math.ceil(h) });
    expect(Math.abs(two.width - 2 * w)).toBeLessThanOrEqual(1);
    expect(Math.abs(two.height - 2 * h)).toBeLessThanOrEqual(1);
  });
  it('is reproducible: the same spec gives the same bytes', async () => {
    const spec = charts[1]!.spec;
    expect(Buffer.compare(await renderPng(spec), await renderPng(spec))).toBe(0);
  });
  it('rasterises on the thread pool to exactly the same bytes', async () => {
    const svgs = await Promise.all(charts.slice(0, 3).map((c) => renderSvg(c.spec)));
    const pngs = await Promise.all(svgs.map((svg) => svgToPngAsync(svg)));
    pngs.forEach((png, i) => {
      expect(Buffer.compare(png, svgToPng(svgs[i]!))).toBe(0);
    });
  });
  it('rejects a silly scale', () => {
    expect(() =>
      svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', { scale: 0 }),
    ).toThrow(/scale/);
  });
});

describe('fonts', () => {
  afterEach(() => {
    delete process.env.SALESOPS_FONT_DIR;
  });
  it('names the package to install when the font files are missing', () => {
    process.env.SALESOPS_FONT_DIR = '/nonexistent-fonts';
    expect(() => fontFiles()).toThrow(/apt-get install -y fonts-dejavu-core/);
  });
  it('measures text as resvg draws it (independent oracle: resvg bounding box of the same string)', () => {
    const regular = loadFontWidths(DEJAVU_FILES[0]);
    for (const text of ['Monthly bookings forecast', 'P(reach) 62% ± 1.1 pp', 'MMMMMMMMMM']) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="0" y="100" font-family="DejaVu Sans" font-size="100">${text}</text></svg>`;
      const r = new Resvg(svg, { font: { fontFiles: [...DEJAVU_FILES], loadSystemFonts: false } });
      const box = r.getBBox()!;
      const ours = textWidth(regular, text, 100);
      // The ink box excludes the first glyph's left and last glyph's right side bearing
      // (each under 0.1 em = 10 px at 100 px); kerning moves a few px more.
      expect(Math.abs(ours - box.width)).toBeLessThan(25);
    }
  });
});
