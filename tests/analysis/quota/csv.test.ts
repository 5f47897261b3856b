/** quotaToCsv: money in the currency's minor unit, rows that add up exactly. */
import { describe, expect, it } from 'vitest';
import { quotaToCsv } from '../../../src/analysis/quota/csv.js';
import type { QuotaResult } from '../../../src/analysis/quota/types.js';
import { minorUnitDigits } from '../../../src/util/currency.js';

/** One rep over three months: a quota result as far as the CSV reads it. */
function result(currency: string, monthly: number[]): QuotaResult {
  return {
    role: 'ae',
    currency,
    quarters: ['FY2027 Q1'],
    periods: ['2027-01', '2027-02', '2027-03'],
    reps: [{ id: 'ae-1', kind: 'seat', start: '2027-01', capacity_share: 1, monthly }],
  } as unknown as QuotaResult;
}

const row = (csv: string) => csv.trim().split('\n')[1]!.split(',');

describe('quotaToCsv', () => {
  it('writes yen as whole yen, dollars in cents, dinars in thousandths', () => {
    const monthly = [1_000_000.4, 2_000_000.6, 3_333_333.3333];
    // quota, quarter, then the three months.
    expect(row(quotaToCsv(result('JPY', monthly))).slice(6)).toEqual([
      '6333334',
      '6333334',
      '1000000',
      '2000001',
      '3333333',
    ]);
    expect(row(quotaToCsv(result('USD', monthly))).slice(6)).toEqual([
      '6333334.33',
      '6333334.33',
      '1000000.40',
      '2000000.60',
      '3333333.33',
    ]);
    expect(row(quotaToCsv(result('KWD', monthly))).slice(6)).toEqual([
      '6333334.333',
      '6333334.333',
      '1000000.400',
      '2000000.600',
      '3333333.333',
    ]);
  });

  it('takes cents for a currency name Intl does not know', () => {
    expect(minorUnitDigits('points')).toBe(2);
    expect(row(quotaToCsv(result('points', [1.006, 2, 3]))).slice(7)).toEqual([
      '6.01',
      '1.01',
      '2.00',
      '3.00',
    ]);
  });
});
