/**
 * Text widths from the bundled font files, for Vega's headless layout. Without a canvas
 * Vega guesses 0.8 em per character, which makes titles and legends far wider than they
 * render; here the advance widths come from the fonts' own `cmap` and `hmtx` tables
 * (OpenType spec, "cmap format 4" and "hmtx"), with the same fallback resvg applies: a
 * character DejaVu Sans lacks (Chinese, Japanese, Korean, Thai) is measured in the first
 * bundled face that has it. Arabic letters are measured in the forms they join into
 * (arabic-forms.ts).
 */
import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { shapedCodePoints } from './arabic-forms.js';
import type { FontSet } from './fonts.js';

/** Advance widths in em, by code point, read lazily from one TrueType or OpenType file. */
export interface FontWidths {
  /** Advance width of one code point in em (the .notdef width for unmapped code points). */
  advance(codePoint: number): number;
  /** Whether the font maps the code point to a glyph. */
  has(codePoint: number): boolean;
}

/**
 * Parses the advance widths of a TrueType font (cmap format 4 subtable, BMP only).
 * @example loadFontWidths(bundledFonts().regular).advance(65) // 0.684 (em)
 */
export function loadFontWidths(file: string): FontWidths {
  const buf = readFileSync(file);
  const tables = new Map<string, number>();
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const table = (tag: string): number => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`loadFontWidths: ${file} has no ${tag} table`);
    return at;
  };
  const unitsPerEm = buf.readUInt16BE(table('head') + 18);
  const numHMetrics = buf.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const cmap = table('cmap');
  let sub = -1;
  const nSub = buf.readUInt16BE(cmap + 2);
  for (let i = 0; i < nSub; i++) {
    const rec = cmap + 4 + 8 * i;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const at = cmap + buf.readUInt32BE(rec + 4);
    if (buf.readUInt16BE(at) === 4 && (platform === 0 || (platform === 3 && encoding === 1)))
      sub = at;
  }
  if (sub < 0) throw new Error(`loadFontWidths: ${file} has no Unicode BMP cmap`);
  const segs = buf.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const ranges = deltas + 2 * segs;

  const glyphOf = (c: number): number => {
    for (let i = 0; i < segs; i++) {
      if (buf.readUInt16BE(ends + 2 * i) < c) continue;
      const start = buf.readUInt16BE(starts + 2 * i);
      if (start > c) return 0;
      const delta = buf.readInt16BE(deltas + 2 * i);
      const rangeOffset = buf.readUInt16BE(ranges + 2 * i);
      if (rangeOffset === 0) return (c + delta) & 0xffff;
      const g = buf.readUInt16BE(ranges + 2 * i + rangeOffset + 2 * (c - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const glyphs = new Map<number, number>();
  const glyph = (c: number): number => {
    let g = glyphs.get(c);
    if (g === undefined) {
      g = c > 0xffff ? 0 : glyphOf(c);
      glyphs.set(c, g);
    }
    return g;
  };
  const cache = new Map<number, number>();
  return {
    has: (c) => glyph(c) !== 0,
    advance(c) {
      let w = cache.get(c);
      if (w === undefined) {
        const g = glyph(c);
        const m = Math.min(g, numHMetrics - 1);
        w = buf.readUInt16BE(hmtx + 4 * m) / unitsPerEm;
        cache.set(c, w);
      }
      return w;
    },
  };
}

/** The fields of a Vega text item that decide its width. */
interface TextItem {
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
  /** Width in px at which Vega truncates the text with an ellipsis (0 or absent: none). */
  readonly limit?: number | string;
}

/**
 * Width in px of `text` set at `size` px in the first of `fonts` that has each character
 * (the first font's .notdef width when none has it), Arabic letters in their joined forms.
 * @example textWidth([dejavu, cjk], '直播 live', 12)
 */
export function textWidth(
  fonts: FontWidths | readonly FontWidths[],
  text: string,
  size: number,
): number {
  const chain: readonly FontWidths[] = 'advance' in fonts ? [fonts] : fonts;
  const first = chain[0];
  if (first === undefined) return 0;
  let em = 0;
  for (const c of shapedCodePoints(text)) {
    em += (chain.find((f) => f.has(c)) ?? first).advance(c);
  }
  return em * size;
}

interface VegaTextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

let installed: string | null = null;

/**
 * Makes Vega measure text with the bundled fonts (process-wide, idempotent): DejaVu Sans
 * regular or bold, falling back to the CJK and Thai faces in that order, as the PNG renderer
 * does. Vega's `textMetrics.width` hook is the documented way headless
 * renderers such as vl-convert supply real metrics.
 * @example useFontMetrics(bundledFonts());
 */
export function useFontMetrics(fonts: FontSet): void {
  const key = Object.values(fonts).join('\n');
  if (installed === key) return;
  const fallback = [fonts.cjk, fonts.thai].map(loadFontWidths);
  const regular = [loadFontWidths(fonts.regular), ...fallback];
  const bold = [loadFontWidths(fonts.bold), ...fallback];
  const metrics = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;
  metrics.width = (item, text) => {
    const s = text == null ? '' : String(text).trim();
    const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
    const w = item.fontWeight;
    const isBold = w === 'bold' || w === 'bolder' || (typeof w === 'number' && w >= 600);
    const width = textWidth(isBold ? bold : regular, s, size);
    // Vega draws text cut at its limit (a legend's or axis's labelLimit) but takes a mark's
    // bounds from this same hook, with the whole text: a long channel name spread the legend
    // over 2,500 px. At most the limit is what is drawn. Vega's truncation only asks whether
    // a width is below the limit, which this leaves as it was.
    const limit = Number(item.limit);
    return limit > 0 ? Math.min(width, limit) : width;
  };
  installed = key;
}
