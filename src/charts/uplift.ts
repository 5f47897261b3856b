/**
 * The uplift's distribution: for each of the run's trials, the recommendation's horizon
 * bookings (or profit) minus the current plan's on the same trial, as a histogram; bars
 * where the recommendation did better in blue, worse in grey, with the mean difference and
 * zero marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AllocationResult } from '../analysis/allocate/types.js';
import { allocationSubtitle, allocationTheme, CURRENT_COLOR } from './allocation-common.js';
import { type ChartSpec, type Layer, moneyTitle, shareOfTrialsY } from './common.js';
import { formatPercent } from './format.js';
import { formatObjectiveChange } from './objective-format.js';
import { COLORS, MONEY_AXIS_FORMAT, MONEY_LABEL_EXPR, MONEY_TOOLTIP_FORMAT } from './theme.js';

/**
 * Histogram of `uplift_distribution` with rules at 0 and at the mean difference.
 * @example buildUpliftChart(result).name // 'uplift'
 */
export function buildUpliftChart(result: AllocationResult): ChartSpec {
  const { edges, counts } = result.uplift_distribution;
  const n = counts.reduce((a, b) => a + b, 0);
  const bins = counts.map((count, i) => {
    const start = edges[i] ?? 0;
    const end = edges[i + 1] ?? start;
    return {
      start,
      end,
      count,
      share: n > 0 ? count / n : 0,
      side: start >= 0 ? 'better' : 'worse',
    };
  });
  const metric = result.metric === 'profit' ? 'profit' : 'bookings';
  const meanDiff = result.value.recommended.mean - result.value.current.mean;
  const change = (v: number) => formatObjectiveChange('revenue', v, result.currency);
  const maxShare = Math.max(0.01, ...bins.map((b) => b.share));
  const title = 'Uplift of the recommendation, trial by trial';
  const objectiveUplift =
    result.objective === 'p10' || result.objective === 'target'
      ? `; ${result.objective === 'p10' ? 'P10' : 'P(target)'} ${formatObjectiveChange(result.objective, result.uplift.mean, result.currency)}`
      : '';
  const meaning = `recommended − current horizon ${metric} in the same trial; better in ${formatPercent(result.probability_better, 1)} of trials; mean ${change(meanDiff)}${objectiveUplift}`;
  const x = {
    field: 'start',
    type: 'quantitative',
    title: moneyTitle(`Difference in horizon ${metric}`, result.currency),
    scale: { zero: true, nice: false },
    axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR },
  } as const;
  const layers: Layer[] = [
    {
      data: { values: bins },
      mark: { type: 'bar', binSpacing: 1 },
      encoding: {
        x,
        x2: { field: 'end' },
        y: shareOfTrialsY(maxShare, 1.25),
        y2: { datum: 0 },
        color: {
          field: 'side',
          type: 'nominal',
          title: null,
          scale: { domain: ['better', 'worse'], range: [COLORS.forecast, CURRENT_COLOR] },
          legend: {
            labelExpr: "datum.label == 'better' ? 'recommendation better' : 'current plan better'",
          },
        },
        tooltip: [
          { field: 'start', type: 'quantitative', title: 'From', format: MONEY_TOOLTIP_FORMAT },
          { field: 'end', type: 'quantitative', title: 'To', format: MONEY_TOOLTIP_FORMAT },
          { field: 'share', type: 'quantitative', title: 'Share of trials', format: '.1%' },
        ],
      },
    },
    {
      data: { values: [{ value: 0 }] },
      mark: { type: 'rule', color: COLORS.text, strokeDash: [5, 4], strokeWidth: 1.5 },
      encoding: { x: { field: 'value', type: 'quantitative' } },
    },
    {
      data: { values: [{ value: meanDiff, label: `mean ${change(meanDiff)}` }] },
      layer: [
        {
          mark: { type: 'rule', color: COLORS.target, strokeWidth: 2.5 },
          encoding: { x: { field: 'value', type: 'quantitative' } },
        },
        {
          mark: {
            type: 'text',
            color: COLORS.target,
            fontWeight: 'bold',
            align: 'left',
            dx: 5,
            y: 8,
            baseline: 'top',
          },
          encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    },
  ];
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: allocationSubtitle(result, meaning, result.trials, result.seed),
    },
    layer: layers,
  };
  return { name: 'uplift', title, spec: allocationTheme(result, spec) };
}
