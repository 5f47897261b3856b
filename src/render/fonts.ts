/**
 * The font files the PNG renderer loads. DejaVu Sans comes from Debian's
 * fonts-dejavu-core package; system fonts are never consulted, so output does not
 * depend on the machine.
 */
import { existsSync } from 'node:fs';

/** Where Debian's fonts-dejavu-core installs DejaVu Sans (regular and bold). */
export const DEJAVU_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
] as const;

/**
 * The DejaVu font files, or an error naming the missing file and the package that provides it.
 * `SALESOPS_FONT_DIR` overrides the folder (for non-Debian systems).
 * @example fontFiles() // ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', …]
 */
export function fontFiles(): string[] {
  const dir = process.env.SALESOPS_FONT_DIR;
  const files =
    dir === undefined || dir === ''
      ? [...DEJAVU_FILES]
      : DEJAVU_FILES.map((f) => `${dir.replace(/\/$/, '')}/${f.slice(f.lastIndexOf('/') + 1)}`);
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new Error(
      `renderPng: font file ${missing.join(', ')} not found; install it with \`apt-get install -y fonts-dejavu-core\` (or set SALESOPS_FONT_DIR to a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf)`,
    );
  }
  return files;
}
