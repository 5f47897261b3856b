/**
 * The monthly calendar: labels, calendar months (for seasonality), quarters (consecutive
 * 3-period blocks from the start, labelled by the calendar quarter of their first month).
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
 * The calendar of `periods` months from `start`; quarter q covers periods 3q … 3q+2 and is
 * labelled `YYYY-Qn` by the calendar quarter of its first month.
 * @example buildCalendar('2027-04', 6).quarterLabels // ['2027-Q2', '2027-Q3']
 */
export function buildCalendar(start: string, periods: number): Calendar {
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
    if (t % 3 === 0) quarterLabels.push(`${Math.floor(n / 12)}-Q${Math.floor((n % 12) / 3) + 1}`);
  }
  return { start, periods, labels, months, quarterOf, quarterLabels };
}
