/**
 * The response curves' objective axis, rendered headless: it never repeats a tick label, as
 * the budget curve's does not (docs/charts.md). With the fixed three-significant-digit format
 * ($.3~s) a curve squeezed into half a million read $146M at three ticks; a probability
 * objective squeezed into a few points read 50% twice with .0%.
 */
import { describe, expect, it } from 'vitest';
import type { AllocationResult } from '../../src/analysis/allocate/types.js';
import { buildResponseCurvesChart } from '../../src/charts/response-curves.js';
import { validateSpec } from '../../src/charts/validate.js';
import { type SceneItem, sceneItems } from './scene.js';

// The response curves of `salesops run scenarios/distributor.yaml --trials 2000`
// (allocation.json): P10 of horizon bookings as each channel's spend moves.
const curves: [string, number, number, [number, number][]][] = [
  [
    'trade_shows',
    22_500,
    45_000,
    [
      [0, 140_601_175],
      [22_500, 143_953_951],
      [37_500, 145_011_341],
      [45_000, 145_943_839],
      [75_000, 147_157_466],
      [112_500, 148_145_779],
      [150_000, 148_542_813],
    ],
  ],
  [
    'inside_sales',
    25_000,
    15_000,
    [
      [5_000, 144_169_641],
      [15_000, 145_943_839],
      [18_750, 145_884_395],
      [25_000, 146_399_183],
      [32_500, 146_382_953],
      [46_250, 146_633_519],
      [60_000, 146_493_927],
    ],
  ],
];

/**
 * The distributor's allocation with its curves' values moved towards `centre` by `squeeze`
 * (1: as run); for the `target` objective, the values are mapped to probabilities around 50%.
 */
function distributor(squeeze: number, objective: 'p10' | 'target' = 'p10'): AllocationResult {
  const value = (v: number) =>
    objective === 'target' ? 0.5 + ((v - 146e6) / 20e6) * squeeze : 146e6 + (v - 146e6) * squeeze;
  // Only the fields the chart reads; the rest of an AllocationResult is not needed here.
  return {
    scenario: 'Keystone Industrial Supply FY2027–28 plan',
    currency: 'USD',
    variant: null,
    objective,
    objective_description:
      objective === 'target'
        ? 'probability of reaching the bookings target'
        : '10th percentile of horizon bookings',
    certificate: {
      step: 5_000,
      channels: curves.map(([channel]) => ({ channel, up: { value: 10, se: 30 } })),
    },
    response_curves: {
      seed: 20261001,
      trials: 2000,
      channels: curves.map(([channel, current, recommended, points]) => ({
        channel,
        current,
        recommended,
        points: points.map(([spend, v]) => ({ spend, value: value(v), se: 480_000 * squeeze })),
      })),
    },
  } as unknown as AllocationResult;
}

async function render(r: AllocationResult): Promise<SceneItem[]> {
  const chart = buildResponseCurvesChart(r)!;
  expect(validateSpec(chart.spec)).toEqual([]);
  return sceneItems(chart.spec);
}

/** The objective axis's labels: "$…M" for money, "…%" for a probability (spend is in $k). */
const objectiveTicks = (items: SceneItem[]) =>
  items
    .filter((i) => i.role === 'axis-label' && i.visible && /(M|%)$/.test(i.text))
    .map((i) => i.text);

describe('the response curves objective axis', () => {
  it.each([
    [1, 'p10'],
    [0.3, 'p10'],
    [0.12, 'p10'],
    [0.05, 'p10'],
    [1, 'target'],
    [0.1, 'target'],
    [0.06, 'target'],
  ] as const)(
    'never repeats a tick label (values squeezed by %d, %s)',
    async (squeeze, objective) => {
      const ticks = objectiveTicks(await render(distributor(squeeze, objective)));
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(new Set(ticks).size, ticks.join(' ')).toBe(ticks.length);
    },
  );
});
