/**
 * The budget curve: the best objective found at each total budget from half to twice the
 * budget (top), and the split of each budget across channels (bottom, stacked bars on the
 * same budget axis). The allocation's budget is marked, and so is what the current plan
 * spends when it differs and lies on the curve's range; the value of the next 10% is
 * written on the chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PositionDef } from 'vega-lite/types_unstable/channeldef.js';
import type { AllocationResult } from '../analysis/allocate/types.js';
import { CHART_WIDTH } from '../defaults.js';
import { allocationSubtitle, allocationTheme, channelColors } from './allocation-common.js';
import {
  CURVE_HEIGHT,
  LABEL_ABOVE,
  LABEL_BELOW,
  LABEL_SIZE,
  placePointLabels,
} from './budget-curve-labels.js';
import { type ChartSpec, moneyTitle } from './common.js';
import { distinctLabels } from './distinct-labels.js';
import { formatMoney } from './format.js';
import { niceDomain } from './nice-domain.js';
import {
  formatObjective,
  formatObjectiveChange,
  formatObjectiveError,
  OBJECTIVE_TITLES,
  objectiveAxis,
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
  // Just enough digits that two points of different value never read the same ($146M, $146M).
  const pointLabels = distinctLabels(
    points.map((p) => p.value!),
    (v, extra) => formatObjective(result.objective, v, cur, extra),
    0,
    14,
  );
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
      : `next 10% (+${formatMoney(next.budget, cur)} a period): ${formatObjectiveChange(result.objective, next.gain, cur)} ${formatObjectiveError(result.objective, next.se, cur)}`;
  const here = result.budget;
  const maxBudget = Math.max(...points.map((p) => p.budget));
  const minBudget = Math.min(...points.map((p) => p.budget));
  const spends = result.current_total;
  const showCurrent =
    Math.abs(spends - here) >= result.step / 2 && spends >= minBudget && spends <= maxBudget;
  // Each marker's rule rises from the axis to the curve (read between the points around it),
  // so it never strikes a point label; its label sits above the plot, right of the rule, one
  // line each (the allocation's nearest the plot), clear of the curve and its labels.
  const sorted = [...points].sort((a, b) => a.budget - b.budget);
  const onCurve = (b: number): number => {
    const i = sorted.findIndex((p) => p.budget >= b);
    if (i <= 0) return sorted[Math.max(0, i)]!.value!;
    const lo = sorted[i - 1]!;
    const hi = sorted[i]!;
    return lo.value! + ((b - lo.budget) / (hi.budget - lo.budget)) * (hi.value! - lo.value!);
  };
  const markers = [
    {
      budget: here,
      value: onCurve(here),
      label: `allocation budget ${formatMoney(here, cur)}`,
      line: 0,
    },
    ...(showCurrent
      ? [
          {
            budget: spends,
            value: onCurve(spends),
            label: `current plan spends ${formatMoney(spends, cur)}`,
            line: 1,
          },
        ]
      : []),
  ];
  // A tenth of the budget on either side: round numbers at both ends of the axis.
  const pad = 0.1 * Math.max(1, here);
  const rows = points.map((p, i) => ({
    budget: p.budget,
    value: p.value!,
    // No band where one trial cannot estimate the error (se is then Infinity).
    lo: Number.isFinite(p.se!) ? p.value! - p.se! : p.value!,
    hi: Number.isFinite(p.se!) ? p.value! + p.se! : p.value!,
    share: `${Math.round(p.share * 100)}%`,
    label: pointLabels[i]!,
    here: p.share === 1,
  }));
  // The note goes in the plot's bottom right corner, or the top right when the curve runs
  // closer to the bottom there (a profit curve falls as spend grows past its best budget):
  // compare the room below and above the points under the note's width, at ≤ 0.62 em a
  // character of 12 px bold (DejaVu Sans), plus a point label's half width either side.
  const xMin = Math.max(0, minBudget - pad);
  const xMax = maxBudget + pad;
  const noteFrom = xMax - ((note.length * 0.62 * 12 + 6 + 40) / CHART_WIDTH) * (xMax - xMin);
  const under = rows.filter((r) => r.budget >= noteFrom);
  const yLo = Math.min(...rows.map((r) => r.lo));
  const yHi = Math.max(...rows.map((r) => r.hi));
  const noteOnTop =
    under.length > 0 &&
    yHi - Math.max(...under.map((r) => r.hi)) > Math.min(...under.map((r) => r.lo)) - yLo;
  // The y domain Vega would choose, set here so that the point labels can be placed in pixels.
  const yDomain = niceDomain(yLo, yHi);
  const labelled = placePointLabels(rows, {
    x: (b) => ((b - xMin) / (xMax - xMin)) * CHART_WIDTH,
    y: (v) => CURVE_HEIGHT * (1 - (v - yDomain[0]) / (yDomain[1] - yDomain[0] || 1)),
    rules: markers,
    note: note === '' ? null : { from: noteFrom, onTop: noteOnTop },
  });
  const x: PositionDef<string> = {
    field: 'budget',
    type: 'quantitative',
    title: moneyTitle('Total budget per period', cur),
    scale: {
      domain: [xMin, xMax],
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
        height: CURVE_HEIGHT,
        data: { values: labelled },
        encoding: { x },
        layer: [
          {
            // Rows of their own: drawn once, not once per point.
            data: { values: markers },
            layer: [
              {
                mark: { type: 'rule', color: COLORS.muted, strokeDash: [4, 4], strokeWidth: 1.5 },
                encoding: {
                  y: { field: 'value', type: 'quantitative' },
                  y2: { value: 'height' },
                },
              },
              ...markers.map((m) => ({
                transform: [{ filter: `datum.line === ${m.line}` }],
                mark: {
                  type: 'text' as const,
                  color: COLORS.muted,
                  // Above the plot, right of the rule: clear of the curve and its point labels.
                  align: 'left' as const,
                  dx: 4,
                  baseline: 'bottom' as const,
                  y: -4 - 14 * m.line,
                },
                encoding: { text: { field: 'label' } },
              })),
            ],
          },
          ...(note === ''
            ? []
            : [
                {
                  data: { values: [{ note }] },
                  mark: {
                    type: 'text' as const,
                    color: COLORS.forecast,
                    fontWeight: 'bold' as const,
                    align: 'right' as const,
                    baseline: noteOnTop ? ('top' as const) : ('bottom' as const),
                    dx: -6,
                    dy: noteOnTop ? 8 : -8,
                  },
                  encoding: {
                    x: { value: 'width' as const },
                    y: noteOnTop ? { value: 0 } : { value: 'height' as const },
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
                scale: { domain: yDomain, nice: false, zero: false },
                // Its precision from the tick step: "$145.5M", "$146M", never "$146M" twice.
                axis: objectiveAxis(result.objective),
              },
              tooltip: [
                {
                  field: 'budget',
                  type: 'quantitative',
                  title: 'Budget per period',
                  format: MONEY_TOOLTIP_FORMAT,
                },
                { field: 'share', type: 'nominal', title: "Of the allocation's budget" },
                { field: 'value', type: 'quantitative', title: 'Objective', format: tooltipFormat },
              ],
            },
          },
          // Each point's value above it, or below it where it would run into its neighbour's.
          ...([false, true] as const).map((below) => ({
            transform: [{ filter: below ? 'datum.below' : '!datum.below' }],
            mark: {
              type: 'text' as const,
              dy: below ? LABEL_BELOW : LABEL_ABOVE,
              color: COLORS.text,
              fontSize: LABEL_SIZE,
            },
            encoding: {
              y: { field: 'value', type: 'quantitative' as const },
              text: { field: 'label' },
            },
          })),
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
