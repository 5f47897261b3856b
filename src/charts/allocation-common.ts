/**
 * What the allocation charts share: the house theme for the allocation's currency, a
 * subtitle naming the scenario and the trials the numbers come from, and one colour per
 * allocated channel (the same in every allocation chart).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AllocationResult } from '../analysis/allocate/types.js';
import { formatTrials } from './format.js';
import { COLORS, houseConfig, PALETTE } from './theme.js';

/**
 * The spec with the schema URL and the house theme.
 * @example allocationTheme(result, { mark: 'bar' }).config?.font // 'DejaVu Sans, …'
 */
export function allocationTheme(result: AllocationResult, spec: TopLevelSpec): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...spec,
    config: houseConfig(result.currency),
  };
}

/**
 * Subtitle: the scenario and what the marks mean, then the trials and seed behind them.
 * @example allocationSubtitle(result, 'spend per period', 10000, 2027)[1] // '10,000 trials · seed 2027 · objective: …'
 */
export function allocationSubtitle(
  result: AllocationResult,
  meaning: string,
  trials: number,
  seed: number,
): string[] {
  const variant = result.variant === null ? '' : ` · variant ${result.variant}`;
  return [
    `${result.scenario} — ${meaning}`,
    `${formatTrials(trials)} · seed ${seed} · objective: ${result.objective_description}${variant}`,
  ];
}

/**
 * The allocated channels in allocation order and their colours (palette order).
 * @example channelColors(result).range[0] // '#0072B2'
 */
export function channelColors(
  result: AllocationResult,
  labels: ReadonlyMap<string, string> = new Map(),
): { domain: string[]; range: string[] } {
  const domain = result.certificate.channels.map((c) => labels.get(c.channel) ?? c.channel);
  return { domain, range: domain.map((_, i) => PALETTE[i % PALETTE.length]!) };
}

/** Grey of the current plan's marks, against the recommendation's colour. */
export const CURRENT_COLOR = '#9A9A9A';

/**
 * Colour by `field`, whose values are 'Current plan' (grey) and 'Recommended' (the forecast's
 * blue), untitled: the two plans look the same on every allocation chart.
 * @example planColor('plan').scale.range // ['#9A9A9A', COLORS.forecast]
 */
export function planColor(field: string) {
  return {
    field,
    type: 'nominal',
    title: null,
    scale: { domain: ['Current plan', 'Recommended'], range: [CURRENT_COLOR, COLORS.forecast] },
  } as const;
}
