/**
 * Where the uncertainty comes from: each uncertain input's share of the metric's variance
 * (the SHARE_ROWS largest, then the rest summed), the funnel's own randomness, and the
 * remainder (interactions), as bars with ± one bootstrap standard error, labelled; they add
 * up to 100%.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityResult } from '../../analysis/sensitivity/types.js';
import { SHARE_ROWS } from '../../defaults.js';
import type { ChartSpec } from '../common.js';
import { themed } from '../compare/common.js';
import { formatError, formatPercent, formatTrials } from '../format.js';
import { COLORS } from '../theme.js';
import { inputLabels, metricName, sensitivitySubtitle } from './common.js';

/**
 * Bars of `variance_share` per input, `noise` and `interactions`; null without uncertain inputs.
 * @example buildSharesChart(result)?.name // 'variance-shares'
 */
export function buildSharesChart(r: SensitivityResult): ChartSpec | null {
  const uncertain = r.inputs
    .filter((i) => i.kind === 'uncertain')
    .sort((a, b) => b.variance_share - a.variance_share);
  if (uncertain.length === 0) return null;
  const named = uncertain.slice(0, SHARE_ROWS);
  const names = inputLabels(r);
  const rest = uncertain.slice(SHARE_ROWS);
  // An error one trial cannot estimate draws no whisker and reads "± n/a".
  const row = (label: string, kind: string, share: number, se: number | null) => ({
    label,
    kind,
    share,
    lo: share - (se ?? 0),
    hi: share + (se ?? 0),
    // The label starts right of the bar and its whisker; a negative share's bar ends at zero.
    at: Math.max(0, share + (se ?? 0)),
    text: `${formatPercent(share, 1).replace(/^-/, '−')} ± ${formatError(se, (x) => (100 * x).toFixed(1))}`,
  });
  const rows = [
    ...named.map((i) =>
      row(names.get(i.path) ?? i.path, 'input', i.variance_share, i.variance_share_se),
    ),
    ...(rest.length > 0
      ? [
          row(
            `${rest.length} other inputs together`,
            'input',
            rest.reduce((a, i) => a + i.variance_share, 0),
            rest.some((i) => i.variance_share_se === null)
              ? null
              : Math.sqrt(rest.reduce((a, i) => a + i.variance_share_se! ** 2, 0)),
          ),
        ]
      : []),
    row('the funnel’s own randomness', 'noise', r.noise.share, r.noise.se),
    row('interactions between inputs', 'interactions', r.interactions.share, r.interactions.se),
  ].map((d, order) => ({ ...d, order }));
  const title = `Where the uncertainty in ${metricName(r)} comes from`;
  const meaning =
    'bars: share of the variance each input explains alone, the funnel’s own randomness, interactions; whiskers: ± 1 s.e.';
  const runs = `${formatTrials(r.trials.variance)} with every input uncertain, and as many with the same inputs and other funnel draws`;
  const top = Math.max(0.05, ...rows.map((d) => d.hi));
  // A whisker below zero gets a little room before the axis, so it does not run into the
  // row labels.
  const lowest = Math.min(0, ...rows.map((d) => d.lo));
  const bottom = lowest < 0 ? lowest - 0.03 * (top * 1.25 - lowest) : 0;
  const spec: TopLevelSpec = {
    title: { text: title, subtitle: sensitivitySubtitle(r, meaning, runs) },
    data: { values: rows },
    height: { step: 30 },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        title: null,
        sort: { field: 'order', op: 'min', order: 'ascending' },
        axis: { labelLimit: 360 },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          x: {
            field: 'share',
            type: 'quantitative',
            title: `Share of the variance of ${metricName(r)}`,
            // Room on the right for the labels.
            scale: { domain: [bottom, top * 1.25], nice: false },
            axis: { format: '.0%' },
          },
          color: {
            field: 'kind',
            type: 'nominal',
            scale: {
              domain: ['input', 'noise', 'interactions'],
              range: [COLORS.forecast, '#999999', '#cccccc'],
            },
            legend: null,
          },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'Source' },
            { field: 'text', type: 'nominal', title: 'Share ± se' },
          ],
        },
      },
      {
        mark: { type: 'rule', color: COLORS.text, strokeWidth: 1.5 },
        encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, color: COLORS.text },
        encoding: { x: { field: 'at', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  };
  return { name: 'variance-shares', title, spec: themed(r.currency, spec) };
}
