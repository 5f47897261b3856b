/**
 * The budget curve's point and axis labels, rendered headless: two points of different value
 * never read the same, the labels do not run into each other, and the objective's axis never
 * repeats a tick label (`salesops run scenarios/distributor.yaml` wrote $146M, $146M,
 * $147M, $147M, $148M, $148M along its curve; docs/charts.md).
 */
import { describe, expect, it } from 'vitest';
import type { AllocationResult } from '../../src/analysis/allocate/types.js';
import { buildBudgetCurveChart } from '../../src/charts/budget-curve.js';
import { validateSpec } from '../../src/charts/validate.js';
import { overlaps, type SceneItem, sceneItems } from './scene.js';

// The budget curve of `salesops run scenarios/distributor.yaml --trials 2000`
// (allocation.json): P10 of horizon bookings at 50% … 200% of the $60k budget.
const curve: [number, number, number, Record<string, number>][] = [
  [30_000, 143_114_949, 497_731, { trade_shows: 5_000, inside_sales: 25_000 }],
  [45_000, 145_138_260, 472_000, { trade_shows: 20_000, inside_sales: 25_000 }],
  [60_000, 145_924_340, 480_637, { trade_shows: 45_000, inside_sales: 15_000 }],
  [66_000, 145_977_200, 489_079, { trade_shows: 51_000, inside_sales: 15_000 }],
  [75_000, 146_600_742, 500_032, { trade_shows: 60_000, inside_sales: 15_000 }],
  [90_000, 146_643_580, 493_259, { trade_shows: 85_000, inside_sales: 5_000 }],
  [105_000, 147_821_428, 458_647, { trade_shows: 100_000, inside_sales: 5_000 }],
  [120_000, 148_269_828, 492_133, { trade_shows: 115_000, inside_sales: 5_000 }],
];

/** The distributor's allocation, its curve's values moved towards 146M by `squeeze` (1: as run). */
function distributor(squeeze = 1): AllocationResult {
  const points = curve.map(([budget, value, se, allocation]) => ({
    budget,
    value: 146e6 + (value - 146e6) * squeeze,
    se: se * squeeze,
    share: budget / 60_000,
    allocation,
  }));
  // Only the fields the chart reads; the rest of an AllocationResult is not needed here.
  return {
    scenario: 'Keystone Industrial Supply FY2027–28 plan',
    currency: 'USD',
    variant: null,
    objective: 'p10',
    objective_description: '10th percentile of horizon bookings',
    budget: 60_000,
    current_total: 47_500,
    step: 5_000,
    certificate: { channels: [{ channel: 'trade_shows' }, { channel: 'inside_sales' }] },
    budget_curve: {
      seed: 20261001,
      trials: 2000,
      points,
      next_10_percent: { budget: 6_000, gain: 52_860, se: 177_240, per_unit: 8.81 },
    },
  } as unknown as AllocationResult;
}

async function render(r: AllocationResult): Promise<SceneItem[]> {
  const chart = buildBudgetCurveChart(r)!;
  expect(validateSpec(chart.spec)).toEqual([]);
  return sceneItems(chart.spec);
}

/** The curve's point labels: the money marks above the split panel, not the note. */
const pointLabels = (items: SceneItem[]) =>
  items.filter((i) => i.type === 'text' && i.role === 'mark' && /^\$[\d.]+M$/.test(i.text));

/** The objective axis's labels: the "$…M" axis labels (the budget axes are in $k). */
const axisLabels = (items: SceneItem[]) =>
  items.filter((i) => i.role === 'axis-label' && i.visible && i.text.endsWith('M'));

describe('the budget curve labels', () => {
  it('write each point with just the digits that tell it from its neighbours (distributor)', async () => {
    const items = await render(distributor());
    const labels = pointLabels(items);
    // In budget order; three digits where they suffice, a fourth or fifth where the
    // neighbour's value reads the same at fewer.
    expect(
      labels
        .sort((a, b) => a.bounds.x1 + a.bounds.x2 - b.bounds.x1 - b.bounds.x2)
        .map((l) => l.text),
    ).toEqual([
      '$143M',
      '$145M',
      '$145.9M',
      '$146.0M',
      '$146.60M',
      '$146.64M',
      '$147.8M',
      '$148.3M',
    ]);
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1))
        expect(overlaps(a.bounds, b.bounds), `${a.text} ${b.text}`).toBe(false);
    const notes = items.filter(
      (i) => i.type === 'text' && i.role === 'mark' && !labels.includes(i) && i.bounds.y1 < 230,
    );
    for (const l of labels)
      for (const n of notes)
        expect(overlaps(l.bounds, n.bounds), `${l.text} ${n.text}`).toBe(false);
  });

  it.each([1, 0.3, 0.12, 0.05])(
    'never repeat a tick label on the objective axis (values squeezed by %d)',
    async (squeeze) => {
      const items = await render(distributor(squeeze));
      const ticks = axisLabels(items).map((i) => i.text);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(new Set(ticks).size, ticks.join(' ')).toBe(ticks.length);
      const points = pointLabels(items).map((i) => i.text);
      expect(new Set(points).size, points.join(' ')).toBe(points.length);
    },
  );
});
