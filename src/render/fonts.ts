/**
 * The font files the renderer uses, all shipped with salesops in the repository's `fonts/`
 * folder, so PNG text never depends on the fonts a machine has: DejaVu Sans regular and bold
 * (Latin, Greek, Cyrillic and the currency symbols; ligatures turned off, see
 * fonts/README.md) and Salesops Sans CJK (a subset of Noto Sans CJK SC: every basic CJK
 * ideograph, kana, CJK punctuation and full-width forms). System fonts are never consulted.
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
}

/** Family names in the fonts' own `name` tables: what an SVG's font-family must name. */
export const FONT_FAMILIES = { latin: 'DejaVu Sans', cjk: 'Salesops Sans CJK' } as const;

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
 * The bundled font files as a list (regular, bold, CJK), for resvg's `fontFiles`.
 * @example fontFiles().length // 3
 */
export function fontFiles(): string[] {
  const f = bundledFonts();
  return [f.regular, f.bold, f.cjk];
}
