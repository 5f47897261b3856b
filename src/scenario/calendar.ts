/**
 * The monthly calendar: labels, calendar months (for seasonality), quarters (consecutive
 * 3-period blocks from the start, labelled by the fiscal year and fiscal quarter of their
 * first month).
 */
import type { Calendar } from '../model/types.js';

/** Months since year 0 of a `YYYY-MM` string (no validation: the schema checked it). */
export function monthNumber(yyyymm: string): number {
  const [y, m] = yyyymm.split('-');
  return Number(y) * 12 + Number(m) - 1;
}

/** `YYYY-MM` of a month number. */
export function monthLabel(n: number): string {
  const y = Math.floor(n / 12);
  const m = n - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/**
 * Fiscal year and fiscal quarter (1–4) of a month number, for a fiscal year starting in
 * month `start` (1–12). A fiscal year is named by the calendar year in which it ends, so
 * with `start` 4 April 2027 – March 2028 is FY2028; with `start` 1 it is the calendar year.
 * @example fiscalOf(monthNumber('2027-04'), 4) // { year: 2028, quarter: 1 }
 */
export function fiscalOf(n: number, start: number): { year: number; quarter: number } {
  const year = Math.floor(n / 12);
  const month = n - year * 12; // 0 = January
  const into = (month - (start - 1) + 12) % 12;
  return {
    year: start === 1 || month < start - 1 ? year : year + 1,
    quarter: Math.floor(into / 3) + 1,
  };
}

/**
 * The calendar of `periods` months from `start`; quarter q covers periods 3q … 3q+2 and is
 * labelled `FY2027 Q1` by the fiscal year and quarter of its first month. When `periods` is
 * not a multiple of 3 the last quarter is partial, and its label gives its length:
 * `FY2028 Q2 (1 month)`.
 * @example buildCalendar('2027-04', 7, 4).quarterLabels // ['FY2028 Q1', 'FY2028 Q2', 'FY2028 Q3 (1 month)']
 */
export function buildCalendar(start: string, periods: number, fiscalYearStart = 1): Calendar {
  const first = monthNumber(start);
  const labels: string[] = [];
  const months = new Int32Array(periods);
  const quarterOf = new Int32Array(periods);
  const quarterLabels: string[] = [];
  for (let t = 0; t < periods; t++) {
    const n = first + t;
    labels.push(monthLabel(n));
    months[t] = n % 12;
    quarterOf[t] = Math.floor(t / 3);
    if (t % 3 === 0) {
      const f = fiscalOf(n, fiscalYearStart);
      // A last block of fewer than 3 periods says so, wherever its label is shown.
      const left = periods - t;
      const part = left >= 3 ? '' : ` (${left} month${left === 1 ? '' : 's'})`;
      quarterLabels.push(`FY${f.year} Q${f.quarter}${part}`);
    }
  }
  return { start, periods, labels, months, quarterOf, fiscalYearStart, quarterLabels };
}
