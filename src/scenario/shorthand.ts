/**
 * The `"LOW to HIGH"` shorthand: a 90% interval written as text, e.g. `"18% to 28%"`,
 * `"60 to 110"`, `"-1% to 2.5%"`, `"40,000 to 75_000"`. A `%` divides the number it follows
 * by 100; `,` and `_` between digits are thousands separators; `e` exponents are allowed.
 */

const NUMBER = String.raw`([+-]?(?:\d[\d,_]*)?\.?\d+(?:[eE][+-]?\d+)?)\s*(%?)`;
const RANGE = new RegExp(String.raw`^\s*${NUMBER}\s+to\s+${NUMBER}\s*$`, 'i');
const SINGLE = new RegExp(String.raw`^\s*${NUMBER}\s*$`);

/** JSON-Schema pattern of the shorthand (for editor completion). */
export const RANGE_PATTERN = String.raw`^\s*[+-]?[\d.,_]+([eE][+-]?\d+)?\s*%?\s+to\s+[+-]?[\d.,_]+([eE][+-]?\d+)?\s*%?\s*$`;

function toNumber(digits: string, percent: string): number | null {
  // separators only between digits, so "1,,0" or "1,"-style typos are refused
  if (/[,_](?!\d)|(?<!\d)[,_]/.test(digits)) return null;
  const v = Number(digits.replace(/[,_]/g, ''));
  if (!Number.isFinite(v)) return null;
  return percent === '%' ? v / 100 : v;
}

/**
 * Parses `"LOW to HIGH"` into its two numbers (percentages divided by 100), or null when the
 * text is not of that form. Does not check LOW < HIGH. `mixed` is true when one end has a
 * `%` and the other, not 0, has none ("35 to 45%" reads as 35 to 0.45: surely a slip).
 * @example parseRange('18% to 28%') // { low: 0.18, high: 0.28, mixed: false }
 */
export function parseRange(text: string): { low: number; high: number; mixed: boolean } | null {
  const m = RANGE.exec(text);
  if (m === null) return null;
  const low = toNumber(m[1]!, m[2]!);
  const high = toNumber(m[3]!, m[4]!);
  if (low === null || high === null) return null;
  const mixed = m[2] !== m[4] && (m[2] === '%' ? high : low) !== 0;
  return { low, high, mixed };
}

/**
 * A lone number written as text ("15%", "0.15", "40,000"), percentages divided by 100, or
 * null: what a fixed value looks like when it was quoted or given a `%`.
 * @example parseSingle('15%') // 0.15
 */
export function parseSingle(text: string): number | null {
  const m = SINGLE.exec(text);
  return m === null ? null : toNumber(m[1]!, m[2]!);
}
