/**
 * Terminal tables. Numbers in them use the report's formats (charts/format.ts), so the
 * terminal and the report print the same figure the same way.
 */

/** Left-aligned first column, right-aligned others. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length);
    });
  }
  return rows
    .map((r) =>
      r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '),
    )
    .join('\n');
}

/**
 * Why a standard error reads "n/a": the run's trials (one) are too few to estimate it.
 * @example tooFewTrials(1) // "1 trial is too few for a standard error; run more trials"
 */
export function tooFewTrials(trials: number): string {
  return `${trials.toLocaleString('en-US')} trial${trials === 1 ? ' is' : 's are'} too few for a standard error; run more trials`;
}

const UNITS: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/**
 * A table column of numbers in one compact unit and at one precision, so the figures line
 * up and read alike ("15.0M", "14.7M", "9.8M", never "15M" next to "14.7M"): the unit and the
 * decimals are those that give the column's largest magnitude `digits` significant digits.
 * Non-finite values print as "–"; negatives with a true minus sign.
 * @example compactColumn([15e6, 14.73e6, 9.78e6]) // ['15.0M', '14.7M', '9.8M']
 */
export function compactColumn(values: readonly number[], digits = 3): string[] {
  const finite = values.filter((v) => Number.isFinite(v)).map((v) => Math.abs(v));
  const top = finite.length > 0 ? Math.max(...finite) : 0;
  let scale = 1;
  let suffix = '';
  for (const [s, u] of UNITS) {
    // rounding can carry into the next unit (999,999 → 1.00M): test the rounded value
    if (Number((top / s).toPrecision(digits)) >= 1) {
      scale = s;
      suffix = u;
      break;
    }
  }
  const scaledTop = Number((top / scale).toPrecision(digits));
  const whole = scaledTop >= 1 ? Math.floor(Math.log10(scaledTop)) + 1 : 1;
  const decimals = Math.max(0, digits - whole);
  return values.map((v) => {
    if (!Number.isFinite(v)) return '–';
    const text = (Math.abs(v) / scale).toFixed(decimals);
    const zero = Number(text) === 0;
    return `${v < 0 && !zero ? '−' : ''}${scale === 1 ? Number(text).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : text}${suffix}`;
  });
}
