/**
 * Arabic letters as the shaper draws them, for measuring text: each letter takes its
 * isolated, final, initial or medial form by whether it joins the letters beside it (Unicode
 * Standard, chapter 9.2 "Arabic", cursive joining; joining types from ArabicShaping.txt), and
 * lam followed by alef is one ligature. The forms' code points are the Arabic Presentation
 * Forms, whose advance widths the fonts map: an initial beh is a third of an isolated one, so
 * measuring the isolated letters overstated an Arabic label's width by about a quarter.
 * Letters without presentation forms here keep their own code point.
 */

/** Presentation forms of a letter: [isolated, final, initial, medial]; R letters have two. */
const FORMS = new Map<number, readonly number[]>();

/** Letters that join on both sides (D); the others listed join only to the letter before (R). */
const DUAL = new Set<number>();

{
  // U+0621…U+064A (without U+063B…U+0640) take U+FE80… in order: hamza one form, R letters
  // two, D letters four (alef maksura two, though it is dual-joining).
  const right = [0x622, 0x623, 0x624, 0x625, 0x627, 0x629, 0x62f, 0x630, 0x631, 0x632, 0x648];
  let at = 0xfe80;
  for (let c = 0x621; c <= 0x64a; c++) {
    if (c >= 0x63b && c <= 0x640) continue;
    const n = c === 0x621 ? 1 : right.includes(c) ? 2 : c === 0x649 ? 2 : 4;
    FORMS.set(
      c,
      Array.from({ length: n }, (_, k) => at + k),
    );
    if (c !== 0x621 && !right.includes(c)) DUAL.add(c);
    at += n;
  }
  // Persian and Urdu letters (Arabic Presentation Forms-A): peh, tcheh, keheh, gaf, farsi yeh
  // join both ways; jeh only to the letter before.
  for (const [c, first] of [
    [0x67e, 0xfb56],
    [0x686, 0xfb7a],
    [0x6a9, 0xfb8e],
    [0x6af, 0xfb92],
    [0x6cc, 0xfbfc],
  ] as const) {
    FORMS.set(c, [first, first + 1, first + 2, first + 3]);
    DUAL.add(c);
  }
  FORMS.set(0x698, [0xfb8a, 0xfb8b]);
}

const TATWEEL = 0x640;
/** Lam-alef ligatures [isolated, final] by the alef: madda, hamza above, hamza below, plain. */
const LAM_ALEF = new Map<number, readonly [number, number]>([
  [0x622, [0xfef5, 0xfef6]],
  [0x623, [0xfef7, 0xfef8]],
  [0x625, [0xfef9, 0xfefa]],
  [0x627, [0xfefb, 0xfefc]],
]);

/** Marks that joining passes over (transparent): harakat, superscript alef, Quranic marks. */
const transparent = (c: number): boolean =>
  (c >= 0x610 && c <= 0x61a) ||
  (c >= 0x64b && c <= 0x65f) ||
  c === 0x670 ||
  (c >= 0x6d6 && c <= 0x6ed && c !== 0x6dd && c !== 0x6de && c !== 0x6e5 && c !== 0x6e6);

/** Whether a letter joins the one after it (dual-joining letters and tatweel). */
const joinsNext = (c: number | undefined): boolean =>
  c !== undefined && (DUAL.has(c) || c === TATWEEL);

/** Whether a letter joins the one before it (every letter with a final form, and tatweel). */
const joinsPrevious = (c: number | undefined): boolean =>
  c !== undefined && ((FORMS.get(c)?.length ?? 0) >= 2 || c === TATWEEL);

/**
 * The code points of `text` with its Arabic letters in their contextual presentation forms
 * (lam-alef as one ligature); other characters as they are.
 * @example shapedCodePoints('بيت') // [0xfe91, 0xfef4, 0xfe96]
 */
export function shapedCodePoints(text: string): number[] {
  const cps = Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
  if (!cps.some((c) => c >= 0x600 && c <= 0x6ff)) return cps;
  // Each position's nearest non-transparent neighbour.
  const prev: (number | undefined)[] = [];
  let last: number | undefined;
  for (const c of cps) {
    prev.push(last);
    if (!transparent(c)) last = c;
  }
  const next: (number | undefined)[] = new Array(cps.length);
  last = undefined;
  for (let i = cps.length - 1; i >= 0; i--) {
    next[i] = last;
    if (!transparent(cps[i]!)) last = cps[i];
  }
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    const forms = FORMS.get(c);
    if (forms === undefined) {
      out.push(c);
      continue;
    }
    const before = joinsNext(prev[i]);
    const lamAlef = c === 0x644 ? LAM_ALEF.get(next[i] ?? -1) : undefined;
    if (lamAlef !== undefined) {
      out.push(before ? lamAlef[1] : lamAlef[0]);
      // The alef is part of the ligature: skip it (and keep any marks between the two).
      let j = i + 1;
      while (j < cps.length && transparent(cps[j]!)) out.push(cps[j++]!);
      i = j;
      continue;
    }
    const after = DUAL.has(c) && joinsPrevious(next[i]);
    const form = before ? (after ? 3 : 1) : after ? 2 : 0;
    out.push(forms[Math.min(form, forms.length - 1)]!);
  }
  return out;
}
