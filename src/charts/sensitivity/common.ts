/**
 * Pieces the sensitivity charts share: the metric in words and its axis and label formats
 * (money, or a probability for `target`), input values in their own terms, and the subtitle.
 */
import type { SensitivityInput, SensitivityResult } from '../../analysis/sensitivity/types.js';
import { paramUnit } from '../../model/param-unit.js';
import { moneyTitle } from '../common.js';
import { formatMoney, formatPercent } from '../format.js';
import { MONEY_AXIS_FORMAT, MONEY_LABEL_EXPR, MONEY_TOOLTIP_FORMAT } from '../theme.js';
import { unitText } from '../unit-text.js';

/**
 * The metric's name for titles: "horizon bookings", "horizon profit", "the chance of reaching the $10M bookings target".
 * @example metricName(result) // 'horizon bookings'
 */
export function metricName(r: SensitivityResult): string {
  if (r.metric === 'target') {
    return `the chance of reaching the ${formatMoney(r.target ?? 0, r.currency)} bookings target`;
  }
  return r.metric === 'profit' ? 'horizon profit' : 'horizon bookings';
}

/**
 * `text` (without a leading "the") with its first letter capitalised, for titles that start with the metric.
 * @example capitalised('the chance of …') // 'Chance of …'
 */
export function capitalised(text: string): string {
  const t = text.replace(/^the /, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * Axis title and formats of the metric (`label` for money; a probability names its target).
 * @example metricAxis(result, 'Horizon bookings').title // 'Horizon bookings (USD)'
 */
export function metricAxis(r: SensitivityResult, label: string) {
  if (r.metric === 'target') {
    return {
      title: `Chance of reaching ${formatMoney(r.target ?? 0, r.currency)}`,
      axis: { format: '.0%' },
      tooltip: '.1%',
    } as const;
  }
  return {
    title: moneyTitle(label, r.currency),
    axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR },
    tooltip: MONEY_TOOLTIP_FORMAT,
  } as const;
}

/**
 * A value of the metric as text: money, or a percentage.
 * @example metricText(result, 9.87e6) // '$9.87M'
 */
export function metricText(r: SensitivityResult, x: number): string {
  return r.metric === 'target' ? formatPercent(x, 1) : formatMoney(x, r.currency);
}

/**
 * The one data row of the tornado's centre and the spider's base line: the metric with every
 * input at its median, labelled so (it is not the forecast's median).
 * @example baseRow(result) // { base: 1.25e7, label: 'all inputs at their medians: $12.5M' }
 */
export function baseRow(r: SensitivityResult): { base: number; label: string } {
  return { base: r.base, label: `all inputs at their medians: ${metricText(r, r.base)}` };
}

/**
 * An input's value in its own terms: {@link unitText} in its {@link paramUnit} — rates, growth
 * and gross margin as percentages, spend and costs as money in the scenario's currency
 * (compact, "$89.8k"), other numbers plain; a negative value with a true minus sign (U+2212).
 * @example inputText({ path: 'funnel.won.rate', domain: 'rate' }, 0.19, 'USD') // '19.0%'
 * @example inputText({ path: 'markets.smb.growth', domain: 'real' }, -0.0028, 'USD') // '−0.28%'
 */
export function inputText(
  i: Pick<SensitivityInput, 'path' | 'domain'>,
  x: number,
  currency: string,
): string {
  return unitText(paramUnit(i.path, i.domain), x, currency);
}

/**
 * What the charts call each input, by its dot path: its label (the path when the result has
 * none), with the path added in brackets to a label two inputs share, so every name is unique.
 * @example inputLabels(result).get('funnel.won.rate') // 'Won · rate'
 */
export function inputLabels(r: Pick<SensitivityResult, 'inputs'>): Map<string, string> {
  const count = new Map<string, number>();
  for (const i of r.inputs) count.set(i.label ?? i.path, (count.get(i.label ?? i.path) ?? 0) + 1);
  return new Map(
    r.inputs.map((i) => {
      const label = i.label ?? i.path;
      return [i.path, (count.get(label) ?? 0) > 1 ? `${label} (${i.path})` : label];
    }),
  );
}

/**
 * The subtitle: scenario and what the marks mean, then the runs behind them.
 * @example sensitivitySubtitle(result, 'bars: …', '1,000 trials a run') // ['Acme … — bars: …', '1,000 trials a run · seed 2027']
 */
export function sensitivitySubtitle(r: SensitivityResult, meaning: string, runs: string): string[] {
  const variant = r.variant === null ? '' : ` · variant ${r.variant}`;
  return [`${r.scenario} — ${meaning}`, `${runs} · seed ${r.seed}${variant}`];
}
