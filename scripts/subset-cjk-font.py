#!/usr/bin/python3
"""Makes fonts/SalesopsSansCJK-Regular.otf, the CJK face the PNG renderer bundles.

Source: Noto Sans CJK SC Regular (face 2 of NotoSansCJK-Regular.ttc, Debian's fonts-noto-cjk,
OFL 1.1). Kept: every CJK Unified Ideograph of the basic block (U+4E00-U+9FFF: all of
simplified and traditional Chinese and Japanese kanji in common use), kana, CJK symbols and
punctuation, full-width forms, every character of GB 2312, JIS X 0208 and Big5 level 1, and
Korean Hangul (Jamo, compatibility Jamo and all 11,172 precomposed syllables; Hangul glyphs
are the same in every regional face of Noto Sans CJK). Dropped: hinting, layout features (one
face, horizontal text only; precomposed syllables need none), vertical metrics.
The family is renamed "Salesops Sans CJK": a Modified Version under the OFL does not use the
original's names.

Run with Debian's fonttools (apt-get install python3-fonttools) and the font collection of
fonts-noto-cjk, installed or extracted from its .deb:
    /usr/bin/python3 scripts/subset-cjk-font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection

FAMILY = 'Salesops Sans CJK'
OUT = 'fonts/SalesopsSansCJK-Regular.otf'


def double_byte(codec, leads, trails):
    chars = set()
    for a in leads:
        for b in trails:
            try:
                text = bytes([a, b]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                chars.add(ord(text))
    return chars


def wanted():
    chars = double_byte('gb2312', range(0xA1, 0xF8), range(0xA1, 0xFF))
    chars |= double_byte('euc_jp', range(0xA1, 0xF5), range(0xA1, 0xFF))
    chars |= double_byte('big5', range(0xA1, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
    for lo, hi in [(0x3000, 0x30FF), (0x31F0, 0x31FF), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF),
                   # Hangul: Jamo, compatibility Jamo and every precomposed syllable.
                   (0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7A3)]:
        chars |= set(range(lo, hi + 1))
    return chars


def main(ttc):
    font = TTCollection(ttc).fonts[2]
    assert font['name'].getDebugName(1) == 'Noto Sans CJK SC', font['name'].getDebugName(1)
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.drop_tables += ['vhea', 'vmtx', 'VORG', 'BASE']
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=wanted())
    sub.subset(font)
    names = {1: FAMILY, 2: 'Regular', 3: f'{FAMILY} Regular subset', 4: f'{FAMILY} Regular',
             6: 'SalesopsSansCJK-Regular'}
    for record in font['name'].names:
        if record.nameID in names:
            record.string = names[record.nameID]
    cff = font['CFF ']
    cff.cff.fontNames = ['SalesopsSansCJK-Regular']
    top = cff.cff.topDictIndex[0]
    for key, value in [('FullName', f'{FAMILY} Regular'), ('FamilyName', FAMILY)]:
        if hasattr(top, key):
            setattr(top, key, value)
    font.save(OUT)
    print(f'{OUT}: {len(font.getGlyphOrder())} glyphs')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
