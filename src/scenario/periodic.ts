/**
 * Per-period inputs (channel spend, hires): a number for every period, a list of exactly
 * `periods` numbers, or a map `{default: x, "YYYY-MM": y}` (default 0 when left out).
 */
import type { Calendar } from '../model/types.js';
import { monthNumber } from './calendar.js';
import { msg } from './messages.js';
import type { Segment } from './path.js';
import { MONTH_PATTERN } from './schema-parts.js';

/** A per-period input as the schema accepts it. */
export type PerPeriodInput = number | readonly number[] | Readonly<Record<string, number>>;

/** One problem, at a path relative to the input. */
export interface PeriodIssue {
  readonly path: readonly Segment[];
  readonly message: string;
}

/**
 * Expands a per-period input to one value per period of `cal`.
 * @example expandPerPeriod({ default: 1, '2027-03': 4 }, buildCalendar('2027-01', 4)) // [1, 1, 4, 1]
 */
export function expandPerPeriod(
  input: PerPeriodInput,
  cal: Calendar,
): { values: number[] } | { issues: PeriodIssue[] } {
  const n = cal.periods;
  if (typeof input === 'number') return { values: new Array<number>(n).fill(input) };
  if (Array.isArray(input)) {
    const list = input as readonly number[];
    if (list.length !== n)
      return { issues: [{ path: [], message: msg.listLength(list.length, n) }] };
    return { values: [...list] };
  }
  const map = input as Readonly<Record<string, number>>;
  const values = new Array<number>(n).fill(map.default ?? 0);
  const issues: PeriodIssue[] = [];
  const first = monthNumber(cal.start);
  for (const [key, v] of Object.entries(map)) {
    if (key === 'default') continue;
    if (!MONTH_PATTERN.test(key)) {
      issues.push({ path: [key], message: msg.monthKey(key) });
      continue;
    }
    const t = monthNumber(key) - first;
    if (t < 0 || t >= n) {
      issues.push({
        path: [key],
        message: msg.monthOutside(key, cal.labels[0]!, cal.labels[n - 1]!),
      });
      continue;
    }
    values[t] = v;
  }
  return issues.length > 0 ? { issues } : { values };
}
