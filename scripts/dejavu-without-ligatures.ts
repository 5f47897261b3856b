/**
 * Makes fonts/DejaVuSans.ttf and fonts/DejaVuSans-Bold.ttf: the `dejavu-fonts-ttf` package's
 * DejaVu Sans 2.37 with its standard-ligature feature turned off (fonts/README.md says why).
 *
 *   npx tsx scripts/dejavu-without-ligatures.ts
 *
 * The only change is the tag of the GSUB feature records `liga` → `ligx`: a tag no shaper
 * asks for, so `ff`, `fi`, `fl`, `ffi` and `ffl` stay two or three glyphs. `ligx` sorts
 * where `liga` did, so the feature list stays in tag order. The GSUB table's checksum and
 * the font's `checkSumAdjustment` are recomputed; every other byte is the original's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
/** The faces made, by file name (the same name in the package and in fonts/). */
export const FACES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;

/** The original file of a face, in the `dejavu-fonts-ttf` package. */
export function originalFace(name: string): string {
  const pkg = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
  return join(dirname(pkg), 'ttf', name);
}

/** The tables of an OpenType font: tag → its directory record's offset in the file. */
function tableRecords(font: Buffer): Map<string, number> {
  const records = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    records.set(font.toString('latin1', at, at + 4), at);
  }
  return records;
}

/** The OpenType checksum: the sum of big-endian uint32 words, the last one zero-padded. */
function checksum(bytes: Buffer): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 4) {
    let word = 0;
    for (let j = 0; j < 4; j++) word = word * 256 + (i + j < bytes.length ? bytes[i + j]! : 0);
    sum = (sum + word) % 2 ** 32;
  }
  return sum;
}

/** The GSUB feature tags of a font, in file order. */
export function gsubFeatureTags(font: Buffer): string[] {
  const gsub = tableRecords(font).get('GSUB');
  if (gsub === undefined) return [];
  const table = font.readUInt32BE(gsub + 8);
  const list = table + font.readUInt16BE(table + 6);
  return Array.from({ length: font.readUInt16BE(list) }, (_, i) => {
    const at = list + 2 + 6 * i;
    return font.toString('latin1', at, at + 4);
  });
}

/** A copy of `original` with its `liga` features renamed `ligx` and its checksums made right. */
export function withoutLigatures(original: Buffer): Buffer {
  const font = Buffer.from(original);
  const records = tableRecords(font);
  const gsub = records.get('GSUB');
  const head = records.get('head');
  if (gsub === undefined || head === undefined) throw new Error('not a font with GSUB and head');
  const table = font.readUInt32BE(gsub + 8);
  const length = font.readUInt32BE(gsub + 12);
  const list = table + font.readUInt16BE(table + 6);
  let renamed = 0;
  for (let i = 0; i < font.readUInt16BE(list); i++) {
    const at = list + 2 + 6 * i;
    if (font.toString('latin1', at, at + 4) === 'liga') {
      font.write('ligx', at, 'latin1');
      renamed++;
    }
  }
  if (renamed === 0) throw new Error('the font has no liga feature to turn off');
  font.writeUInt32BE(checksum(font.subarray(table, table + length)), gsub + 4);
  // checkSumAdjustment (head + 8) = 0xB1B0AFBA − the whole font's checksum with it at zero.
  const adjustment = font.readUInt32BE(head + 8) + 8;
  font.writeUInt32BE(0, adjustment);
  font.writeUInt32BE((0xb1b0afba - checksum(font) + 2 ** 32) % 2 ** 32, adjustment);
  return font;
}

if (process.argv[1] === import.meta.filename) {
  for (const name of FACES) {
    writeFileSync(join(ROOT, 'fonts', name), withoutLigatures(readFileSync(originalFace(name))));
    console.log(`fonts/${name}`);
  }
}
