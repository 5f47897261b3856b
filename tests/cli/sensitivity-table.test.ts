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
    const capacity = { path: 'team.ae.capacity', domain: 'positive' } as const;
    expect(inputRange(capacity, 2, 8, 'USD')).toBe('2 → 8');
    expect(inputRange(capacity, 1_343.2, 1_696.4, 'USD')).toBe('1,343 → 1,696');
    expect(inputRange({ path: 'x.shift', domain: 'real' }, -1.25, 2.5, 'USD')).toBe('−1.25 → 2.50');
  });

  // `salesops sensitivity scenarios/consumer-brand.yaml` printed "769,231 → 1,300,000" for the
  // e-commerce half spend, "-0.28% → 1.28%" for tier-1 growth and "0.408 → 0.470" for the gross
  // margin; the charts write "¥769k → ¥1.3M", "−0.28% → 1.28%" and "40.8% → 47.0%".
  it('writes each input in its own unit, as the charts do, with the columns aligned', () => {
    const text = sensitivityTable({
      ...result('bookings', [
        input({
          path: 'channels.ecommerce.response.half_spend',
          domain: 'positive',
          low: 769_231,
          high: 1_300_000,
        }),
        input({
          path: 'channels.live_stream.response.cost_per_lead',
          domain: 'positive',
          low: 1.62,
          high: 2.78,
        }),
        input({ path: 'team.ae.cost', domain: 'positive', low: 52_170.4, high: 89_800.2 }),
        input({ path: 'markets.tier1.growth', domain: 'real', low: -0.0028, high: 0.0128 }),
        input({ path: 'economics.gross_margin', domain: 'positive', low: 0.408, high: 0.47 }),
        input({ path: 'team.ae.capacity', domain: 'positive', low: 14.2, high: 17 }),
      ]),
      currency: 'CNY',
    });
    const ranges = [
      '¥769k → ¥1.3M',
      '¥1.62 → ¥2.78',
      '¥52.2k → ¥89.8k',
      '−0.28% → 1.28%',
      '40.8% → 47.0%',
      '14.2 → 17.0',
    ];
    const rows = text.split('\n').filter((l) => /^(channels|team|markets|economics)\./.test(l));
    expect(rows).toHaveLength(ranges.length);
    // Right-aligned: every range ends in the same column.
    const ends = rows.map((row, k) => {
      const at = row.indexOf(` ${ranges[k]!} `);
      expect(at, row).toBeGreaterThan(0);
      return at + ranges[k]!.length;
    });
    expect(new Set(ends).size).toBe(1);
    expect(text).not.toMatch(/-0\.28%|769,231|0\.408/);
  });
});
