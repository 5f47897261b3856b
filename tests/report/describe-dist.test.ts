import { describe, expect, it } from 'vitest';
import { describeDist, plainNumber } from '../../src/report/describe-dist.js';

describe('describeDist', () => {
  it('gives a lognormal back as median and P90 (median e^mu, P90 e^(mu + 1.2816 sigma))', () => {
    // median 8000, P90 20000 → sigma = ln(2.5)/1.28155 = 0.71497 (hand computation).
    const sigma = Math.log(2.5) / 1.2815515655446004;
    expect(describeDist({ kind: 'lognormal', mu: Math.log(8000), sigma }, 'positive')).toBe(
      'lognormal, median 8,000, P90 20,000',
    );
  });
  it('gives a beta its parameters and mean alpha/(alpha+beta)', () => {
    // 43 / 182 = 0.23626…
    expect(describeDist({ kind: 'beta', alpha: 43, beta: 139 }, 'rate')).toBe(
      'Beta(43, 139): mean 23.6%',
    );
  });
  it('writes rates as percentages and other values plainly', () => {
    expect(describeDist({ kind: 'fixed', value: 0.45 }, 'rate')).toBe('fixed 45%');
    expect(describeDist({ kind: 'fixed', value: 60000 }, 'positive')).toBe('fixed 60,000');
    expect(describeDist({ kind: 'uniform', min: 0.85, max: 1.15 }, 'positive')).toBe(
      'uniform 0.85 to 1.15',
    );
    expect(describeDist({ kind: 'normal', mean: 0.01, sd: 0.005 }, 'real')).toBe(
      'normal, mean 0.01, sd 0.005',
    );
    expect(
      describeDist({ kind: 'pert', min: 1, mode: 1.05, max: 1.2, alpha: 2, beta: 4 }, 'positive'),
    ).toBe('PERT, min 1, mode 1.05, max 1.2');
    expect(plainNumber(1234567)).toBe('1,230,000');
  });
});
