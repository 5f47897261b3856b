/**
 * The sensitivity table's formats: the target metric is a probability (no currency in the
 * title, swings in percentage points), a market's growth is a rate (in %), and each column of
 * money reads at one precision.
 */
import { describe, expect, it } from 'vitest';
import type { SensitivityInput, SensitivityResult } from '../../src/analysis/sensitivity/types.js';
import { inputRange, sensitivityTable } from '../../src/cli/sensitivity-table.js';

const input = (over: Partial<SensitivityInput>): SensitivityInput => ({
  path: 'funnel.won.rate',
  domain: 'rate',
  kind: 'uncertain',
  low: 0.19,
  high: 0.268,
  output_low: 0.035,
  output_high: 0.955,
  swing: 0.92,
  swing_se: 0.019,
  variance_share: 0.353,
  variance_share_se: 0.05,
  varied_by: null,
  ...over,
});

const result = (metric: SensitivityResult['metric'], inputs: SensitivityInput[]) =>
  ({
    scenario: 'Plan',
    currency: 'USD',
    variant: null,
    metric,
    base: 0.465,
    mean: 0.42,
    sd: 0.494,
    target: 12.5e6,
    inputs,
    noise: { share: 0.5, se: 0.05 },
    interactions: { share: 0, se: 0.1 },
    spider: [],
    seed: 1,
    trials: { variance: 300, tornado: 200 },
    estimator: { method: 'bins', bins: 10, bootstrap: 100 },
  }) satisfies SensitivityResult;

describe('sensitivityTable', () => {
  it('titles the target metric without a currency and gives its swings in points', () => {
    const text = sensitivityTable(
      result('target', [
        input({}),
        input({ path: 'markets.smb.growth', domain: 'real', low: 0.00359, high: 0.0164 }),
      ]),
    );
    expect(text).toContain('what drives the probability of reaching $12.5M of bookings, seed 1');
    expect(text).not.toContain('(USD)');
    expect(text).toMatch(
      /^funnel\.won\.rate +P10–P90 +19\.0% → 26\.8% +3\.5% +95\.5% +92\.0 ± 1\.9 pts /m,
    );
    expect(text).toContain('0.36% → 1.64%');
    expect(text).toContain('sd 49.4 pts');
  });

  it('prints money columns at one precision, in the currency, and input ranges alike', () => {
    const text = sensitivityTable({
      ...result('bookings', [
        input({ output_low: 10.6e6, output_high: 14.3e6, swing: 3.7e6, swing_se: 4e4 }),
        input({
          path: 'team.ae.capacity',
          domain: 'positive',
          low: 14.2,
          high: 17,
          output_low: 12e6,
          output_high: 12.7e6,
        }),
      ]),
      base: 12.4e6,
      mean: 12.1e6,
      sd: 1.8e6,
    });
    expect(text).toContain('what drives horizon bookings (USD)');
    expect(text).toMatch(/^team\.ae\.capacity +P10–P90 +14\.2 → 17\.0 +12\.0M +12\.7M /m);
    expect(inputRange(52_170.4, 89_800.2, 'positive')).toBe('52,170 → 89,800');
    expect(inputRange(2, 8, 'positive')).toBe('2 → 8');
  });
});
