import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamRng } from '../../../src/sim/rng.js';
import { multinomial } from '../../../src/sim/samplers/multinomial.js';
import { expectMoments } from './helpers.js';

describe('multinomial (conditional binomials)', () => {
  it('counts are non-negative integers that sum to n, zero where the probability is zero', () => {
    fc.assert(
      fc.property(
        fc.nat(1e7),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1, noNaN: true })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.nat(1000),
        (n, raw, s) => {
          const total = raw.reduce((a, b) => a + b, 0);
          if (total === 0) return true;
          const probs = Float64Array.from(raw, (x) => x / total);
          const out = new Float64Array(probs.length).fill(-1);
          multinomial(streamRng(10, 'multi', s), n, probs, out);
          let sum = 0;
          for (let i = 0; i < out.length; i++) {
            const c = out[i] as number;
            if (!(Number.isInteger(c) && c >= 0)) return false;
            if (probs[i] === 0 && c !== 0) return false;
            sum += c;
          }
          return sum === n;
        },
      ),
      { seed: 61 },
    );
  });

  it('each count has the Binomial(n, p_i) mean and variance', () => {
    const probs = new Float64Array([0.5, 0.2, 0, 0.25, 0.05]);
    const n = 40;
    const draws = 100_000;
    const out = new Float64Array(probs.length);
    const counts = Array.from(probs, () => new Float64Array(draws));
    const rng = streamRng(10, 'multi-moments');
    for (let t = 0; t < draws; t++) {
      multinomial(rng, n, probs, out);
      for (let i = 0; i < probs.length; i++) counts[i]![t] = out[i] as number;
    }
    for (let i = 0; i < probs.length; i++) {
      const p = probs[i] as number;
      if (p === 0) {
        expect(counts[i]!.every((c) => c === 0)).toBe(true);
        continue;
      }
      expectMoments(counts[i]!, n * p, n * p * (1 - p));
    }
    // Covariance of categories 0 and 1 is −n·p0·p1 = −4 (SE ≈ √(Var(X0X1)/draws) < 0.05).
    let c01 = 0;
    for (let t = 0; t < draws; t++) c01 += (counts[0]![t]! - 20) * (counts[1]![t]! - 8);
    expect(Math.abs(c01 / draws + 4)).toBeLessThan(0.25);
  });
});
