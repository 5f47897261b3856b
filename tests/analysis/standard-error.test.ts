/**
 * The one policy for an error or a spread one trial cannot estimate: null (not 0) in every
 * summary, probability and paired difference; from two trials on, the sample sd, sd/√n and
 * √(p(1 − p)/n).
 */
import { describe, expect, it } from 'vitest';
import { pairedDifference, trialDifference } from '../../src/analysis/compare/paired.js';
import { meanSummary } from '../../src/analysis/evaluator.js';
import { proportionError, sampleSd, standardError } from '../../src/analysis/standard-error.js';
import { exceedance } from '../../src/analysis/summarise.js';
import { summaryOf as trialOrderSummary } from '../../src/analysis/summary-of.js';
import { exceedanceOf, summaryOf } from '../../src/analysis/value-summary.js';

describe('standardError and proportionError', () => {
  it('are sd/√n and √(p(1 − p)/n) from two trials on', () => {
    // 3/√9 = 1; √(0.5 · 0.5 / 100) = 0.05.
    expect(standardError(3, 9)).toBe(1);
    expect(proportionError(0.5, 100)).toBeCloseTo(0.05, 15);
    expect(standardError(0, 2)).toBe(0);
  });

  it('are null for one trial (unknown, not 0)', () => {
    expect(standardError(0, 1)).toBeNull();
    expect(proportionError(1, 1)).toBeNull();
  });
});

describe('sampleSd', () => {
  it('is the sd from two trials on, 0 included, and null for one trial (unknown, not 0)', () => {
    expect(sampleSd(2.5, 2)).toBe(2.5);
    expect(sampleSd(0, 2)).toBe(0);
    expect(sampleSd(0, 1)).toBeNull();
  });
});

describe('one value', () => {
  const one = Float64Array.of(42);

  it('summaries keep the value and give sd and se null', () => {
    for (const s of [summaryOf(one), trialOrderSummary(one)]) {
      expect(s.mean).toBe(42);
      expect(s.p50).toBe(42);
      expect(s.sd).toBeNull();
      expect(s.se).toBeNull();
    }
    expect(meanSummary(one)).toEqual({ mean: 42, sd: null, se: null });
  });

  it('probabilities give se null', () => {
    expect(exceedanceOf(one, 40)).toEqual({ probability: 1, se: null });
    expect(exceedance(one, 50)).toEqual({ probability: 0, se: null });
  });

  it('a paired difference gives its mean, and a null interval and error', () => {
    expect(pairedDifference(Float64Array.of(5), Float64Array.of(2))).toEqual({
      mean: 3,
      lo: null,
      hi: null,
      se: null,
    });
    expect(trialDifference(Float64Array.of(5), Float64Array.of(2)).spread.p50).toBe(3);
  });

  it('two values give numbers again', () => {
    // Values 1 and 3: sd = √2, se = √2/√2 = 1.
    for (const s of [summaryOf(Float64Array.of(1, 3)), trialOrderSummary(Float64Array.of(1, 3))]) {
      expect(s.sd).toBeCloseTo(Math.SQRT2, 15);
      expect(s.se).toBeCloseTo(1, 15);
    }
    // Two equal values: a spread of 0 is known, and stays 0.
    expect(meanSummary(Float64Array.of(5, 5))).toEqual({ mean: 5, sd: 0, se: 0 });
    expect(pairedDifference(Float64Array.of(1, 3), Float64Array.of(0, 0)).se).toBeCloseTo(1, 15);
  });
});
