/**
 * Labels that tell numbers apart with just enough digits: two different values never read
 * the same, and each label carries only the digits its neighbours require (the distributor
 * budget curve's "$146M", "$146M" becomes "$145.9M", "$146M"; the rest keep three digits).
 */

/**
 * `format(x, p)` of each value, p from `from` up to `to` (its meaning is the format's:
 * significant digits for {@link formatMoney}, decimals for {@link formatPercent}; the format
 * must round, which keeps order). In sorted order, each value and the next need the fewest
 * digits from which on, formatted alike, they always read differently — rounding can part two
 * values at p digits and join them again at p + 1 ($100.00000M, $100.00001M, then $100.000005M
 * twice) — and each value takes the more its two neighbours need. Then labels rise strictly
 * with the values, so two different values never read the same and close ones cannot swap
 * ("$13.81M" against "$13.8M"). Equal values read the same; non-finite ones are formatted at
 * `from`.
 * @example distinctLabels([145.92e6, 145.98e6, 146.6e6], (x, p) => formatMoney(x, 'USD', p), 3, 17) // ['$145.9M', '$146M', '$147M']
 */
export function distinctLabels(
  values: readonly number[],
  format: (x: number, precision: number) => string,
  from: number,
  to: number,
): string[] {
  const sorted = [...new Set(values.filter(Number.isFinite))].sort((a, b) => a - b);
  const digits = sorted.map(() => from);
  for (let k = 1; k < sorted.length; k++) {
    const differ = (p: number) => format(sorted[k - 1]!, p) !== format(sorted[k]!, p);
    let p = to;
    if (differ(to)) while (p > from && differ(p - 1)) p--;
    digits[k - 1] = Math.max(digits[k - 1]!, p);
    digits[k] = Math.max(digits[k]!, p);
  }
  let byValue = new Map(sorted.map((v, k) => [v, format(v, digits[k]!)]));
  // A guard for a format that does not round (the reasoning above then fails): one
  // precision for all.
  if (new Set(byValue.values()).size < byValue.size) {
    const p = uniformPrecision(sorted, format, from, to);
    byValue = new Map(sorted.map((v) => [v, format(v, p)]));
  }
  return values.map((v) => byValue.get(v) ?? format(v, from));
}

/** The fewest digits p ≥ from at which `format` writes all of `sorted` (ascending, distinct) differently; `to` if none. */
function uniformPrecision(
  sorted: readonly number[],
  format: (x: number, precision: number) => string,
  from: number,
  to: number,
): number {
  for (let p = from; p < to; p++) {
    const texts = sorted.map((v) => format(v, p));
    if (new Set(texts).size === texts.length) return p;
  }
  return to;
}
