/** Number and date spellings of spreadsheets and CRMs (docs/data-formats.md), each worked by hand. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DateOrder,
  monthLabel,
  parseDate,
  parseMonth,
  parseNumber,
} from '../../src/history/parse-values.js';

describe('parseNumber', () => {
  it.each([
    ['1234', 1234],
    ['1234.5', 1234.5],
    ['1,234', 1234],
    ['1,234,567.25', 1234567.25],
    ['1 234,5', 1234.5],
    ['1.234,56', 1234.56],
    ['1.234.567', 1234567],
    ["1'234", 1234],
    // Swiss grouping as Excel writes it in de-CH: a typographic apostrophe, with CHF.
    ['1\u2019234.50', 1234.5],
    ['CHF 1\u2019234\u2019567', 1234567],
    ['$1,234.50', 1234.5],
    ['1234 EUR', 1234],
    ['€ 12', 12],
    ['(1,234)', -1234],
    ['-12', -12],
    ['1e3', 1000],
    ['0,5', 0.5],
    ['  42  ', 42],
  ])('%s → %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('reads an empty cell as null and text as an error', () => {
    expect(parseNumber('  ')).toBeNull();
    for (const bad of ['abc', '12a', '1,2,3', '--1', 'NaN', 'Infinity', '1.2.3,4,5'])
      expect(parseNumber(bad), bad).toEqual({ error: 'a number' });
  });
});

describe('parseNumber with a decimal comma (a file separated by semicolons)', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1.234],
    ['12,5', 12.5],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['1.234,56', 1234.56],
    ['1 234,5', 1234.5],
    ['€ 1.500,00', 1500],
    ['(1.234,5)', -1234.5],
    ['-0,25', -0.25],
    // A dot that cannot group thousands is a decimal point, as a program writes it.
    ['12.5', 12.5],
    ['0.125', 0.125],
    ['1e3', 1000],
  ])('%s → %d', (text, value) => {
    expect(parseNumber(text, true)).toBe(value);
  });

  it('refuses a comma and a dot in the US order, and text', () => {
    for (const bad of ['1,234.5', '1,2,3', 'abc', '1.23,4'])
      expect(parseNumber(bad, true), bad).toEqual({
        error: 'a number with a decimal comma (the fields are separated by semicolons)',
      });
  });
});

describe('parseDate and parseMonth', () => {
  const march14 = { month: 2026 * 12 + 2, day: 14 };
  it.each([
    '2026-03-14',
    '2026-03-14T09:30:00Z',
    '2026-03-14 09:30',
    '2026/03/14',
    '14.03.2026',
    '14/03/2026',
    '03/14/2026',
    '14 Mar 2026',
    '14-March-2026',
    'Mar 14, 2026',
    '14. März 2026',
    '14 mars 2026',
    '14-mrt-2026',
    '14 de marzo de 2026',
    'marzo 14, 2026',
    '14-Mar-26',
    '20260314',
    // Excel's serial day numbers, as a date cell formatted as General is saved.
    '46095',
    '46095.375',
    '46095,5',
    // A time of day after any of them, as CRMs export it, is dropped.
    '3/14/2026 9:30 AM',
    '14.03.2026 09:30:15',
    'Mar 14, 2026 9:30 PM',
    '14/03/2026, 21:30',
    '2026-03-14 09:30:00 UTC',
    '14-Mar-26 9:30 a.m.',
  ])('%s is 14 March 2026', (text) => {
    expect(parseDate(text)).toEqual(march14);
  });

  it('refuses an ambiguous slashed date unless told the order', () => {
    const r = parseDate('03/04/2026');
    expect(r).toHaveProperty('error');
    expect((r as { error: string }).error).toContain('--dates');
    expect(parseDate('03/04/2026', 'dmy')).toEqual({ month: 2026 * 12 + 3, day: 3 });
    expect(parseDate('03/04/2026', 'mdy')).toEqual({ month: 2026 * 12 + 2, day: 4 });
    expect(parseDate('04/04/2026')).toEqual({ month: 2026 * 12 + 3, day: 4 });
  });

  it('reads Excel serial days only for 2000–2099, saying so', () => {
    expect(parseDate('36526')).toEqual({ month: 2000 * 12, day: 1 });
    expect(parseDate('73050')).toEqual({ month: 2099 * 12 + 11, day: 31 });
    for (const n of ['36525', '73051', '12345']) {
      expect((parseDate(n) as { error: string }).error, n).toContain('Excel serial date');
    }
    for (const bad of ['20261314', '20260230', '202613', '2026031', '1234567']) {
      expect(parseMonth(bad), bad).toHaveProperty('error');
    }
  });

  it('refuses impossible dates', () => {
    for (const bad of [
      '2026-02-30',
      '2026-13-01',
      '31.04.2026',
      'yesterday',
      '2026-3',
      '9:30',
      '2026 9:30',
      '31.04.2026 09:30',
    ])
      expect(parseDate(bad), bad).toHaveProperty('error');
  });

  it.each([
    '2026-03',
    '2026/03',
    '03/2026',
    '03.2026',
    'Mar 2026',
    'March 2026',
    'Sept 2026',
    '2026-M03',
    '2026-03-01',
    '202603',
    '46082',
  ])('%s is a month', (text) => {
    const expected = text.startsWith('Sept') ? 2026 * 12 + 8 : 2026 * 12 + 2;
    expect(parseMonth(text)).toBe(expected);
  });

  it.each([
    'März 2026',
    'Mär 2026',
    'MRZ 2026',
    'mars 2026',
    'marzo de 2026',
    'março de 2026',
    'maart 2026',
    'mrt. 2026',
    'Mar-26',
    'Mrz-26',
  ])('%s is March 2026 (month names in the computer’s language)', (text) => {
    expect(parseMonth(text)).toBe(2026 * 12 + 2);
  });

  it('reads every month in seven languages, abbreviated or not, accents optional', () => {
    const byMonth = [
      ['janv.', 'Januar', 'ene', 'gen', 'janeiro'],
      ['févr.', 'fevr', 'Februar', 'febbraio', 'fev'],
      ['März', 'marzo', 'maart'],
      ['avr.', 'abr', 'aprile'],
      ['Mai', 'mayo', 'mag', 'mei', 'maio'],
      ['juin', 'Juni', 'giu', 'junho'],
      ['juil.', 'Juli', 'lug', 'julho'],
      ['août', 'aout', 'ago', 'augustus'],
      ['sept.', 'set', 'settembre', 'septiembre'],
      ['Okt', 'oct.', 'ott', 'out', 'outubro'],
      ['nov.', 'noviembre', 'novembro'],
      ['déc.', 'Dez', 'dic', 'dezembro', 'december'],
    ];
    byMonth.forEach((names, m) => {
      for (const name of names) expect(parseMonth(`${name} 2027`), name).toBe(2027 * 12 + m);
    });
  });

  it('reads two-digit years after a month name as Excel does: 00–29 are 20xx, 30–99 are 19xx', () => {
    expect(parseMonth('Jan-00')).toBe(2000 * 12);
    expect(parseMonth('Dec-29')).toBe(2029 * 12 + 11);
    expect(parseMonth('Jan-30')).toBe(1930 * 12);
    expect(parseMonth('Jul-99')).toBe(1999 * 12 + 6);
    expect(parseDate('31-Dec-29')).toEqual({ month: 2029 * 12 + 11, day: 31 });
    // Only after a name: 03/26 or 3.26 could be a day and a month.
    for (const bad of ['03/26', '03.26', '2026-3-1x', 'Mar-2', 'Mar-026'])
      expect(parseMonth(bad), bad).toHaveProperty('error');
  });

  it('refuses letters that begin two months’ names, and words that are no month', () => {
    // French juin and juillet both begin with "jui".
    for (const bad of ['jui 2026', 'Marchy 2026', 'ma 2026', 'Mon 2026', '14 jui 2026'])
      expect(parseMonth(bad), bad).toHaveProperty('error');
  });

  it('labels months', () => {
    expect(monthLabel(2026 * 12 + 2)).toBe('2026-03');
    expect(parseMonth('Marchy 2026')).toHaveProperty('error');
  });
});

describe('any cell text', () => {
  it('is read as a month, a date or a number, or refused with a phrase: never a throw', () => {
    // Random text, and cells shaped like the dates the readers look for (day, separator,
    // month word or number, separator, year), so the property reaches every path.
    const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
    const shaped = fc
      .tuple(
        pick('', '14', '14.', '3', '31', '00'),
        pick(' ', '-', '/', '.', ' de ', ''),
        pick('Mar', 'März', 'janv.', 'jui', 'Sept', 'mrt', 'x', 'Marchy', '03', '٣', 'ß'),
        pick(' ', '-', '/', '.', ', ', ' de ', ''),
        pick('2026', '26', '99', '1899', '2201', ''),
        pick('', 'T09:30', ' 09:30', 'Z'),
      )
      .map((parts) => parts.join(''));
    const cell = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), shaped);
    fc.assert(
      fc.property(cell, pick<DateOrder>('auto', 'dmy', 'mdy'), (text, order) => {
        const month = parseMonth(text, order);
        expect(month === null || typeof month === 'number' || typeof month.error === 'string').toBe(
          true,
        );
        if (typeof month === 'number') {
          expect(Number.isInteger(month) && month >= 1900 * 12 && month < 2201 * 12).toBe(true);
        }
        const date = parseDate(text, order);
        expect(date === null || 'month' in date || typeof date.error === 'string').toBe(true);
        for (const comma of [false, true]) {
          const n = parseNumber(text, comma);
          expect(
            n === null || Number.isFinite(n) || typeof (n as { error: string }).error === 'string',
          ).toBe(true);
        }
      }),
      { numRuns: 3000, seed: 20261203 },
    );
  });
});
