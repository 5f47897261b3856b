/**
 * Distribution of horizon bookings across trials: the equal-width histogram the forecast
 * keeps (`histograms.bookings`), as the share of trials per bin, with P10/P50/P90 of the
 * horizon total as dashed rules and the horizon target as a solid vermillion rule; the
 * bars at or above the target are shaded darker (the bin the target falls in is split at
 * the target, both parts at the bin's height).
 */
import type { ForecastResult } from '../analysis/types.js';
import type { Model } from '../model/types.js';
import { type ChartSpec, finishChart, type Layer, moneyTitle, shareOfTrialsY } from './common.js';
import { formatMoney, formatPercent } from './format.js';
import { COLORS, MONEY_AXIS_FORMAT, MONEY_LABEL_EXPR, MONEY_TOOLTIP_FORMAT } from './theme.js';

/**
 * Histogram chart of horizon bookings with quantile and target rules.
 * Bin share = count / Σ counts.
 * @example buildDistributionChart(result).name // 'distribution'
 */
export function buildDistributionChart(result: ForecastResult, model?: Model): ChartSpec {
  const { edges, counts } = result.histograms.bookings;
  const n = counts.reduce((a, b) => a + b, 0);
  const total = result.metrics.bookings.total;
  const target = result.targets.bookings;
  const BELOW = 'below target';
  const REACHED = 'at or above target';
  const bins = counts.flatMap((count, i) => {
    const start = edges[i] ?? 0;
    const end = edges[i + 1] ?? start;
    const bin = { from: start, to: end, count, share: n > 0 ? count / n : 0 };
    if (target === undefined) return [{ ...bin, start, end, side: BELOW }];
    if (end <= target.value) return [{ ...bin, start, end, side: BELOW }];
    if (start >= target.value) return [{ ...bin, start, end, side: REACHED }];
    return [
      { ...bin, start, end: target.value, side: BELOW },
      { ...bin, start: target.value, end, side: REACHED },
    ];
  });
  const maxShare = Math.max(0.01, ...bins.map((b) => b.share));
  const rules = [
    { value: total.p10, label: 'P10' },
    { value: total.p50, label: 'P50' },
    { value: total.p90, label: 'P90' },
  ];
  const money = (v: number) => formatMoney(v, result.currency);
  const meaning = `bars: share of trials; dashed: P10 ${money(total.p10)}, median ${money(total.p50)}, P90 ${money(total.p90)}${target ? '; dark bars: at or above the target' : ''}`;
  const x = {
    field: 'start',
    type: 'quantitative',
    title: moneyTitle('Bookings over the horizon', result.currency),
    axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR },
    scale: { zero: false, nice: false },
  } as const;
  const layers: Layer[] = [
    {
      data: { values: bins },
      mark: { type: 'bar', binSpacing: 1 },
      encoding: {
        color: {
          field: 'side',
          type: 'nominal',
          title: 'Trials',
          scale: { domain: [BELOW, REACHED], range: [COLORS.forecastLight, COLORS.forecast] },
          legend: target ? {} : null,
        },
        x,
        x2: { field: 'end' },
        // Headroom above the tallest bar keeps the target label off the bars.
        y: shareOfTrialsY(maxShare, 1.3),
        y2: { datum: 0 },
        tooltip: [
          { field: 'from', type: 'quantitative', title: 'From', format: MONEY_TOOLTIP_FORMAT },
          { field: 'to', type: 'quantitative', title: 'To', format: MONEY_TOOLTIP_FORMAT },
          { field: 'count', type: 'quantitative', title: 'Trials', format: ',d' },
          { field: 'share', type: 'quantitative', title: 'Share', format: '.1%' },
        ],
      },
    },
    {
      data: { values: rules },
      layer: [
        {
          // The quantile rules stop short of the top band, which holds the target's label.
          mark: {
            type: 'rule',
            color: COLORS.text,
            strokeDash: [5, 4],
            strokeWidth: 1.5,
            ...(target ? { y: 34, y2: 'height' as const } : {}),
          },
          encoding: {
            x: { field: 'value', type: 'quantitative' },
            tooltip: [
              { field: 'label', type: 'nominal', title: 'Quantile' },
              {
                field: 'value',
                type: 'quantitative',
                title: 'Bookings',
                format: MONEY_TOOLTIP_FORMAT,
              },
            ],
          },
        },
        {
          mark: { type: 'text', y: 0, dy: -4, baseline: 'bottom', color: COLORS.text },
          encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    },
  ];
  if (target) {
    const lo = bins[0]?.start ?? 0;
    const hi = bins[bins.length - 1]?.end ?? 1;
    const roomRight = hi - target.value >= target.value - lo;
    const label = `Target ${money(target.value)}: reached in ${formatPercent(target.probability)} of trials`;
    layers.push({
      data: { values: [{ value: target.value, label }] },
      layer: [
        {
          mark: { type: 'rule', color: COLORS.target, strokeWidth: 2.5 },
          encoding: {
            x: { field: 'value', type: 'quantitative' },
            tooltip: [{ field: 'label', type: 'nominal', title: 'Target' }],
          },
        },
        // A white halo under the label keeps it readable where it crosses a rule or a bar.
        ...(['#ffffff', COLORS.target] as const).map((color) => ({
          mark: {
            type: 'text' as const,
            y: 10,
            dx: roomRight ? 6 : -6,
            align: roomRight ? ('left' as const) : ('right' as const),
            baseline: 'top' as const,
            color,
            fontWeight: 'bold' as const,
            ...(color === '#ffffff'
              ? { stroke: '#ffffff', strokeWidth: 5, strokeJoin: 'round' as const }
              : {}),
          },
          encoding: {
            x: { field: 'value', type: 'quantitative' as const },
            text: { field: 'label' },
          },
        })),
      ],
    });
  }
  return finishChart(result, model, {
    name: 'distribution',
    title: 'Distribution of horizon bookings',
    meaning,
    body: { layer: layers },
  });
}
