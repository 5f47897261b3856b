/**
 * Signed figures in the report's prose that never break after their sign: a browser may wrap
 * between "−" and "$67.2k", leaving a lone minus at a line's end (and so between "±" and
 * "$18k"). A word joiner (U+2060, invisible, no break on either side) after each sign that
 * starts a figure keeps the two together. Only text is touched, never a tag or an attribute
 * value (escapeHtml escapes attributes too, so this cannot live there); tables keep their own
 * `white-space: nowrap`.
 */

/** A sign (−, +, ±) at the start of a word: after a space, "(" or "[", or at the start of a text run. */
const SIGN = /(^|[\s([])([−+±])(?=[^\s\u2060])/g;

/** A paragraph or list item, whole: the prose of the report. */
const PROSE = /<(p|li)\b[^>]*>[\s\S]*?<\/\1>/g;

/**
 * `html` (an HTML fragment) with a word joiner after every sign that starts a figure in its
 * text; tags pass unchanged, and a sign that already has its joiner gets no second one.
 * @example keepSigns('<b>−$5k</b> (+3% ±1%)') // '<b>−\u2060$5k</b> (+\u20603% ±\u20601%)'
 */
export function keepSigns(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(SIGN, '$1$2\u2060')))
    .join('');
}

/**
 * `html` with {@link keepSigns} applied inside every paragraph (`<p>`) and list item (`<li>`),
 * and nowhere else: what every section's output goes through before it joins the page.
 * @example keepSignsInProse('<p>−$5k</p><td>−$5k</td>') // '<p>−\u2060$5k</p><td>−$5k</td>'
 */
export function keepSignsInProse(html: string): string {
  return html.replace(PROSE, keepSigns);
}
