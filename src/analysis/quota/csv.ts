/**
 * Per-rep quotas as CSV for a compensation system: one row per seat, money in whole minor
 * units of the currency (cents for USD and EUR, whole yen for JPY; see minorUnitDigits).
 * Columns: `rep_id, role, kind, start, currency, capacity_share, quota`, then one `quota_`
 * column per quarter (`quota_FY2027_Q1`, …) and per month (`quota_2027-01`, …). Monthly
 * quotas are rounded to the minor unit; a quarter is the sum of its rounded months and
 * `quota` the sum of all of them, so every row adds up exactly (the rows' total may differ
 * from the unrounded total quota by a few minor units).
 */

import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import { csvLine } from '../../util/csv.js';
import { minorUnitDigits } from '../../util/currency.js';
import type { QuotaResult } from './types.js';

/**
 * Whole minor units → a decimal string with `digits` places (integer arithmetic, no float
 * drift): money(123456, 2) = "1234.56", money(123456, 0) = "123456".
 */
function money(units: number, digits: number): string {
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, '0')}`;
}

/**
 * The CSV text of a quota result (see module doc).
 * @example quotaToCsv(q).split('\n')[0] // 'rep_id,role,kind,start,currency,capacity_share,quota,quota_FY2027_Q1,…'
 */
export function quotaToCsv(result: QuotaResult): string {
  checkArgument('quotaToCsv', 'result', result, ARG.quota);
  const quarterOf = (t: number) => Math.floor(t / 3);
  const digits = minorUnitDigits(result.currency);
  const scale = 10 ** digits;
  const text = (units: number) => money(units, digits);
  const lines = [
    csvLine([
      'rep_id',
      'role',
      'kind',
      'start',
      'currency',
      'capacity_share',
      'quota',
      // Column names a compensation system imports: "FY2027 Q1" → quota_FY2027_Q1, and a
      // partial last quarter "FY2028 Q2 (1 month)" → quota_FY2028_Q2_1_month.
      ...result.quarters.map((l) => `quota_${l.replace(/[()]/g, '').trim().replace(/\s+/g, '_')}`),
      ...result.periods.map((p) => `quota_${p}`),
    ]),
  ];
  for (const r of result.reps) {
    const months = r.monthly.map((x) => Math.round(x * scale));
    const quarters = result.quarters.map((_, i) =>
      months.reduce((sum, c, t) => (quarterOf(t) === i ? sum + c : sum), 0),
    );
    const total = months.reduce((a, b) => a + b, 0);
    lines.push(
      csvLine([
        r.id,
        result.role,
        r.kind,
        r.start,
        result.currency,
        Number(r.capacity_share.toFixed(6)),
        text(total),
        ...quarters.map(text),
        ...months.map(text),
      ]),
    );
  }
  return lines.join('');
}
