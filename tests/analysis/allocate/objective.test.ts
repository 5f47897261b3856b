/** The objectives and their paired standard errors. */
import { describe, expect, it } from 'vitest';
import { objectiveOf, paired } from '../../../src/analysis/allocate/objective.js';
import { streamRng } from '../../../src/sim/rng.js';
import { normal } from '../../../src/sim/samplers/normal.js';

const x = Float64Array.of(10, 20, 30, 40, 50);
const y = Float64Array.of(12, 19, 35, 41, 60);

describe('objectiveOf', () => {
  it('reads revenue and profit as means, p10 as the type-7 quantile, target as a share', () => {
    expect(objectiveOf('revenue', null).value(x)).toBe(30);
    expect(objectiveOf('profit', null).metric).toBe('profit');
    // Type 7: h = (5 − 1)·0.1 = 0.4 → 10 + 0.4·(20 − 10) = 14.
    expect(objectiveOf('p10', null).value(x)).toBeCloseTo(14, 12);
    expect(objectiveOf('target', 35).value(x)).toBe(0.4);
    expect(objectiveOf('target', 35).value(y)).toBe(0.6);
  });
});

describe('paired', () => {
  it('gives the mean difference with sd(d)/√n for a mean objective (by hand)', () => {
    // d = 2, −1, 5, 1, 10: mean 3.4, squared deviations 1.96 + 19.36 + 2.56 + 5.76 + 43.56 =
    // 73.2, sample variance 73.2 / 4 = 18.3, se = √(18.3 / 5).
    const d = paired(objectiveOf('revenue', null), x, y);
    expect(d.mean).toBeCloseTo(3.4, 12);
    expect(d.se).toBeCloseTo(Math.sqrt(18.3 / 5), 12);
  });

  it('is exact for the target share: the paired indicators', () => {
    // Indicators 0,0,0,1,1 and 0,0,1,1,1: d = 0,0,1,0,0, mean 0.2, sd √0.2 → se √(0.2/5).
    const d = paired(objectiveOf('target', 35), x, y);
    expect(d.mean).toBeCloseTo(0.2, 12);
    expect(d.se).toBeCloseTo(Math.sqrt(0.2 / 5), 12);
  });

  it('estimates the standard error of a P10 difference: within 3 Monte Carlo errors of the spread over 400 replicates', () => {
    const o = objectiveOf('p10', null);
    const rng = streamRng(7, 'p10-se');
    const R = 400;
    const n = 400;
    const diffs: number[] = [];
    let ss = 0;
    for (let r = 0; r < R; r++) {
      const a = new Float64Array(n);
      const b = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const z = normal(rng, 0, 1);
        a[i] = z;
        b[i] = 1.2 * z + 0.4 * normal(rng, 0, 1);
      }
      const d = paired(o, a, b);
      diffs.push(d.mean);
      ss += d.se * d.se;
    }
    const m = diffs.reduce((s, v) => s + v, 0) / R;
    const spread = Math.sqrt(diffs.reduce((s, v) => s + (v - m) ** 2, 0) / (R - 1));
    // The replicates' sd has relative error 1/√(2(R − 1)); allow three of them.
    expect(Math.abs(Math.sqrt(ss / R) / spread - 1)).toBeLessThan(3 / Math.sqrt(2 * (R - 1)));
    // And the difference itself: P10 of N(0, 1.2² + 0.4²) minus P10 of N(0, 1) = −1.2816·(√1.6 − 1).
    const truth = -1.2815515655446004 * (Math.sqrt(1.6) - 1);
    expect(Math.abs(m - truth)).toBeLessThan((4 * spread) / Math.sqrt(R));
  });
});
