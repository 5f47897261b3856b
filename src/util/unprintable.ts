/**
 * Characters that text shown on a chart must not hold. XML 1.0 (so SVG, and the PNG
 * renderer that parses it) cannot carry control characters other than tab, line feed and
 * carriage return, U+FFFE, U+FFFF or unpaired surrogates; a scenario also refuses DEL and
 * the C1 controls, which XML allows but no font draws.
 */

/**
 * Whether XML 1.0 cannot hold the code point (a lone surrogate counts as its own code point).
 * @example notXml(0) // true
 */
export function notXml(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0xfffe ||
    code === 0xffff
  );
}

/**
 * Where `text` first holds a character no chart draws ({@link notXml}, DEL, a C1 control):
 * its 1-based character number and code point, or null.
 * @example unprintableAt('Web\u0000shop') // { at: 4, code: 0 }
 */
export function unprintableAt(text: string): { at: number; code: number } | null {
  let at = 0;
  for (const ch of text) {
    at += 1;
    const code = ch.codePointAt(0)!;
    if (notXml(code) || (code >= 0x7f && code <= 0x9f)) return { at, code };
  }
  return null;
}

/**
 * `text` with every character XML cannot hold replaced by U+FFFD (`text` itself when none).
 * @example xmlSafe('a\u0000b') // 'a\ufffdb'
 */
export function xmlSafe(text: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  for (const ch of text) {
    if (notXml(ch.codePointAt(0)!)) {
      out += `${text.slice(from, i)}\ufffd`;
      from = i + ch.length;
    }
    i += ch.length;
  }
  return from === 0 ? text : out + text.slice(from);
}
