/**
 * Rendered label layout: charts rendered headless with the bundled fonts' metrics (as
 * `renderSvg` lays them out), their text items checked against each other and the marks.
 * Each case is a layout a real run drew badly (docs/charts.md).
 */
import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../src/analysis/compare/types.js';
import { buildCompareDifferenceChart } from '../../src/charts/compare/difference.js';
import { symmetricTicks } from '../../src/charts/symmetric-ticks.js';
import { validateSpec } from '../../src/charts/validate.js';
import { overlaps, sceneItems } from './scene.js';

describe('the compare-difference axis', () => {
  /** A comparison with variants of the given (mean, P10, P90) differences. */
  function comparison(currency: string, diffs: [number, number, number][]): CompareResult {
    const plan = (name: string) => ({ name, label: name });
    const variants = Object.fromEntries(
      diffs.map(([mean, p10, p90], i) => [
        `v${i}`,
        {
          ...plan(`Variant ${i}`),
          difference: { mean, lo: mean * 0.99, hi: mean * 1.01, spread: { p10, p90 } },
          probability_better: mean > 0 ? 0.9 : 0.1,
        },
      ]),
    );
    // Only the fields the chart reads; the rest of a CompareResult is not needed here.
    return {
      scenario: 'test',
      currency,
      trials: 1000,
      seed: 1,
      sampling: 'random',
      interval: 0.9,
      base: plan('Base plan'),
      variants,
    } as unknown as CompareResult;
  }

  it.each([
    // `salesops run scenarios/consumer-brand.yaml`: ticks every ¥5M from −¥35M to ¥35M;
    // Vega's overlap removal kept −¥35M, −¥15M, ¥5M, ¥25M and hid ¥0.
    [
      'the consumer-brand example (CNY)',
      'CNY',
      [
        [12.9e6, 6.91e6, 19.5e6],
        [-21.1e6, -26e6, -16.4e6],
        [-19.8e6, -27.7e6, -12.6e6],
      ],
    ],
    // `salesops run scenarios/b2b-saas.yaml`: ticks every $500k; $0 hidden.
    [
      'the B2B example (USD)',
      'USD',
      [
        [355e3, -67.2e3, 1.04e6],
        [-150e3, -779e3, 464e3],
        [206e3, -163e3, 660e3],
        [-1.35e6, -2.19e6, -524e3],
      ],
    ],
    ['small differences', 'EUR', [[1_234, -800, 2_900]]],
  ] as const)('labels zero and hides no label: %s', async (_case, currency, diffs) => {
    const chart = buildCompareDifferenceChart(
      comparison(
        currency,
        diffs.map((d) => [...d]),
      ),
    );
    expect(chart).not.toBeNull();
    expect(validateSpec(chart!.spec)).toEqual([]);
    const items = await sceneItems(chart!.spec);
    // The x axis's labels are the ones on one row, below the plot.
    const labels = items.filter((i) => i.role === 'axis-label' && i.bounds.y1 > 0);
    const xLabels = labels.filter(
      (i) => i.bounds.y1 === Math.max(...labels.map((l) => l.bounds.y1)),
    );
    expect(xLabels.length).toBeGreaterThanOrEqual(3);
    expect(
      xLabels.every((l) => l.visible),
      xLabels.map((l) => l.text).join(' '),
    ).toBe(true);
    expect(xLabels.map((l) => l.text)).toContain(
      currency === 'USD' ? '$0' : currency === 'EUR' ? '€0' : '¥0',
    );
    for (let i = 1; i < xLabels.length; i++) {
      expect(overlaps(xLabels[i - 1]!.bounds, xLabels[i]!.bounds)).toBe(false);
    }
  });
});

describe('symmetricTicks', () => {
  it('steps by 1, 2, 2.5 or 5 × 10^k, at most three a side, ending on a tick', () => {
    // Worked by hand: 2.4M / 3 = 800k → the next round step is 1M, ceil(2.4) = 3 a side.
    expect(symmetricTicks(2.4e6, 3)).toEqual({
      domain: [-3e6, 3e6],
      values: [-3e6, -2e6, -1e6, 0, 1e6, 2e6, 3e6],
    });
    // 30.5M / 3 = 10.2M → 20M, two a side.
    expect(symmetricTicks(30.5e6, 3)).toEqual({
      domain: [-40e6, 40e6],
      values: [-40e6, -20e6, 0, 20e6, 40e6],
    });
    // 3M / 3 is exactly 1M: a step of 1M, not 2M.
    expect(symmetricTicks(3e6, 3).values).toEqual([-3e6, -2e6, -1e6, 0, 1e6, 2e6, 3e6]);
    expect(symmetricTicks(700, 3)).toEqual({
      domain: [-750, 750],
      values: [-750, -500, -250, 0, 250, 500, 750],
    });
  });
});
