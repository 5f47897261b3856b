/** Calendar labels and quarters, per-period expansion, and lag discretisation. */
import { describe, expect, it } from 'vitest';
import { buildCalendar, fiscalOf } from '../../src/scenario/calendar.js';
import { lagPmf } from '../../src/scenario/lag.js';
import { expandPerPeriod } from '../../src/scenario/periodic.js';
import { jStat } from '../stats/jstat-oracle.js';

describe('calendar', () => {
  it('labels months across a year end and blocks quarters from the start', () => {
    const c = buildCalendar('2027-11', 5);
    expect(c.labels).toEqual(['2027-11', '2027-12', '2028-01', '2028-02', '2028-03']);
    expect([...c.months]).toEqual([10, 11, 0, 1, 2]);
    expect([...c.quarterOf]).toEqual([0, 0, 0, 1, 1]);
    // each block is labelled by the fiscal quarter of its first month (fiscal year = calendar year by default)
    // …and a last block shorter than 3 periods gives its length, wherever it is shown.
    expect(c.quarterLabels).toEqual(['FY2027 Q4', 'FY2028 Q1 (2 months)']);
    expect(buildCalendar('2027-11', 7).quarterLabels.at(-1)).toBe('FY2028 Q2 (1 month)');
    expect(c.fiscalYearStart).toBe(1);
    expect(buildCalendar('2027-04', 6).quarterLabels).toEqual(['FY2027 Q2', 'FY2027 Q3']);
  });

  it('labels quarters by a fiscal year named after the calendar year it ends in', () => {
    // April start (UK, India, Japan): April 2027 – March 2028 is FY2028.
    expect(buildCalendar('2027-04', 12, 4).quarterLabels).toEqual([
      'FY2028 Q1',
      'FY2028 Q2',
      'FY2028 Q3',
      'FY2028 Q4',
    ]);
    // July start (Microsoft, Australia): July 2026 – June 2027 is FY2027; a plan from January is its Q3.
    expect(buildCalendar('2027-01', 9, 7).quarterLabels).toEqual([
      'FY2027 Q3',
      'FY2027 Q4',
      'FY2028 Q1',
    ]);
    // October start (US federal): October 2026 – September 2027 is FY2027.
    expect(buildCalendar('2026-10', 3, 10).quarterLabels).toEqual(['FY2027 Q1']);
    expect(buildCalendar('2027-12', 3, 12).quarterLabels).toEqual(['FY2028 Q1']);
  });

  it('gives every month exactly one fiscal year and quarter, advancing by one quarter every 3 months', () => {
    for (let start = 1; start <= 12; start++) {
      const first = fiscalOf(2027 * 12 + (start - 1), start);
      expect(first.quarter, `start ${start}`).toBe(1);
      for (let k = 0; k < 36; k++) {
        const f = fiscalOf(2027 * 12 + (start - 1) + k, start);
        expect(f.quarter).toBe((Math.floor(k / 3) % 4) + 1);
        expect(f.year).toBe(first.year + Math.floor(k / 12));
      }
    }
  });
});

describe('per-period inputs', () => {
  const cal = buildCalendar('2027-01', 4);
  it('expands a number, a list and a map', () => {
    expect(expandPerPeriod(7, cal)).toEqual({ values: [7, 7, 7, 7] });
    expect(expandPerPeriod([1, 2, 3, 4], cal)).toEqual({ values: [1, 2, 3, 4] });
    expect(expandPerPeriod({ default: 5, '2027-03': 9 }, cal)).toEqual({ values: [5, 5, 9, 5] });
    expect(expandPerPeriod({ '2027-02': 2 }, cal)).toEqual({ values: [0, 2, 0, 0] });
  });
  it('names list-length and calendar problems', () => {
    expect(expandPerPeriod([1, 2], cal)).toEqual({
      issues: [
        {
          path: [],
          message: 'expected a list of 4 values (one per period of the calendar), got 2',
        },
      ],
    });
    expect(expandPerPeriod({ '2026-12': 1 }, cal)).toEqual({
      issues: [
        {
          path: ['2026-12'],
          message: 'the month 2026-12 is outside the calendar 2027-01 … 2027-04',
        },
      ],
    });
  });
});

describe('lags', () => {
  it('an integer k puts all mass on k; a list is kept (renormalised)', () => {
    expect([...(lagPmf(2) as Float64Array)]).toEqual([0, 0, 1]);
    expect([...(lagPmf([0.7, 0.3]) as Float64Array)]).toEqual([0.7, 0.3]);
    expect(lagPmf([0.5, 0.4])).toBe('lag probabilities must sum to 1 (within 1e-6), got 0.9');
  });

  it('{median: 2, p90: 5} is a lognormal rounded to whole periods (jStat CDF as oracle)', () => {
    const pmf = lagPmf({ median: 2, p90: 5 }) as Float64Array;
    const mu = Math.log(2);
    const sigma = Math.log(2.5) / 1.2815515655446004;
    const cdf = (x: number) => (x <= 0 ? 0 : jStat.normal.cdf(Math.log(x), mu, sigma));
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (let k = 0; k < 10; k++) expect(pmf[k]).toBeCloseTo(cdf(k + 0.5) - cdf(k - 0.5), 8);
    // cut where the tail beyond k + ½ falls below 1e-9
    const last = pmf.length - 1;
    expect(1 - cdf(last + 0.5)).toBeLessThan(1e-9);
    expect(1 - cdf(last - 0.5)).toBeGreaterThanOrEqual(1e-9);
  });

  it('refuses an infeasible or absurdly long lognormal lag', () => {
    expect(lagPmf({ median: 3, p90: 3 })).toMatch(/p90 must be above its median/);
    expect(lagPmf({ median: 200, p90: 2000 })).toMatch(/lags are limited to 360 periods/);
  });
});
