/** The terminal summary of `salesops sensitivity`: the tornado with each input's share of variance. */
import type { SensitivityInput, SensitivityResult } from '../analysis/sensitivity/types.js';
import { formatCompact, formatPercent } from '../charts/format.js';
import { plainNumber } from '../report/describe-dist.js';
import { table } from './format.js';

/**
 * An input's value in its own terms: rates as percentages.
 * @example inputValue(0.19, 'rate') // '19.0%'
 */
export function inputValue(x: number, domain: SensitivityInput['domain']): string {
  return domain === 'rate' ? formatPercent(x, x < 0.1 ? 2 : 1) : plainNumber(x);
}

/**
 * What the metric is, in words.
 * @example metricWords(result) // 'horizon bookings'
 */
export function metricWords(r: SensitivityResult): string {
  if (r.metric === 'target')
    return `the probability of reaching ${formatCompact(r.target ?? 0)} of bookings`;
  return r.metric === 'profit' ? 'horizon profit' : 'horizon bookings';
}

/**
 * A value of the metric: money compactly, a probability as a percentage.
 * @example metricValue(result, 9.87e6) // '9.87M'
 */
export function metricValue(r: SensitivityResult, x: number): string {
  return r.metric === 'target' ? formatPercent(x, 1) : formatCompact(x);
}

/** A share with its error in points; a negative one (interactions) with a true minus sign. */
const share = (s: number, se: number) =>
  `${formatPercent(s, 1).replace(/^-/, '−')} ± ${(100 * se).toFixed(1)}`;

/**
 * Renders the tornado table, the noise and interaction lines, and how to read them.
 * @example ctx.out(sensitivityTable(await sensitivity(bundle)))
 */
export function sensitivityTable(r: SensitivityResult): string {
  const v = (x: number) => metricValue(r, x);
  const rows = r.inputs.map((i) => [
    i.path,
    i.kind === 'varied' ? `±${formatPercent(i.varied_by ?? 0, 0)}` : 'P10–P90',
    `${inputValue(i.low, i.domain)} → ${inputValue(i.high, i.domain)}`,
    v(i.output_low),
    v(i.output_high),
    `${v(i.swing)} ± ${v(i.swing_se)}`,
    i.kind === 'varied' ? '(fixed)' : share(i.variance_share, i.variance_share_se),
  ]);
  const body = table([
    ['input', 'range', 'low → high', 'at low', 'at high', 'swing ± se', 'share of variance'],
    ...rows,
    ['the funnel’s own randomness', '', '', '', '', '', share(r.noise.share, r.noise.se)],
    ['interactions', '', '', '', '', '', share(r.interactions.share, r.interactions.se)],
  ]);
  return `${[
    `${r.scenario}${r.variant ? ` — variant ${r.variant}` : ''}: what drives ${metricWords(r)} (${r.currency}), seed ${r.seed}`,
    `tornado: each input at its P10 and P90 (or ± the --vary amount), every other uncertain input at its median (${v(r.base)}), ${r.trials.tornado.toLocaleString('en-US')} trials a run`,
    `shares of variance: ${r.trials.variance.toLocaleString('en-US')} trials with every input uncertain (mean ${v(r.mean)}, sd ${v(r.sd)}); ± one bootstrap standard error, in points`,
    '',
    body,
  ].join('\n')}\n`;
}
