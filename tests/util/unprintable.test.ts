/** Characters no chart can draw: found in scenario text, replaced in SVG. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notXml, unprintableAt, xmlSafe } from '../../src/util/unprintable.js';

describe('unprintable characters', () => {
  it('are the controls XML 1.0 excludes, U+FFFE, U+FFFF and unpaired surrogates', () => {
    for (const c of [0, 1, 8, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, 0xd800, 0xdfff, 0xfffe, 0xffff])
      expect(notXml(c), c.toString(16)).toBe(true);
    for (const c of [0x09, 0x0a, 0x0d, 0x20, 0x7f, 0x85, 0xd7ff, 0xe000, 0xfffd, 0x1f680])
      expect(notXml(c), c.toString(16)).toBe(false);
  });

  it('are found by character number, emoji counting as one; DEL and C1 too', () => {
    expect(unprintableAt('Web\u0000shop')).toEqual({ at: 4, code: 0 });
    expect(unprintableAt('🚀🚀\ud83d')).toEqual({ at: 3, code: 0xd83d });
    expect(unprintableAt('a\u007f')).toEqual({ at: 2, code: 0x7f });
    expect(unprintableAt('a\u0085')).toEqual({ at: 2, code: 0x85 });
    expect(unprintableAt('검색\tค้นหา بحث 🚀\n')).toBeNull();
  });

  it('are replaced by U+FFFD one for one, everything else kept', () => {
    expect(xmlSafe('a\u0000b\ud800c🚀\u0007')).toBe('a\ufffdb\ufffdc🚀\ufffd');
    const plain = 'Bookings 직播 🚀';
    expect(xmlSafe(plain)).toBe(plain);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = xmlSafe(s);
        expect([...out].some((ch) => notXml(ch.codePointAt(0)!))).toBe(false);
        expect([...out]).toHaveLength([...s].length);
      }),
      { numRuns: 2000, seed: 3 },
    );
  });
});
