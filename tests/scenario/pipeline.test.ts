/**
 * The `pipeline` section compiles into merged, sorted per-stage, per-cohort, per-age counts;
 * entries without a channel or market are spread by first-period leads (worked by hand below).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitWhole } from '../../src/scenario/compile-pipeline.js';
import { modelOf } from '../helpers/model.js';
import { BASE } from './base.js';

const withPipeline = (lines: string) => `${BASE}pipeline:\n${lines}`;

describe('opening pipeline', () => {
  it('is empty when the section is absent', () => {
    expect(modelOf(BASE).pipeline).toEqual([]);
  });

  it('keeps named cohorts, merges duplicates and sorts by stage, channel, market, state, age', () => {
    const m = modelOf(
      withPipeline(`  - {stage: opportunity, count: 5, age: 2, channel: referrals, market: smb}
  - {stage: mql, count: 7, age: 1, channel: paid_search, market: enterprise}
  - {stage: opportunity, count: 3, queued: true, channel: referrals, market: smb}
  - {stage: opportunity, count: 4, age: 2, channel: referrals, market: smb}
  - {stage: opportunity, count: 0, age: 3, channel: referrals, market: smb}
`),
    );
    expect(m.pipeline).toEqual([
      { stage: 1, channel: 0, market: 1, age: 1, count: 7, queued: false },
      { stage: 2, channel: 1, market: 0, age: 2, count: 9, queued: false },
      { stage: 2, channel: 1, market: 0, age: 0, count: 3, queued: true },
    ]);
  });

  it('spreads an entry without channel over the channels by first-period leads', () => {
    // January leads into enterprise, each parameter at its mean:
    //   paid_search: 3000 · 40000/(40000+60000) = 1200 leads, × 0.2 mix = 240
    //   referrals: fixed "60 to 110" → lognormal with 5th/95th percentiles 60 and 110,
    //     mean = exp(μ + σ²/2), μ = ln √(60·110), σ = ln(110/60)/(2·1.6448536269514722)
    //     × 0.5 mix; demand_shock of enterprise is 1.
    const mu = Math.log(Math.sqrt(60 * 110));
    const sigma = Math.log(110 / 60) / (2 * 1.6448536269514722);
    const referrals = 0.5 * Math.exp(mu + (sigma * sigma) / 2);
    const expected = splitWhole(100, [240, referrals])!;
    const m = modelOf(withPipeline('  - {stage: opportunity, count: 100, market: enterprise}\n'));
    expect(m.pipeline.map((e) => [e.channel, e.market, e.count])).toEqual([
      [0, 1, expected[0]],
      [1, 1, expected[1]],
    ]);
    expect(expected[0]! + expected[1]!).toBe(100);
    expect(expected[0]).toBe(Math.round((100 * 240) / (240 + referrals)));
  });

  it('splits whole items by largest remainders, lower index first on ties', () => {
    expect(splitWhole(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitWhole(7, [0, 2, 5])).toEqual([0, 2, 5]);
    expect(splitWhole(1, [1, 3])).toEqual([0, 1]);
    expect(splitWhole(5, [0, 0])).toBeNull();
  });

  it('keeps every item of the B2B example’s opening pipeline when spreading it over channels', () => {
    const text = readFileSync('scenarios/b2b-saas.yaml', 'utf8');
    const m = modelOf(text);
    const written = [...text.matchAll(/\{stage: (\w+), count: (\d+)/g)].map((x) => Number(x[2]));
    expect(m.pipeline.reduce((a, e) => a + e.count, 0)).toBe(written.reduce((a, b) => a + b, 0));
    // every market's items stay in that market, spread over the channels that bring it leads
    const enterprise = m.markets.findIndex((x) => x.id === 'enterprise');
    const opp = m.stages.findIndex((x) => x.id === 'opportunity');
    expect(
      m.pipeline
        .filter((e) => e.stage === opp && e.market === enterprise)
        .reduce((a, e) => a + e.count, 0),
    ).toBe(27 + 19 + 7 + 6 + 5);
    expect(new Set(m.pipeline.map((e) => e.channel)).size).toBe(m.channels.length);
  });
});
