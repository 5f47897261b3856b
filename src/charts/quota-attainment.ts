/**
 * How the quotas land: every rep's attainment (credited bookings / quota) in every trial,
 * as a histogram in steps of 10%, bars at or above quota in green, a rule at 100%, and the
 * share of reps who reach quota in the subtitle. The last bin holds everything above it.
 */
import type { QuotaResult } from '../analysis/quota/types.js';
import type { ForecastResult } from '../analysis/types.js';
import { type ChartSpec, finishChart, type Layer } from './common.js';
import { formatPercent } from './format.js';
import { COLORS, PALETTE } from './theme.js';

/** Green of the palette: reps at or above quota. */
const REACHED = PALETTE[2];

/**
 * Attainment histogram with the quota line.
 * @example buildQuotaAttainmentChart(quota, forecast).name // 'quota-attainment'
 */
export function buildQuotaAttainmentChart(q: QuotaResult, f: ForecastResult): ChartSpec {
  const { bin_width: w, counts } = q.attainment_histogram;
  const n = counts.reduce((a, b) => a + b, 0);
  // Stop after the last bin with any seat-trial in it (the open last bin included).
  let last = counts.length - 1;
  while (last > 0 && counts[last] === 0) last -= 1;
  const open = counts.length - 1;
  const bins = counts.slice(0, Math.max(last, Math.ceil(1 / w)) + 1).map((count, i) => ({
    start: i * w,
    end: (i + 1) * w,
    share: n > 0 ? count / n : 0,
    count,
    range:
      i === open
        ? `${formatPercent(i * w)} or more`
        : `${formatPercent(i * w)}–${formatPercent((i + 1) * w)}`,
    outcome: i * w >= 1 - 1e-9 ? 'at or above quota' : 'below quota',
  }));
  const maxShare = Math.max(0.01, ...bins.map((b) => b.share));
  const s = q.share_reaching_quota;
  const layers: Layer[] = [
    {
      data: { values: bins },
      mark: { type: 'bar', binSpacing: 1, opacity: 0.85 },
      encoding: {
        x: {
          field: 'start',
          type: 'quantitative',
          title: `Attainment: bookings credited to the rep / the rep's quota${last === open ? ' (last bar: that much or more)' : ''}`,
          axis: { format: '.0%' },
          scale: { domain: [0, bins.length * w], nice: false },
        },
        x2: { field: 'end' },
        y: {
          field: 'share',
          type: 'quantitative',
          title: 'Share of reps, over all trials',
          axis: { format: '.0%' },
          scale: { domain: [0, maxShare * 1.25], nice: false },
        },
        y2: { datum: 0 },
        color: {
          field: 'outcome',
          type: 'nominal',
          title: null,
          scale: {
            domain: ['below quota', 'at or above quota'],
            range: [COLORS.forecast, REACHED],
          },
        },
        tooltip: [
          { field: 'range', type: 'nominal', title: 'Attainment' },
          { field: 'share', type: 'quantitative', title: 'Share', format: '.1%' },
          { field: 'count', type: 'quantitative', title: 'Reps × trials', format: ',d' },
        ],
      },
    },
    {
      data: { values: [{ value: 1, label: 'Quota' }] },
      layer: [
        {
          mark: { type: 'rule', color: COLORS.text, strokeWidth: 2 },
          encoding: { x: { field: 'value', type: 'quantitative' } },
        },
        {
          mark: {
            type: 'text',
            y: 0,
            dy: -4,
            baseline: 'bottom',
            color: COLORS.text,
            fontWeight: 'bold',
          },
          encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    },
  ];
  const title = `Quota attainment: ${q.role_label}`;
  const meaning = `mean attainment ${formatPercent(q.team_attainment)}; ${formatPercent(s.mean)} of reps reach quota on average (P10 ${formatPercent(s.p10)}, median ${formatPercent(s.p50)}, P90 ${formatPercent(s.p90)})`;
  return finishChart(f, undefined, {
    name: 'quota-attainment',
    title,
    meaning,
    body: { layer: layers },
  });
}
