/**
 * distinctLabels: labels of different values never read the same, equal values read alike,
 * and no label carries a digit its neighbours do not need.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctLabels } from '../../src/charts/distinct-labels.js';
import { formatMoney, formatPercent } from '../../src/charts/format.js';

const money = (x: number, extra: number) => formatMoney(x, 'USD', 3 + extra, extra > 0);

describe('distinctLabels', () => {
  it('adds digits only where neighbours read the same (the distributor budget curve)', () => {
    // P10 of bookings at 50% … 200% of the budget, `salesops run scenarios/distributor.yaml
    // --trials 2000`: at three digits $146M, $146M, $147M, $147M, $148M, $148M.
    const values = [
      143_114_949, 145_138_260, 145_924_340, 145_977_200, 146_600_742, 146_643_580, 147_821_428,
      148_269_828,
    ];
    expect(distinctLabels(values, money, 0, 14)).toEqual([
      '$143M',
      '$145M',
      '$145.9M',
      '$146.0M',
      '$146.60M',
      '$146.64M',
      '$147.8M',
      '$148.3M',
    ]);
  });

  it('keeps the order of close values (b2b-saas: 13.808M, 13.814M, not "13.81M", "13.8M")', () => {
    const values = [13_555_148, 13_808_325, 13_813_635, 13_756_016];
    expect(distinctLabels(values, money, 0, 14)).toEqual([
      '$13.6M',
      '$13.808M',
      '$13.814M',
      '$13.76M',
    ]);
  });

  it('works in decimals for percentages, and leaves labels that already differ alone', () => {
    const pct = (x: number, extra: number) => formatPercent(x, 1 + extra);
    expect(distinctLabels([0.6341, 0.6344, 0.71], pct, 0, 8)).toEqual([
      '63.41%',
      '63.44%',
      '71.0%',
    ]);
    expect(distinctLabels([1e6, 2e6, 2e6], money, 0, 14)).toEqual(['$1M', '$2M', '$2M']);
    expect(distinctLabels([], money, 0, 14)).toEqual([]);
  });

  it('never writes two different values alike or out of order, nor with a digit they do not need', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (raw, spread) => {
          // Values bunched close together, as a flat stretch of a curve gives them.
          const values = raw.map((x) => 1e8 + (x % 10 ** spread));
          const labels = distinctLabels(values, money, 0, 14);
          const byValue = new Map<number, string>();
          for (const [i, v] of values.entries()) {
            const known = byValue.get(v);
            if (known !== undefined) expect(labels[i]).toBe(known);
            byValue.set(v, labels[i]!);
          }
          expect(new Set(byValue.values()).size).toBe(byValue.size);
          // The numbers the labels show rise with the values ("$100.000005M" and
          // "$100.0000050M" differ as text, not as numbers). All are $…M here.
          const sorted = [...byValue.keys()].sort((a, b) => a - b);
          const shown = sorted.map((v) => Number(byValue.get(v)!.slice(1, -1)));
          for (let k = 1; k < shown.length; k++) expect(shown[k]!).toBeGreaterThan(shown[k - 1]!);
          // A label with extra digits reads like a neighbour's with one digit fewer.
          for (const [k, v] of sorted.entries()) {
            const p = [...Array(15).keys()].find((q) => money(v, q) === byValue.get(v))!;
            if (p === 0) continue;
            const near = [sorted[k - 1], sorted[k + 1]].filter((n) => n !== undefined);
            expect(near.some((n) => money(n, p - 1) === money(v, p - 1))).toBe(true);
          }
        },
      ),
      { seed: 2027, numRuns: 500 },
    );
  });
});
