/**
 * The `"LOW to HIGH"` shorthand: a 90% interval written as text, e.g. `"18% to 28%"`,
 * `"60 to 110"`, `"-1% to 2.5%"`, `"40,000 to 75_000"`. A `%` divides the number it follows
 * by 100; `,` and `_` between digits are thousands separators; `e` exponents are allowed.
 */

const NUMBER = String.raw`([+-]?(?:\d[\d,_]*)?\.?\d+(?:[eE][+-]?\d+)?)\s*(%?)`;
const RANGE = new RegExp(String.raw`^\s*${NUMBER}\s+to\s+${NUMBER}\s*$`, 'i');

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
 * text is not of that form. Does not check LOW < HIGH.
 * @example parseRange('18% to 28%') // { low: 0.18, high: 0.28 }
 */
export function parseRange(text: string): { low: number; high: number } | null {
  const m = RANGE.exec(text);
  if (m === null) return null;
  const low = toNumber(m[1]!, m[2]!);
  const high = toNumber(m[3]!, m[4]!);
  return low === null || high === null ? null : { low, high };
}
