/**
 * Current against recommended spend by channel: two horizontal bars per channel (the plan
 * in grey, the recommendation in blue), each labelled with its amount, the recommendation's
 * binding bound named in its label.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AllocationResult } from '../analysis/allocate/types.js';
import { CHART_WIDTH } from '../defaults.js';
import { allocationSubtitle, allocationTheme, planColor } from './allocation-common.js';
import type { ChartSpec } from './common.js';
import { moneyTitle } from './common.js';
import { formatMoney } from './format.js';
import { formatObjectiveChange } from './objective-format.js';
import { COLORS, MONEY_AXIS_FORMAT, MONEY_LABEL_EXPR, MONEY_TOOLTIP_FORMAT } from './theme.js';

const BOUND_NOTE = { min: 'at min', max: 'at max', max_share: 'at share cap' } as const;

/**
 * Grouped bars of `current` and `recommended` spend per period.
 * Channels are shown by `labels` (id → display label; an id without one is shown as is).
 * @example buildAllocationSplitChart(result).name // 'allocation'
 */
export function buildAllocationSplitChart(
  result: AllocationResult,
  labels: ReadonlyMap<string, string> = new Map(),
): ChartSpec {
  const name = (id: string) => labels.get(id) ?? id;
  const money = (v: number) => formatMoney(v, result.currency);
  const rows = result.certificate.channels.flatMap((c) => {
    const current = result.current[c.channel]!;
    const varies = result.current_varies.includes(c.channel);
    return [
      {
        channel: name(c.channel),
        plan: 'Current plan',
        spend: current,
        label: `${money(current)}${varies ? ' (mean; varies by month)' : ''}`,
      },
      {
        channel: name(c.channel),
        plan: 'Recommended',
        spend: c.spend,
        label: `${money(c.spend)}${c.bound === null ? '' : ` (${BOUND_NOTE[c.bound]})`}`,
      },
    ];
  });
  const top = Math.max(1, ...rows.map((r) => r.spend));
  const u = result.uplift;
  const change = (v: number) => formatObjectiveChange(result.objective, v, result.currency);
  const title = 'Recommended budget split';
  const meaning = `spend per period: current plan (grey) vs recommendation (blue); uplift ${change(u.mean)} (${Number.isFinite(u.se) ? `90%: ${change(u.lo)} to ${change(u.hi)}` : 'no 90% interval: too few trials'})`;
  const order = result.certificate.channels.map((c) => name(c.channel));
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: allocationSubtitle(result, meaning, result.trials, result.seed),
    },
    data: { values: rows },
    width: CHART_WIDTH - 120,
    encoding: {
      y: {
        field: 'channel',
        type: 'nominal',
        title: null,
        sort: order,
        axis: { labelFontSize: 13 },
      },
      yOffset: { field: 'plan', type: 'nominal', sort: ['Current plan', 'Recommended'] },
      x: {
        field: 'spend',
        type: 'quantitative',
        title: moneyTitle('Spend per period', result.currency),
        // Room on the right for the labels.
        scale: { domain: [0, top * 1.45], nice: false },
        axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR, tickCount: 6 },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.9 } },
        encoding: {
          color: planColor('plan'),
          tooltip: [
            { field: 'channel', type: 'nominal', title: 'Channel' },
            { field: 'plan', type: 'nominal', title: 'Plan' },
            {
              field: 'spend',
              type: 'quantitative',
              title: 'Spend per period',
              format: MONEY_TOOLTIP_FORMAT,
            },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, baseline: 'middle', color: COLORS.text },
        encoding: { text: { field: 'label' } },
      },
    ],
  };
  return { name: 'allocation', title, spec: allocationTheme(result, spec) };
}
