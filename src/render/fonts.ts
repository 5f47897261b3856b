/**
 * The font files the renderer uses, all shipped with salesops in the repository's `fonts/`
 * folder, so PNG text never depends on the fonts a machine has: DejaVu Sans regular and bold
 * (Latin, Greek, Cyrillic, Armenian, Georgian, Arabic, Hebrew and the currency symbols;
 * ligatures turned off, see fonts/README.md), Salesops Sans CJK (a subset of Noto Sans CJK
 * SC: every basic CJK ideograph, kana, Hangul, CJK punctuation and full-width forms) and Noto
 * Sans Thai. System fonts are never consulted.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled faces, in fallback order: a character is drawn with the first face that has it. */
export interface FontSet {
  /** DejaVu Sans, regular. */
  readonly regular: string;
  /** DejaVu Sans, bold. */
  readonly bold: string;
  /** Salesops Sans CJK, regular (CJK text in bold titles is drawn in this one weight). */
  readonly cjk: string;
  /** Noto Sans Thai, regular (one weight, as CJK). */
  readonly thai: string;
}

/** Family names in the fonts' own `name` tables: what an SVG's font-family must name. */
export const FONT_FAMILIES = { latin: 'DejaVu Sans', cjk: 'Salesops Sans CJK' } as const;

/**
 * The characters only each fallback face draws, so a PNG loads a face only when its text
 * needs it (loading the 6 MB CJK face costs a PNG about 75 ms): CJK ideographs, kana, Hangul,
 * CJK punctuation and full-width forms; Thai.
 */
export const SCRIPT_OF_FACE = {
  cjk: /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/,
  thai: /[\u0e00-\u0e7f]/,
} as const;

/** The repository's `fonts/` folder: two levels above this module in src/ and in dist/. */
const VENDORED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fonts');

let cached: FontSet | null = null;

/**
 * The bundled font files; throws, naming the missing file, when the installation is broken.
 * @example bundledFonts().regular // '…/fonts/DejaVuSans.ttf'
 */
export function bundledFonts(): FontSet {
  if (cached !== null) return cached;
  const set: FontSet = {
    regular: join(VENDORED, 'DejaVuSans.ttf'),
    bold: join(VENDORED, 'DejaVuSans-Bold.ttf'),
    cjk: join(VENDORED, 'SalesopsSansCJK-Regular.otf'),
    thai: join(VENDORED, 'NotoSansThai-Regular.ttf'),
  };
  const missing = Object.values(set).filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new Error(
      `renderPng: font file ${missing.join(', ')} not found; salesops ships its fonts, so the installation is incomplete: run \`npm ci\` again`,
    );
  }
  cached = set;
  return set;
}

/**
 * The bundled font files as a list (regular, bold, then the fallback faces), for resvg's
 * `fontFiles`.
 * @example fontFiles().length // 4
 */
export function fontFiles(): string[] {
  const f = bundledFonts();
  return [f.regular, f.bold, f.cjk, f.thai];
}

/**
 * The font files a text needs: DejaVu Sans always, each fallback face only when the text
 * holds characters of its script ({@link SCRIPT_OF_FACE}).
 * @example fontFilesFor('<svg>…直播…</svg>') // [regular, bold, cjk]
 */
export function fontFilesFor(text: string): string[] {
  const f = bundledFonts();
  const files = [f.regular, f.bold];
  for (const face of ['cjk', 'thai'] as const) {
    if (SCRIPT_OF_FACE[face].test(text)) files.push(f[face]);
  }
  return files;
}
