/** Rendering: SVG from vega headless, PNG from resvg with the bundled fonts only, text metrics from the font files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { buildForecastCharts } from '../../src/charts/index.js';
import { fontFilesFor } from '../../src/render/fonts.js';
import {
  bundledFonts,
  ExternalDataError,
  FONT_FAMILIES,
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

const dir = mkdtempSync(join(tmpdir(), 'salesops-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bar chart whose data is named by `url` instead of carried inline. */
const byUrl = (url: string) =>
  ({
    mark: 'bar',
    data: { url },
    encoding: {
      x: { field: 'a', type: 'quantitative' },
      y: { field: 'b', type: 'quantitative' },
    },
  }) as TopLevelSpec;

describe('renderSvg', () => {
  it('refuses data named by URL, and neither fetches nor reads it', async () => {
    const csv = join(dir, 'x.csv');
    writeFileSync(csv, 'a,b\n1,2\n');
    let requests = 0;
    const server = createServer((_, res) => {
      requests += 1;
      res.end('a,b\n1,2\n');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const http = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x.csv`;
      // A relative name used to draw an empty chart without a word.
      for (const url of [http, `file://${csv}`, 'x.csv']) {
        const refused = renderSvg(byUrl(url));
        await expect(refused).rejects.toThrow(ExternalDataError);
        await expect(refused).rejects.toThrow(`charts must carry their data inline`);
        await expect(refused).rejects.toThrow(`loads "${url}"`);
      }
      expect(requests).toBe(0);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

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
  it('draws a character XML cannot hold as U+FFFD instead of failing the chart', async () => {
    // Scenarios refuse such text; a chart built by other code still renders.
    const spec = {
      ...charts[0]!.spec,
      title: { text: 'Plan\u0000 2027 \ud83d \u0007' },
    } as TopLevelSpec;
    const svg = await renderSvg(spec);
    expect(svg).toContain('Plan\ufffd 2027 \ufffd \ufffd');
    expect(pngSize(svgToPng(svg, { scale: 1 })).width).toBeGreaterThan(100);
  });
  it('rejects a silly scale', () => {
    expect(() =>
      svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', { scale: 0 }),
    ).toThrow(/scale/);
  });
  it('refuses an option other than scale (it drew at the default scale)', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
    // biome-ignore lint/suspicious/noExplicitAny: the point is options no type allows
    const scal = { scal: 1 } as any;
    expect(() => svgToPng(svg, scal)).toThrow(
      'svgToPng: options.scal: ✖ unknown option scal; did you mean scale? (svgToPng takes scale)',
    );
    await expect(svgToPngAsync(svg, { dpi: 300 } as typeof scal)).rejects.toThrow(
      /^svgToPngAsync: options\.dpi: ✖ unknown option dpi \(svgToPngAsync takes scale\)$/,
    );
    await expect(renderPng(charts[0]!.spec, scal)).rejects.toThrow(
      /^renderPng: options\.scal: ✖ unknown option scal; did you mean scale\?/,
    );
    expect(pngSize(svgToPng(svg, { scale: 3 }))).toEqual({ width: 3, height: 3 });
  });
});

const ROOT = resolve(import.meta.dirname, '../..');

/** A one-line SVG of `text` in the house font stack. */
function textSvg(text: string, size = 60, weight = 'normal'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="120"><text x="10" y="80" font-family="DejaVu Sans, Verdana, sans-serif" font-size="${size}" font-weight="${weight}">${text}</text></svg>`;
}

/** Dark pixels of a PNG rasterised by resvg with the given font files and no system font. */
function ink(svg: string, files: readonly string[]): { dark: number; pixels: Buffer } {
  const r = new Resvg(svg, {
    background: '#ffffff',
    font: { fontFiles: [...files], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  const pixels = Buffer.from(r.render().pixels);
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) dark++;
  return { dark, pixels };
}

describe('fonts', () => {
  it('ships every font file with salesops: none comes from a system font folder', () => {
    for (const f of fontFiles()) {
      expect(f.startsWith(ROOT), f).toBe(true);
      expect(f).not.toMatch(/^\/usr\/(local\/)?share\/fonts/);
    }
    expect(fontFiles()).toHaveLength(4);
  });

  it('draws text from the bundled files alone (loadSystemFonts off; negative control: no files, no ink)', () => {
    const svg = textSvg('Bookings $9.6M ₹ € £ ¥ ₩ ₽ Ωμέγα Привет');
    expect(ink(svg, []).dark).toBe(0);
    expect(ink(svg, fontFiles()).dark).toBeGreaterThan(500);
  });

  it('draws real CJK glyphs: two different Chinese strings rasterise differently', () => {
    // Were either character missing, both strings would be the same pair of .notdef boxes.
    const files = fontFiles();
    const a = ink(textSvg('直播'), files);
    const b = ink(textSvg('渠道'), files);
    expect(a.dark).toBeGreaterThan(200);
    expect(Buffer.compare(a.pixels, b.pixels)).not.toBe(0);
    // Negative control: with DejaVu alone both fall back to the same missing-glyph boxes.
    const latinOnly = [bundledFonts().regular];
    expect(
      Buffer.compare(
        ink(textSvg('直播'), latinOnly).pixels,
        ink(textSvg('渠道'), latinOnly).pixels,
      ),
    ).toBe(0);
    // Japanese kana and kanji, also in a bold run (drawn in the CJK face's one weight).
    const kana = ink(textSvg('ひらがな', 60, 'bold'), files);
    const kata = ink(textSvg('カタカナ', 60, 'bold'), files);
    expect(Buffer.compare(kana.pixels, kata.pixels)).not.toBe(0);
  });

  it.each([
    ['Korean', '예상 매출', '신규 고객'],
    ['Thai', 'รายได้', 'กาคไข่'],
    ['Arabic', 'الإيرادات', 'العملاءات'],
    ['Hebrew', 'הכנסות', 'לקוחותי'],
  ])('draws real %s glyphs: two strings rasterise differently', (_script, one, two) => {
    const files = fontFiles();
    const a = ink(textSvg(one), files);
    const b = ink(textSvg(two), files);
    expect(a.dark).toBeGreaterThan(200);
    expect(Buffer.compare(a.pixels, b.pixels)).not.toBe(0);
  });

  it('loads a fallback face only for text in its script', () => {
    const f = bundledFonts();
    expect(fontFilesFor('<text>Bookings € ₩ עברית العربية</text>')).toEqual([f.regular, f.bold]);
    expect(fontFilesFor('<text>예상 매출</text>')).toEqual([f.regular, f.bold, f.cjk]);
    expect(fontFilesFor('<text>直播</text>')).toEqual([f.regular, f.bold, f.cjk]);
    expect(fontFilesFor('<text>รายได้ 直播</text>')).toEqual([f.regular, f.bold, f.cjk, f.thai]);
  });

  it('needed the Hangul syllables and the Thai face: DejaVu alone draws both as boxes', () => {
    const latinOnly = [bundledFonts().regular, bundledFonts().bold];
    for (const [one, two] of [
      ['예상 매출', '신규 고객'],
      // The same pattern of letters and tone mark, so that boxes would look alike.
      ['รายได้', 'กาคไข่'],
    ]) {
      expect(
        Buffer.compare(ink(textSvg(one!), latinOnly).pixels, ink(textSvg(two!), latinOnly).pixels),
      ).toBe(0);
    }
  });

  it('names the family the CJK file really holds', () => {
    // The family of the name table (ID 1) must be the one the SVG stack and resvg ask for.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><text x="10" y="80" font-family="${FONT_FAMILIES.cjk}" font-size="60">直播</text></svg>`;
    expect(ink(svg, [bundledFonts().cjk]).dark).toBeGreaterThan(200);
  });

  it('measures text as resvg draws it (independent oracle: resvg bounding box of the same string)', () => {
    const set = bundledFonts();
    const chain = [set.regular, set.cjk, set.thai].map(loadFontWidths);
    for (const text of [
      'Monthly bookings forecast',
      'P(reach) 62% ± 1.1 pp',
      'MMMMMMMMMM',
      '2027年 直播渠道计划',
      '2027 예상 매출 계획',
      'รายได้ที่คาดการณ์ 2027',
      'الإيرادات المتوقعة 2027',
      'فريق المبيعات والتسويق',
      'درآمد پیش‌بینی شده',
      'Paid search · البحث المدفوع',
      'הכנסות צפויות 2027',
    ]) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="0" y="100" font-family="DejaVu Sans" font-size="100">${text}</text></svg>`;
      const r = new Resvg(svg, { font: { fontFiles: fontFiles(), loadSystemFonts: false } });
      const box = r.getBBox()!;
      const ours = textWidth(chain, text, 100);
      // The ink box excludes the first glyph's left and last glyph's right side bearing
      // (each under 0.1 em = 10 px at 100 px); kerning, and the gap where the direction
      // turns in mixed Latin and Arabic, move up to about 1% of the width more. (Arabic
      // measured letter by letter, unjoined, was 17–56% too wide.)
      expect(Math.abs(ours - box.width), text).toBeLessThan(25 + 0.01 * box.width);
    }
  });
});

describe('labels over their limit', () => {
  it('take the room Vega draws them in (cut at the limit), not their whole width', async () => {
    // A legend of channel names: the two long ones are cut at the legend's labelLimit (220 px)
    // when drawn, and the chart is as wide as the short names' chart plus at most those 220 px
    // each. Measured whole, an 80-character name spread this legend over 2,500 px.
    const widthWith = async (a: string, b: string) => {
      const result = fixtureResult({ scenario: 'Plan', channels: ['a', 'b', 'c'] });
      const chart = buildForecastCharts(result, fixtureModel(result, { a, b, c: 'Ads' })).find(
        (c) => c.name === 'channels',
      )!;
      const svg = await renderSvg(chart.spec);
      return { svg, width: Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)![1]) };
    };
    const short = await widthWith('Search', 'Social');
    const long = await widthWith(
      '直播渠道'.repeat(20),
      'Partner-sourced enterprise referrals from the channel alliance programme (EMEA)',
    );
    expect(long.svg).toContain('…');
    expect(long.width).toBeLessThanOrEqual(short.width + 2 * 220);
  });
});
