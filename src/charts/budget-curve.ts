/**
 * The budget curve: the best objective found at each total budget from half to twice the
 * budget (top), and the split of each budget across channels (bottom, stacked bars on the
 * same budget axis). The budget itself is marked; the value of the next 10% is written on
 * the chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PositionDef } from 'vega-lite/types_unstable/channeldef.js';
import type { AllocationResult } from '../analysis/allocate/types.js';
import { CHART_WIDTH } from '../defaults.js';
import { allocationSubtitle, allocationTheme, channelColors } from './allocation-common.js';
import { type ChartSpec, moneyTitle } from './common.js';
import { formatMoney } from './format.js';
import {
  formatObjective,
  formatObjectiveChange,
  OBJECTIVE_TITLES,
  objectiveAxisFormat,
} from './objective-format.js';
import { COLORS, MONEY_AXIS_FORMAT, MONEY_LABEL_EXPR, MONEY_TOOLTIP_FORMAT } from './theme.js';

/**
 * Line of `budget_curve.points` over stacked allocation bars. Returns null without feasible points.
 * @example buildBudgetCurveChart(result)?.name // 'budget-curve'
 */
export function buildBudgetCurveChart(
  result: AllocationResult,
  labels: ReadonlyMap<string, string> = new Map(),
): ChartSpec | null {
  const curve = result.budget_curve;
  const points = curve.points.filter((p) => p.value !== null);
  if (points.length === 0) return null;
  const cur = result.currency;
  const value = (v: number) => formatObjective(result.objective, v, cur);
  const rows = points.map((p) => ({
    budget: p.budget,
    value: p.value!,
    lo: p.value! - p.se!,
    hi: p.value! + p.se!,
    share: `${Math.round(p.share * 100)}%`,
    label: value(p.value!),
    here: p.share === 1,
  }));
  const bars = points.flatMap((p) =>
    Object.entries(p.allocation).map(([channel, spend], order) => ({
      budget: p.budget,
      channel: labels.get(channel) ?? channel,
      order,
      spend,
    })),
  );
  const next = curve.next_10_percent;
  const note =
    next === null
      ? ''
      : `next 10% (+${formatMoney(next.budget, cur)} a period): ${formatObjectiveChange(result.objective, next.gain, cur)} ± ${value(next.se)}`;
  const here = result.budget;
  const maxBudget = Math.max(...points.map((p) => p.budget));
  const minBudget = Math.min(...points.map((p) => p.budget));
  // A tenth of the budget on either side: round numbers at both ends of the axis.
  const pad = 0.1 * Math.max(1, here);
  const x: PositionDef<string> = {
    field: 'budget',
    type: 'quantitative',
    title: moneyTitle('Total budget per period', cur),
    scale: {
      domain: [Math.max(0, minBudget - pad), maxBudget + pad],
      nice: false,
      zero: false,
      padding: 0,
    },
    axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR, tickCount: 8 },
  };
  const yTitle =
    result.objective === 'target'
      ? OBJECTIVE_TITLES.target
      : moneyTitle(OBJECTIVE_TITLES[result.objective], cur);
  const tooltipFormat = result.objective === 'target' ? '.1%' : MONEY_TOOLTIP_FORMAT;
  const colors = channelColors(result, labels);
  const title = 'Budget curve';
  const meaning =
    'the best objective found at each total budget per period, and its split across channels';
  // Points sit at least 10% of the budget apart: bars a third of that gap wide never touch.
  const gap =
    (0.1 * here * CHART_WIDTH) / Math.max(1, maxBudget + pad - Math.max(0, minBudget - pad));
  const barWidth = Math.max(4, Math.min(24, gap / 1.5));
  const spec: TopLevelSpec = {
    title: { text: title, subtitle: allocationSubtitle(result, meaning, curve.trials, curve.seed) },
    vconcat: [
      {
        width: CHART_WIDTH,
        height: 220,
        data: { values: rows },
        encoding: { x },
        layer: [
          {
            // One row of its own: drawn once, not once per point.
            data: { values: [{ budget: here, label: 'current budget' }] },
            layer: [
              {
                mark: { type: 'rule', color: COLORS.muted, strokeDash: [4, 4], strokeWidth: 1.5 },
              },
              {
                mark: {
                  type: 'text',
                  color: COLORS.muted,
                  // Left of the rule at the top: the curve rises from the bottom left, so the
                  // top left is free (on the right the point labels would cross it).
                  align: 'right',
                  dx: -5,
                  baseline: 'top',
                  y: 4,
                },
                encoding: { text: { field: 'label' } },
              },
            ],
          },
          ...(note === ''
            ? []
            : [
                {
                  // Bottom right: the curve rises from the bottom left, so this corner is free.
                  data: { values: [{ note }] },
                  mark: {
                    type: 'text' as const,
                    color: COLORS.forecast,
                    fontWeight: 'bold' as const,
                    align: 'right' as const,
                    baseline: 'bottom' as const,
                    dx: -6,
                    dy: -8,
                  },
                  encoding: {
                    x: { value: 'width' as const },
                    y: { value: 'height' as const },
                    text: { field: 'note' },
                  },
                },
              ]),
          {
            mark: { type: 'rule', color: COLORS.forecast, strokeWidth: 1.5 },
            encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } },
          },
          {
            mark: { type: 'line', color: COLORS.forecast, point: { filled: true, size: 60 } },
            encoding: {
              y: {
                field: 'value',
                type: 'quantitative',
                title: yTitle,
                scale: { zero: false },
                axis: {
                  format: objectiveAxisFormat(result.objective),
                  ...(result.objective === 'target' ? {} : { labelExpr: MONEY_LABEL_EXPR }),
                },
              },
              tooltip: [
                {
                  field: 'budget',
                  type: 'quantitative',
                  title: 'Budget per period',
                  format: MONEY_TOOLTIP_FORMAT,
                },
                { field: 'share', type: 'nominal', title: 'Of the current budget' },
                { field: 'value', type: 'quantitative', title: 'Objective', format: tooltipFormat },
              ],
            },
          },
          {
            mark: { type: 'text', dy: -12, color: COLORS.text, fontSize: 11 },
            encoding: {
              y: { field: 'value', type: 'quantitative' },
              text: { field: 'label' },
            },
          },
        ],
      },
      {
        width: CHART_WIDTH,
        height: 150,
        data: { values: bars },
        mark: { type: 'bar', width: barWidth },
        encoding: {
          x,
          y: {
            field: 'spend',
            type: 'quantitative',
            stack: 'zero',
            title: moneyTitle('Split per period', cur),
            axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR, tickCount: 4 },
          },
          color: {
            field: 'channel',
            type: 'nominal',
            title: 'Channel',
            scale: { domain: colors.domain, range: colors.range },
          },
          order: { field: 'order', type: 'quantitative' },
          tooltip: [
            {
              field: 'budget',
              type: 'quantitative',
              title: 'Budget per period',
              format: MONEY_TOOLTIP_FORMAT,
            },
            { field: 'channel', type: 'nominal', title: 'Channel' },
            {
              field: 'spend',
              type: 'quantitative',
              title: 'Spend per period',
              format: MONEY_TOOLTIP_FORMAT,
            },
          ],
        },
      },
    ],
    spacing: 18,
  };
  return { name: 'budget-curve', title, spec: allocationTheme(result, spec) };
}
