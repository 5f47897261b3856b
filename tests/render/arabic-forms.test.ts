/**
 * Arabic letters in the forms they join into, for measuring: checked by hand against the
 * Unicode joining rules here, and against resvg's drawn widths in render.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { shapedCodePoints } from '../../src/render/arabic-forms.js';

const hex = (text: string) => shapedCodePoints(text).map((c) => c.toString(16));

describe('shapedCodePoints', () => {
  it('gives a dual-joining letter its initial, medial and final forms', () => {
    // beh, yeh, teh: بيت
    expect(hex('\u0628\u064a\u062a')).toEqual(['fe91', 'fef4', 'fe96']);
  });

  it('lets right-joining letters break the word: dal, alef and reh stand alone', () => {
    // دار: dal does not join the alef after it, alef does not join the reh.
    expect(hex('\u062f\u0627\u0631')).toEqual(['fea9', 'fe8d', 'fead']);
    // باب: beh initial, alef final; then beh after alef is isolated.
    expect(hex('\u0628\u0627\u0628')).toEqual(['fe91', 'fe8e', 'fe8f']);
  });

  it('draws lam and alef as one ligature, final when the lam joins the letter before', () => {
    expect(hex('\u0644\u0627')).toEqual(['fefb']);
    expect(hex('\u0628\u0644\u0627')).toEqual(['fe91', 'fefc']);
    expect(hex('\u0644\u0623')).toEqual(['fef7']);
  });

  it('joins across harakat, which keep their own code points', () => {
    // بَت: fatha between beh and teh.
    expect(hex('\u0628\u064e\u062a')).toEqual(['fe91', '64e', 'fe96']);
  });

  it('breaks joining at a zero-width non-joiner and at anything not Arabic', () => {
    expect(hex('\u0628\u200c\u0628')).toEqual(['fe8f', '200c', 'fe8f']);
    expect(hex('\u0628 \u0628')).toEqual(['fe8f', '20', 'fe8f']);
    expect(hex('\u0628a')).toEqual(['fe8f', '61']);
  });

  it('knows Persian letters: peh, keheh and farsi yeh join both ways', () => {
    // پکی
    expect(hex('\u067e\u06a9\u06cc')).toEqual(['fb58', 'fb91', 'fbfd']);
  });

  it('leaves text without Arabic as it is', () => {
    expect(shapedCodePoints('Bookings 直播 ₩')).toEqual(
      Array.from('Bookings 直播 ₩', (c) => c.codePointAt(0)),
    );
  });
});
