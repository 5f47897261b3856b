/** Terminal number formats, worked by hand. */
import { describe, expect, it } from 'vitest';
import { compact } from '../../src/cli/format.js';

describe('compact', () => {
  it('scales to k, M, B and T, and uses an exponent from 10^15 on', () => {
    expect(compact(0.4567)).toBe('0.457');
    expect(compact(9500)).toBe('9,500');
    expect(compact(12_345)).toBe('12.3k');
    expect(compact(1_234_567)).toBe('1.23M');
    expect(compact(2.5e9)).toBe('2.50B');
    expect(compact(4.2e13)).toBe('42.00T');
    expect(compact(-1.7734e20)).toBe('-1.77e+20');
  });
});
