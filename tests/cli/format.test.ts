/** Terminal table formats: a column of numbers in one unit at one precision. */
import { describe, expect, it } from 'vitest';
import { compactColumn } from '../../src/cli/format.js';

describe('compactColumn', () => {
  it('prints a column in the unit and at the precision of its largest magnitude', () => {
    // formatCompact alone gives "15M", "13M" next to "14.7M"
    expect(compactColumn([15e6, 13e6, 14.73e6, 9.78e6])).toEqual([
      '15.0M',
      '13.0M',
      '14.7M',
      '9.8M',
    ]);
    expect(compactColumn([4.52e6, 6e6, 8.06e6])).toEqual(['4.52M', '6.00M', '8.06M']);
    expect(compactColumn([999_999, 5e5])).toEqual(['1.00M', '0.50M']);
    expect(compactColumn([-73_000, 346_000, Number.NaN])).toEqual(['−73k', '346k', '–']);
    expect(compactColumn([12.5, 3])).toEqual(['12.5', '3.0']);
    expect(compactColumn([0, 0])).toEqual(['0.00', '0.00']);
  });
});
