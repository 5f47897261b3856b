/**
 * Goal-seek's confirmation rule (src/analysis/goal/confirm.ts) against values worked out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confirmation, fewestToConfirm } from '../../src/analysis/goal/confirm.js';

describe('confirmation of a goal on fresh trials', () => {
  it('needs the trials for which all reaching the target is evidence: wanted^n ≤ 0.05', () => {
    // By hand: 0.9^28 = 0.0523, 0.9^29 = 0.0471; 0.5^4 = 0.0625, 0.5^5 = 0.0313;
    // 0.8^13 = 0.0550, 0.8^14 = 0.0440; 0.99^298 = 0.0500 (0.05004), 0.99^299 = 0.0495.
    expect(fewestToConfirm(0.9)).toBe(29);
    expect(fewestToConfirm(0.5)).toBe(5);
    expect(fewestToConfirm(0.8)).toBe(14);
    expect(fewestToConfirm(0.99)).toBe(299);
    // Never fewer than the two a standard error needs.
    expect(fewestToConfirm(0.01)).toBe(2);
    // A certainty is never confirmed (and the search for n must end).
    expect(fewestToConfirm(1)).toBe(Number.POSITIVE_INFINITY);
    expect(confirmation(1, 1e6, 1)).toBe('too-few');
  });

  it('two fresh trials that both reach the target do not confirm 90% (the plain se reads 0)', () => {
    expect(confirmation(1, 2, 0.9)).toBe('too-few');
    // 28 of 28: the exact one-sided 95% lower bound 0.05^(1/28) = 0.8986 is still below 0.9.
    expect(confirmation(1, 28, 0.9)).toBe('too-few');
    // 29 of 29: 0.05^(1/29) = 0.9018 clears it.
    expect(confirmation(1, 29, 0.9)).toBe('confirmed');
    expect(confirmation(1, 500, 0.9)).toBe('confirmed');
    // Not one fresh trial reaching the target bears nothing out, however many.
    expect(confirmation(0, 2, 0.5)).toBe('too-few');
    expect(confirmation(0, 500, 0.5)).toBe('short');
    // One trial has no standard error.
    expect(confirmation(1, 1, 0.01)).toBe('too-few');
  });

  it('is the one-sided normal test in the usual case', () => {
    // salesops goal scenarios/b2b-saas.yaml --lever allocation.budget --target bookings=12500000
    // --probability 0.5 --trials 500: 48.6% on fresh trials; 0.014 ≤ 1.645 · 0.02235 = 0.0368.
    expect(confirmation(0.486, 500, 0.5)).toBe('confirmed');
    // docs/goal.md's example: 46.9% of 1,000; 0.031 > 1.645 · 0.01578 = 0.0260.
    expect(confirmation(0.469, 1000, 0.5)).toBe('short');
    expect(confirmation(0.95, 100, 0.9)).toBe('confirmed');
  });

  it('never confirms fewer hits and refuses more (monotone in the count)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.nat(),
        (n, wanted, k0) => {
          const k = k0 % n;
          const ok = (hits: number) => confirmation(hits / n, n, wanted) === 'confirmed';
          return !ok(k) || ok(k + 1);
        },
      ),
      { seed: 17 },
    );
  });
});
