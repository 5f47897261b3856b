import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currencyAffix,
  formatCompact,
  formatMoney,
  formatPercent,
  formatProbability,
  formatTrials,
} from '../../src/charts/format.js';

describe('formatCompact', () => {
  it('uses k/M/B with three significant digits (worked by hand)', () => {
    expect(formatCompact(0)).toBe('0');
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(1234)).toBe('1.23k');
    expect(formatCompact(1234567)).toBe('1.23M');
    expect(formatCompact(9_000_000)).toBe('9M');
    expect(formatCompact(2.5e9)).toBe('2.5B');
    expect(formatCompact(-2500)).toBe('−2.5k');
    // Trailing zeros kept on request: a label beside "145.9M" reads "146.0M", not "146M".
    expect(formatCompact(145_977_200, 4, true)).toBe('146.0M');
    expect(formatCompact(12.5, 4, true)).toBe('12.50');
    expect(formatCompact(146, 2, true)).toBe('150');
    expect(formatCompact(4.2e13)).toBe('42T');
    expect(formatCompact(-1.7734e20)).toBe('−1.77e20');
    expect(formatCompact(999.9e12)).toBe('1e15');
  });
  it('carries rounding into the next unit instead of printing 1000k', () => {
    expect(formatCompact(999_999)).toBe('1M');
    expect(formatCompact(999_499)).toBe('999k');
  });
  it('never prints more than three significant digits before the suffix', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e14, max: 1e14, noNaN: true }), (x) => {
        const digits = formatCompact(x)
          .replace(/[^0-9]/g, '')
          .replace(/^0+/, '');
        return digits.replace(/0+$/, '').length <= 3;
      }),
    );
  });
});

describe('formatMoney', () => {
  it('puts known symbols in front and other codes after', () => {
    expect(formatMoney(1.5e6, 'USD')).toBe('$1.5M');
    expect(formatMoney(-2500, 'EUR')).toBe('−€2.5k');
    expect(formatMoney(3e9, 'GBP')).toBe('£3B');
    expect(formatMoney(1.23e6, 'SEK')).toBe('1.23M SEK');
    expect(currencyAffix('jpy')).toEqual({ prefix: '¥', suffix: '' });
  });
});

describe('percentages', () => {
  it('formats shares and probabilities with their standard error in points', () => {
    expect(formatPercent(0.6349, 1)).toBe('63.5%');
    expect(formatProbability(0.63, 0.0108)).toBe('63% ± 1.1 pp');
    expect(formatPercent(Number.NaN)).toBe('–');
  });
});

describe('formatTrials', () => {
  it('is singular at one, and the counts as before otherwise', () => {
    expect(formatTrials(1)).toBe('1 trial');
    expect(formatTrials(2)).toBe('2 trials');
    expect(formatTrials(0)).toBe('0 trials');
    expect(formatTrials(2000)).toBe('2,000 trials');
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10_000_000 }), (n) => {
        expect(formatTrials(n)).toBe(`${n.toLocaleString('en-US')} trials`);
      }),
    );
  });
});
