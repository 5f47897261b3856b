/**
 * Where the quota sits on the forecast: the histogram of horizon bookings (share of trials
 * per bin), the team target as a solid vermillion rule (reached with the chosen
 * confidence) and the total quota (team target × over-assignment) as a dashed one, each
 * labelled with the share of trials that reach it.
 */
import type { QuotaResult } from '../analysis/quota/types.js';
import type { ForecastResult } from '../analysis/types.js';
import { CHART_WIDTH } from '../defaults.js';
import { type ChartSpec, finishChart, type Layer, moneyTitle, shareOfTrialsY } from './common.js';
import { formatMoney, formatPercent } from './format.js';
import { COLORS, MONEY_AXIS_FORMAT, MONEY_LABEL_EXPR, MONEY_TOOLTIP_FORMAT } from './theme.js';

/** Pixels a label line needs at the house text size (DejaVu Sans Bold 12 px: ~7.4 px a character). */
const labelPixels = (lines: readonly string[]): number =>
  8 + 7.4 * Math.max(...lines.map((l) => l.length));

/** A labelled vertical rule with a white halo under its (multi-line) label. */
function markedRule(
  value: number,
  label: readonly string[],
  color: string,
  y: number,
  right: boolean,
  dash: readonly number[] | null,
): Layer {
  return {
    data: { values: [{ value, label, tip: label.join(' ') }] },
    layer: [
      {
        mark: {
          type: 'rule',
          color,
          strokeWidth: 2.5,
          ...(dash === null ? {} : { strokeDash: [...dash] }),
        },
        encoding: {
          x: { field: 'value', type: 'quantitative' },
          tooltip: [{ field: 'tip', type: 'nominal', title: 'Mark' }],
        },
      },
      ...(['#ffffff', color] as const).map(
        (c): Layer => ({
          mark: {
            type: 'text',
            y,
            dx: right ? 6 : -6,
            align: right ? 'left' : 'right',
            baseline: 'top',
            lineHeight: 15,
            color: c,
            fontWeight: 'bold',
            ...(c === '#ffffff' ? { stroke: '#ffffff', strokeWidth: 5, strokeJoin: 'round' } : {}),
          },
          encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
        }),
      ),
    ],
  };
}

/**
 * Histogram of horizon bookings with the team target and total quota marked.
 * @example buildQuotaDistributionChart(quota, forecast).name // 'quota-distribution'
 */
export function buildQuotaDistributionChart(q: QuotaResult, f: ForecastResult): ChartSpec {
  const { edges, counts } = f.histograms.bookings;
  const n = counts.reduce((a, b) => a + b, 0);
  const bins = counts.map((count, i) => ({
    start: edges[i] ?? 0,
    end: edges[i + 1] ?? edges[i] ?? 0,
    count,
    share: n > 0 ? count / n : 0,
  }));
  const maxShare = Math.max(0.01, ...bins.map((b) => b.share));
  const money = (v: number) => formatMoney(v, q.currency);
  const lo = bins[0]?.start ?? 0;
  const hi = bins[bins.length - 1]?.end ?? 1;
  // Pixels from each mark to the plot's edges decide the side of its label: the target's
  // label goes left of its rule and the quota's right of its own (the quota is never below
  // the target), unless there is no room on that side.
  const px = (v: number) => (hi > lo ? ((v - lo) / (hi - lo)) * CHART_WIDTH : 0);
  const x = {
    field: 'start',
    type: 'quantitative',
    title: moneyTitle('Bookings over the horizon', q.currency),
    axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR },
    scale: { zero: false, nice: false },
  } as const;
  const targetLabel = [
    `Team target ${money(q.team_target)}`,
    `reached in ${formatPercent(q.probability_team_target.probability)} of trials`,
  ];
  const quotaLabel = [
    `Total quota ${money(q.total_quota)} (× ${q.over_assignment})`,
    `reached in ${formatPercent(q.probability_total_quota.probability)} of trials`,
  ];
  const targetRight = px(q.team_target) < labelPixels(targetLabel);
  const quotaRight = CHART_WIDTH - px(q.total_quota) >= labelPixels(quotaLabel);
  const layers: Layer[] = [
    {
      data: { values: bins },
      mark: { type: 'bar', color: COLORS.forecast, opacity: 0.6, binSpacing: 1 },
      encoding: {
        x,
        x2: { field: 'end' },
        // Headroom above the tallest bar keeps both labels off the bars.
        y: shareOfTrialsY(maxShare, 1.6),
        y2: { datum: 0 },
        tooltip: [
          { field: 'start', type: 'quantitative', title: 'From', format: MONEY_TOOLTIP_FORMAT },
          { field: 'end', type: 'quantitative', title: 'To', format: MONEY_TOOLTIP_FORMAT },
          { field: 'count', type: 'quantitative', title: 'Trials', format: ',d' },
          { field: 'share', type: 'quantitative', title: 'Share', format: '.1%' },
        ],
      },
    },
    markedRule(q.team_target, targetLabel, COLORS.target, 4, targetRight, null),
    // The quota's label sits lower, so the two never overlap when both must go the same way.
    markedRule(q.total_quota, quotaLabel, COLORS.text, 44, quotaRight, [6, 4]),
  ];
  const title = `Team target and total quota on the forecast: ${q.role_label}`;
  const meaning = `bars: share of trials by horizon bookings; team target at ${formatPercent(q.confidence)} confidence, ${q.team_target_se === null ? 'too few trials for a Monte Carlo error' : `± ${money(q.team_target_se)} Monte Carlo error`}`;
  return finishChart(f, undefined, {
    name: 'quota-distribution',
    title,
    meaning,
    body: { layer: layers },
  });
}
