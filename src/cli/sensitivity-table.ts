/** The terminal summary of `salesops sensitivity`: the tornado with each input's share of variance. */
import type { SensitivityInput, SensitivityResult } from '../analysis/sensitivity/types.js';
import {
  formatCompact,
  formatError,
  formatMoney,
  formatPercent,
  formatTrials,
} from '../charts/format.js';
import { inputText } from '../charts/sensitivity/common.js';
import { paramUnit } from '../model/param-unit.js';
import { compactColumn, table, tooFewTrials } from './format.js';

/**
 * An input's low and high in its own unit, as the charts write them ({@link inputText}):
 * money compact in the scenario's currency ("$52.2k → $89.8k"), rates, growth and gross margin
 * as percentages ("−0.28% → 1.28%"); other numbers at one precision ("14.2 → 17.0", not
 * "14.2 → 17"), the decimals the pair's larger needs for 3 significant digits. Negatives with
 * a true minus sign.
 * @example inputRange({ path: 'team.ae.capacity', domain: 'positive' }, 14.2, 17, 'USD') // '14.2 → 17.0'
 * @example inputRange({ path: 'team.ae.cost', domain: 'positive' }, 52_170, 89_800, 'USD') // '$52.2k → $89.8k'
 */
export function inputRange(
  i: Pick<SensitivityInput, 'path' | 'domain'>,
  lo: number,
  hi: number,
  currency: string,
): string {
  if (paramUnit(i.path, i.domain) !== 'number')
    return `${inputText(i, lo, currency)} → ${inputText(i, hi, currency)}`;
  const top = Math.max(Math.abs(lo), Math.abs(hi));
  if (top === 0 || (Number.isInteger(lo) && Number.isInteger(hi)))
    return `${inputText(i, lo, currency)} → ${inputText(i, hi, currency)}`;
  const decimals = Math.max(0, 3 - (Math.floor(Math.log10(top)) + 1));
  const f = (x: number) =>
    x
      .toLocaleString('en-US', {
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      })
      .replace(/^-/, '−');
  return `${f(lo)} → ${f(hi)}`;
}

/**
 * What the metric is, in words (money in the scenario's currency).
 * @example metricWords(result) // 'horizon bookings'
 */
export function metricWords(r: SensitivityResult): string {
  if (r.metric === 'target')
    return `the probability of reaching ${formatMoney(r.target ?? 0, r.currency)} of bookings`;
  return r.metric === 'profit' ? 'horizon profit' : 'horizon bookings';
}

/**
 * A value of the metric: money compactly, a probability as a percentage.
 * @example metricValue(result, 9.87e6) // '9.87M'
 */
export function metricValue(r: SensitivityResult, x: number): string {
  return r.metric === 'target' ? formatPercent(x, 1) : formatCompact(x);
}

/**
 * A change or spread of the metric: money compactly; for a probability, in percentage points
 * (a swing from 40% to 52% is 12 points, not 12%).
 * @example metricChange(result, 0.125) // '12.5 pts' for the target metric
 */
export function metricChange(r: SensitivityResult, x: number): string {
  return r.metric === 'target' ? `${(100 * x).toFixed(1)} pts` : formatCompact(x);
}

/** A share with its error in points; a negative one (interactions) with a true minus sign. */
const share = (s: number, se: number | null) =>
  `${formatPercent(s, 1).replace(/^-/, '−')} ± ${formatError(se, (x) => (100 * x).toFixed(1))}`;

/**
 * Renders the tornado table, the noise and interaction lines, and how to read them.
 * @example ctx.out(sensitivityTable(await sensitivity(bundle)))
 */
export function sensitivityTable(r: SensitivityResult): string {
  const v = (x: number) => metricValue(r, x);
  const d = (x: number) => metricChange(r, x);
  // money columns in one unit at one precision; probabilities are percentages already
  const column = (xs: number[]) => (r.metric === 'target' ? xs.map(v) : compactColumn(xs));
  const atLow = column(r.inputs.map((i) => i.output_low));
  const atHigh = column(r.inputs.map((i) => i.output_high));
  const swing = (i: SensitivityInput) =>
    r.metric === 'target'
      ? `${(100 * i.swing).toFixed(1)} ± ${formatError(i.swing_se, (x) => (100 * x).toFixed(1))} pts`
      : `${d(i.swing)} ± ${formatError(i.swing_se, d)}`;
  const rows = r.inputs.map((i, n) => [
    i.path,
    i.kind === 'varied' ? `±${formatPercent(i.varied_by ?? 0, 0)}` : 'P10–P90',
    inputRange(i, i.low, i.high, r.currency),
    atLow[n]!,
    atHigh[n]!,
    swing(i),
    i.kind === 'varied' ? '(fixed)' : share(i.variance_share, i.variance_share_se),
  ]);
  const body = table([
    ['input', 'range', 'low → high', 'at low', 'at high', 'swing ± se', 'share of variance'],
    ...rows,
    ['the funnel’s own randomness', '', '', '', '', '', share(r.noise.share, r.noise.se)],
    ['interactions', '', '', '', '', '', share(r.interactions.share, r.interactions.se)],
  ]);
  return `${[
    `${r.scenario}${r.variant ? ` — variant ${r.variant}` : ''}: what drives ${metricWords(r)}${r.metric === 'target' ? '' : ` (${r.currency})`}, seed ${r.seed}`,
    `tornado: each input at its P10 and P90 (or ± the --vary amount), every other uncertain input at its median (${v(r.base)}), ${formatTrials(r.trials.tornado)} a run`,
    `shares of variance: ${formatTrials(r.trials.variance)} with every input uncertain (mean ${v(r.mean)}, sd ${formatError(r.sd, d)}); ± one bootstrap standard error, in points`,
    '',
    body,
    ...notAvailable(r),
  ].join('\n')}\n`;
}

/** The footnote on "n/a" errors, naming the run whose trials were too few (none when every error is known). */
function notAvailable(r: SensitivityResult): string[] {
  const few: number[] = [];
  if (r.inputs.some((i) => i.swing_se === null)) few.push(r.trials.tornado);
  if (r.noise.se === null || r.inputs.some((i) => i.variance_share_se === null))
    few.push(r.trials.variance);
  return few.length === 0 ? [] : [`n/a: ${tooFewTrials(Math.min(...few))}`];
}
