/**
 * The shipped DejaVu Sans faces have ligatures off, because resvg 2.6.2 draws the CJK
 * characters of a label as empty boxes when an f-ligature comes before them (fonts/README.md).
 */
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import {
  FACES,
  gsubFeatureTags,
  originalFace,
  withoutLigatures,
} from '../../scripts/dejavu-without-ligatures.js';
import { bundledFonts, fontFiles } from '../../src/render/index.js';

/** RGBA pixels of one line of `text` in DejaVu Sans, drawn by resvg with `files` alone. */
function pixels(text: string, files: readonly string[], weight = 'normal'): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="60"><text x="5" y="40" font-family="DejaVu Sans" font-size="24" font-weight="${weight}">${text}</text></svg>`;
  const r = new Resvg(svg, {
    background: '#ffffff',
    font: { fontFiles: [...files], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return Buffer.from(r.render().pixels);
}

/**
 * Labels that start in Latin and hold an f-ligature before their CJK text, each with two
 * different CJK fillings of one length: drawn glyphs differ, missing-glyph boxes are all alike.
 */
const LABELS = [
  ['effects 上线', 'effects 下单'],
  ['fi 直播', 'fi 渠道'],
  ['x 上线 effects', 'x 下单 effects'],
  ['office 办公室 staff 员工 fluff', 'office 计划表 staff 渠道 fluff'],
  ['CRM 上线 CRM rollout · effects', 'CRM 下单 CRM rollout · effects'],
  ['Affiliate フィールド traffic', 'Affiliate ヒアリング traffic'],
] as const;

describe('DejaVu Sans without ligatures', () => {
  it('ships exactly the package faces with liga renamed (the script remakes them byte for byte)', () => {
    const set = bundledFonts();
    for (const [name, shipped] of [
      [FACES[0], set.regular],
      [FACES[1], set.bold],
    ] as const) {
      const original = readFileSync(originalFace(name));
      const ours = readFileSync(shipped);
      expect(gsubFeatureTags(original)).toContain('liga');
      expect(gsubFeatureTags(ours)).not.toContain('liga');
      expect(gsubFeatureTags(ours).filter((t) => t === 'ligx')).toHaveLength(
        gsubFeatureTags(original).filter((t) => t === 'liga').length,
      );
      expect(Buffer.compare(ours, withoutLigatures(original)), name).toBe(0);
    }
  });

  it('draws the CJK characters of labels with an f-ligature before them, regular and bold', () => {
    for (const weight of ['normal', 'bold']) {
      for (const [a, b] of LABELS) {
        const pa = pixels(a, fontFiles(), weight);
        expect(Buffer.compare(pa, pixels(b, fontFiles(), weight)), `${a} (${weight})`).not.toBe(0);
      }
    }
  });

  it('negative control: with the package faces, resvg draws those CJK characters as the same boxes', () => {
    const original = [originalFace(FACES[0]), originalFace(FACES[1]), bundledFonts().cjk];
    for (const [a, b] of LABELS) {
      expect(Buffer.compare(pixels(a, original), pixels(b, original)), a).toBe(0);
    }
  });
});
