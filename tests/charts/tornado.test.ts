/**
 * The tornado's value labels, rendered headless: each input's low and high written in its own
 * unit — money in the scenario's currency, rates, growth and margin as percentages — with a
 * true minus sign, as `salesops run scenarios/consumer-brand.yaml` drew them badly (docs/what-ifs.md).
 */
import { describe, expect, it } from 'vitest';
import type { SensitivityInput, SensitivityResult } from '../../src/analysis/sensitivity/types.js';
import { inputText } from '../../src/charts/sensitivity/common.js';
import { buildTornadoChart } from '../../src/charts/sensitivity/tornado.js';
import { validateSpec } from '../../src/charts/validate.js';
import { sceneItems } from './scene.js';

/** An uncertain input with the given values; the shares do not matter to the tornado. */
function input(
  path: string,
  label: string,
  domain: SensitivityInput['domain'],
  [low, high]: [number, number],
  [outputLow, outputHigh]: [number, number],
): SensitivityInput {
  return {
    path,
    label,
    domain,
    kind: 'uncertain',
    low,
    high,
    output_low: outputLow,
    output_high: outputHigh,
    swing: Math.abs(outputHigh - outputLow),
    swing_se: 1e5,
    variance_share: 0.01,
    variance_share_se: 0.005,
    varied_by: null,
  };
}

// The numbers of `salesops run scenarios/consumer-brand.yaml --trials 2000` (sensitivity.json),
// six of its inputs: a rate, two money inputs, a count, a growth below zero and the margin.
const consumer = {
  scenario: 'Lumina Home FY2027 omnichannel plan',
  currency: 'CNY',
  variant: null,
  metric: 'bookings',
  base: 219_589_949,
  target: null,
  seed: 618,
  trials: { variance: 2000, tornado: 250 },
  inputs: [
    input(
      'funnel.consult.rate',
      '咨询 Consult · rate',
      'rate',
      [0.02778, 0.04262],
      [189.1e6, 250.9e6],
    ),
    input(
      'channels.live_stream.response.cost_per_lead',
      '直播 Live stream · cost per lead',
      'positive',
      [1.6193, 2.7789],
      [227.0e6, 213.7e6],
    ),
    input(
      'channels.stores.response.leads',
      '门店 Stores · leads',
      'positive',
      [46_865, 62_413],
      [215.0e6, 224.9e6],
    ),
    input(
      'channels.ecommerce.response.half_spend',
      '电商平台 E-commerce · half spend',
      'positive',
      [769_230.77, 1_300_000],
      [224.5e6, 214.7e6],
    ),
    input(
      'markets.tier1.growth',
      '一线城市 Tier-1 cities · growth',
      'real',
      [-0.0027913, 0.0127913],
      [215.6e6, 223.8e6],
    ),
    input(
      'economics.gross_margin',
      'Economics · gross margin',
      'positive',
      [0.40814, 0.47043],
      [219.5e6, 219.7e6],
    ),
  ],
} as unknown as SensitivityResult;

describe('the tornado value labels', () => {
  it('write money as money, rates, growth and margin as percentages, with a true minus sign', async () => {
    const chart = buildTornadoChart(consumer)!;
    expect(validateSpec(chart.spec)).toEqual([]);
    const items = await sceneItems(chart.spec);
    const values = items
      .filter((i) => i.type === 'text' && i.role === 'mark' && !i.text.startsWith('all inputs'))
      .map((i) => i.text)
      .sort();
    // Before: 2.78, 1.62 (cost per lead), 1,300,000 and 769,000 (half spend), -0.00279 and
    // 0.0128 (growth, with a hyphen), 0.408 and 0.47 (margin).
    expect(values).toEqual(
      [
        '2.78%',
        '4.26%',
        '¥1.62',
        '¥2.78',
        '46,900',
        '62,400',
        '¥769k',
        '¥1.3M',
        '−0.28%',
        '1.28%',
        '40.8%',
        '47.0%',
      ].sort(),
    );
  });

  it.each([
    ['channels.paid_search.spend', 'positive', 52_169.9, 'USD', '$52.2k'],
    ['team.ae.cost', 'positive', 14_000, 'EUR', '€14k'],
    ['initiatives.crm.cost.once', 'positive', 1_200_000, 'SEK', '1.2M SEK'],
    ['markets.smb.growth', 'real', 0.0164, 'USD', '1.64%'],
    ['markets.smb.growth', 'real', -0.0356, 'USD', '−3.56%'],
    ['team.ae.attrition', 'rate', 0.0387, 'USD', '3.87%'],
    ['funnel.won.rate', 'rate', 0.268, 'USD', '26.8%'],
    ['markets.smb.demand_shock', 'positive', 0.837, 'USD', '0.837'],
    ['team.ae.capacity', 'positive', 14.2247, 'USD', '14.2'],
    // A --vary'd input of domain real that is no growth: plain, with a true minus.
    ['some.real.input', 'real', -1234.5, 'USD', '−1,230'],
  ] as const)('inputText(%s, %s, %d, %s) is %s', (path, domain, x, currency, text) => {
    expect(inputText({ path, domain }, x, currency)).toBe(text);
  });
});
