/** A number in its unit (values worked by hand from formatMoney, formatPercent and plainNumber). */
import { describe, expect, it } from 'vitest';
import { unitText } from '../../src/charts/unit-text.js';

describe('unitText', () => {
  it.each([
    ['money', 89_800.2, 'USD', '$89.8k'],
    ['money', 1_300_000, 'CNY', '¥1.3M'],
    ['money', -2_500, 'EUR', '−€2.5k'],
    ['percent', 0.19, 'USD', '19.0%'],
    ['percent', -0.0028, 'USD', '−0.28%'],
    ['number', 14.2, 'USD', '14.2'],
    ['number', -1.25, 'USD', '−1.25'],
    ['number', 46_865, 'USD', '46,900'],
  ] as const)('unitText(%s, %s, %s) is %s', (unit, x, currency, text) => {
    expect(unitText(unit, x, currency)).toBe(text);
  });
});
