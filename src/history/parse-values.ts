/**
 * Cell values of the history files (docs/data-formats.md): numbers in the common spellings
 * of spreadsheets and CRMs, and dates and months in ISO, slashed, dotted and named forms.
 * Each parser returns the value or a phrase saying what was expected.
 */
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';

/** How `a/b/yyyy` dates are read: `mdy` (US), `dmy`, or `auto` (only when unambiguous). */
export type DateOrder = 'auto' | 'mdy' | 'dmy';

/** A parsed date: its month number (year·12 + month − 1) and day. */
export interface DateValue {
  readonly month: number;
  readonly day: number;
}

const CURRENCY =
  /^(?:[$€£¥₹]|USD|EUR|GBP|JPY|CHF|CAD|AUD|INR|CNY|SEK|NOK|DKK|PLN)\s*|\s*(?:[$€£¥₹]|USD|EUR|GBP|JPY|CHF|CAD|AUD|INR|CNY|SEK|NOK|DKK|PLN)$/gi;

/**
 * A number as spreadsheets and CRMs write it: `1234.5`, `1,234.50`, `1 234,5`, `1.234,56`,
 * `1'234` or `1’234` (Swiss), `$1,234`, `1234 EUR`, `(1,234)` (negative), `-12`, `1e3`. A
 * comma followed by exactly three digits is a thousands separator; another single comma is a
 * decimal comma.
 * With `decimalComma` (a file whose fields are separated by semicolons, as spreadsheets save
 * CSV where the decimal mark is a comma) a comma is always the decimal mark and dots group
 * thousands: `1,234` is 1.234 and `1.234` is 1234. Returns null for an empty cell, or a
 * phrase for anything else.
 * @example parseNumber('$1,234.50') // 1234.5
 * @example parseNumber('1.234,5', true) // 1234.5
 */
export function parseNumber(text: string, decimalComma = false): number | null | { error: string } {
  // Per cell: the helper is called only for a value that is no text.
  if (typeof text !== 'string') checkArgument('parseNumber', 'text', text, ARG.cellText);
  let s = text.trim();
  if (s === '') return null;
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(CURRENCY, '').trim();
  if (s.startsWith('-') || s.startsWith('−')) {
    sign = -sign;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  s = s.replace(CURRENCY, '').replace(/[\s\u00a0\u202f_'\u2019]/g, '');
  if (/^\d+(\.\d+)?[eE][+-]?\d+$/.test(s)) return sign * Number(s);
  if (decimalComma) return decimalCommaNumber(s, sign);
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    // both: the later one is the decimal mark
    s = comma > dot ? s.replaceAll('.', '').replace(',', '.') : s.replaceAll(',', '');
  } else if (comma >= 0) {
    if (/^\d{1,3}(,\d{3})+$/.test(s)) s = s.replaceAll(',', '');
    else if (/^\d+,\d+$/.test(s)) s = s.replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) s = s.replaceAll('.', '');
  if (!/^(\d+\.?\d*|\.\d+)$/.test(s)) return { error: 'a number' };
  const v = sign * Number(s);
  return Number.isFinite(v) ? v : { error: 'a finite number' };
}

/** {@link parseNumber}'s unsigned digits `s` read with a decimal comma and dots grouping thousands. */
function decimalCommaNumber(s: string, sign: number): number | { error: string } {
  if (/^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replaceAll('.', '');
  if (/^\d+,\d+$/.test(s)) s = s.replace(',', '.');
  // A dot left (12.5, 0.125) cannot group thousands: a decimal point, as a program writes it.
  else if (!/^(\d+\.?\d*|\.\d+)$/.test(s)) {
    return { error: 'a number with a decimal comma (the fields are separated by semicolons)' };
  }
  const v = sign * Number(s);
  return Number.isFinite(v) ? v : { error: 'a finite number' };
}

/**
 * Month names by month, in English, German, French, Spanish, Italian, Dutch and Portuguese
 * (lower case, accents removed), then abbreviations that are no name's first letters (German
 * `Mrz`, Dutch `mrt`). Spreadsheets write month names in the language of the computer.
 */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'januar', 'janvier', 'enero', 'gennaio', 'januari', 'janeiro'],
  ['february', 'februar', 'fevrier', 'febrero', 'febbraio', 'februari', 'fevereiro'],
  ['march', 'marz', 'mars', 'marzo', 'maart', 'marco', 'mrz', 'mrt'],
  ['april', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mei', 'maio'],
  ['june', 'juni', 'juin', 'junio', 'giugno', 'junho'],
  ['july', 'juli', 'juillet', 'julio', 'luglio', 'julho'],
  ['august', 'aout', 'agosto', 'augustus'],
  ['september', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro'],
  ['october', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro'],
  ['november', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dezember', 'decembre', 'diciembre', 'dicembre', 'dezembro'],
];

const valid = (y: number, m: number, d: number): DateValue | null => {
  if (!(y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? { month: y * 12 + m - 1, day: d } : null;
};

/**
 * 1–12 for a month name in one of {@link MONTH_NAMES}' languages, or its first three or more
 * letters (`Sep`, `Sept`, `März`, `janv`, `dic`), accents optional; −1 for anything else,
 * and for letters that begin names of two months (French `jui`: juin or juillet).
 */
const monthName = (name: string): number => {
  const n = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (n.length < 3) return -1;
  let found = -1;
  for (let m = 0; m < 12; m++) {
    if (!MONTH_NAMES[m]!.some((full) => full.startsWith(n))) continue;
    if (found >= 0) return -1;
    found = m + 1;
  }
  return found;
};

/**
 * A year of four digits, or of two after a month's name as Excel writes `mmm-yy` (`Mar-26`)
 * and `d-mmm-yy` (`14-Mar-26`), read as Excel reads them: 00–29 are 2000–2029, 30–99 are
 * 1930–1999.
 */
const fullYear = (digits: string): number => {
  const y = Number(digits);
  return digits.length > 2 ? y : y < 30 ? 2000 + y : 1900 + y;
};

/**
 * A time of day after a date, as CRMs and spreadsheets add it: `9:30 AM`, `09:30:15`,
 * `23:59:59.123 UTC`, `09:30 +0100`, `T09:30:00Z`. Only the written date counts (the history
 * is monthly), so the time and its zone are dropped; the date before it must end in a digit.
 */
const TIME_OF_DAY =
  /^(.*\d)(?:[T ,]+|\s+at\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2}|[a-z]{3,4}))?$/i;

/** Excel's serial day numbers (days since 1899-12-30) of 2000-01-01 and 2099-12-31. */
const EXCEL_SERIALS = { first: 36_526, last: 73_050 } as const;

/** The date of an Excel serial day number. */
function excelDate(serial: number): DateValue | null {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return valid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A slashed date, `a/b/yyyy`: day and month in an order the file must settle. */
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** What {@link parseDate} calls a slashed date that could be read either way. */
export const AMBIGUOUS_DATE = 'an unambiguous date';

/**
 * The order a slashed date proves (`14/03/2026` day first, `03/14/2026` month first, a time
 * of day allowed after it), or null when it proves none (`03/04/2026`, or no slashed date).
 * @example slashedOrder('3/14/2026 9:30 AM') // 'mdy'
 */
export function slashedOrder(text: string): 'dmy' | 'mdy' | null {
  const m = SLASHED.exec(text.trim().replace(TIME_OF_DAY, '$1'));
  if (!m) return null;
  const a = +m[1]!;
  const b = +m[2]!;
  if (a > 12 && b >= 1 && b <= 12) return 'dmy';
  if (b > 12 && a >= 1 && a <= 12) return 'mdy';
  return null;
}

/**
 * A date: `2026-03-14` (also with a time, `2026-03-14T09:30:00Z` or `2026-03-14 09:30`),
 * `2026/03/14`, `20260314`, `14.03.2026`, `14 Mar 2026`, `14-Mar-26`, `14. März 2026`,
 * `14 de marzo de 2026`, `Mar 14, 2026`, `03/14/2026` or `14/03/2026` read by `order`
 * (`auto`: only when the day is above 12 or equals the month; the readers then take the order
 * the rest of the file proves, date-order.ts), and Excel's serial day numbers of 2000–2099
 * (`46095`, `46095.5` with a time), as a date cell formatted as General is saved. Any of them may carry a time of day (`3/14/2026 9:30 AM`, `14.03.2026 09:30`),
 * which is dropped. Returns null for an empty cell, or a phrase.
 * @example parseDate('14.03.2026') // { month: 2026·12 + 2, day: 14 }
 */
export function parseDate(
  text: string,
  order: DateOrder = 'auto',
): DateValue | null | { error: string } {
  if (typeof text !== 'string') checkArgument('parseDate', 'text', text, ARG.cellText);
  const s = text.trim().replace(TIME_OF_DAY, '$1');
  if (s === '') return null;
  const bad = { error: 'a date such as 2026-03-14' };
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!) ?? bad;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!) ?? bad;
  m = /^(\d{5})(?:[.,]\d+)?$/.exec(s);
  if (m) {
    const serial = +m[1]!;
    if (serial >= EXCEL_SERIALS.first && serial <= EXCEL_SERIALS.last) {
      return excelDate(serial) ?? bad;
    }
    return {
      error: `a date such as 2026-03-14 (a number of days is read as an Excel serial date from ${EXCEL_SERIALS.first}, 2000-01-01, to ${EXCEL_SERIALS.last}, 2099-12-31)`,
    };
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return valid(+m[3]!, +m[2]!, +m[1]!) ?? bad;
  m = SLASHED.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    const y = +m[3]!;
    if (order === 'mdy') return valid(y, a, b) ?? bad;
    if (order === 'dmy') return valid(y, b, a) ?? bad;
    if (a > 12) return valid(y, b, a) ?? bad;
    if (b > 12 || a === b) return valid(y, a, b) ?? bad;
    return {
      error: `${AMBIGUOUS_DATE} (is ${s} day/month or month/day? write 2026-03-14, or pass --dates dmy or --dates mdy)`,
    };
  }
  m = /^(\d{1,2})\.?(?:[ -]| de )(\p{L}{3,12})\.?(?:[ ,-]*| de )(\d{4}|\d{2})$/u.exec(s);
  if (m) return valid(fullYear(m[3]!), monthName(m[2]!), +m[1]!) ?? bad;
  m = /^(\p{L}{3,12})\.? (\d{1,2}),? (\d{4})$/u.exec(s);
  if (m) return valid(+m[3]!, monthName(m[1]!), +m[2]!) ?? bad;
  return bad;
}

/**
 * A month (period): `2026-03`, `2026/03`, `202603`, `03/2026`, `03.2026`, `Mar 2026`,
 * `March 2026`, `Mar-26`, `März 2026`, `janv. 2026`, `marzo de 2026`, `2026-M03`, or any date
 * {@link parseDate} reads (its month). Returns the month number (year·12 + month − 1), null
 * for an empty cell, or a phrase.
 * @example parseMonth('Mar 2026') === 2026 * 12 + 2
 */
export function parseMonth(
  text: string,
  order: DateOrder = 'auto',
): number | null | { error: string } {
  if (typeof text !== 'string') checkArgument('parseMonth', 'text', text, ARG.cellText);
  const s = text.trim();
  if (s === '') return null;
  const bad = { error: 'a month such as 2026-03' };
  let m = /^(\d{4})(?:[-/]M?(\d{1,2})|(\d{2}))$/.exec(s);
  if (m) return valid(+m[1]!, +(m[2] ?? m[3])!, 1)?.month ?? bad;
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return valid(+m[2]!, +m[1]!, 1)?.month ?? bad;
  m = /^(\p{L}{3,12})\.?(?:[ -]| de )(\d{4}|\d{2})$/u.exec(s);
  if (m) return valid(fullYear(m[2]!), monthName(m[1]!), 1)?.month ?? bad;
  const d = parseDate(s, order);
  if (d !== null && 'month' in d) return d.month;
  return d?.error.startsWith(AMBIGUOUS_DATE) ? d : bad;
}

/**
 * `YYYY-MM` of a month number.
 * @example monthLabel(2026 * 12 + 2) // '2026-03'
 */
export function monthLabel(month: number): string {
  const y = Math.floor(month / 12);
  return `${y}-${String((month % 12) + 1).padStart(2, '0')}`;
}
