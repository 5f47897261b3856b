/**
 * Pieces the comparison charts share: the plans in order (base first), their colours, the
 * subtitle with the run, and the house theme for the scenario's currency.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareResult, PlanOutcome } from '../../analysis/compare/types.js';
import { uniqueLabels } from '../common.js';
import { formatTrials } from '../format.js';
import { COLORS, houseConfig, PALETTE } from '../theme.js';

/**
 * The base first, then every variant in the comparison's order, each with its display label
 * (made unique: two plans that share a label are told apart by their names).
 * @example plansOf(result).map((p) => p.label) // ['Base plan', 'Hire Q2', …]
 */
export function plansOf(
  r: CompareResult,
): { name: string; label: string; order: number; outcome: PlanOutcome }[] {
  const outcomes = [r.base, ...Object.values(r.variants)];
  const labels = uniqueLabels(outcomes.map((o) => ({ id: o.name, label: o.label })));
  return outcomes.map((outcome, order) => ({
    name: outcome.name,
    label: labels.get(outcome.name) ?? outcome.name,
    order,
    outcome,
  }));
}

/**
 * A colour per plan: the base in the text colour, variants in the Okabe–Ito palette without
 * vermillion (the targets' colour) and black (the base's), cycling past six variants.
 * @example planColours(result).range[0] // '#222222', the base
 */
export function planColours(r: CompareResult): { domain: string[]; range: string[] } {
  const variants = PALETTE.filter((c) => c !== COLORS.target && c !== '#000000');
  const plans = plansOf(r);
  return {
    domain: plans.map((p) => p.label),
    range: plans.map((_, i) => (i === 0 ? COLORS.text : variants[(i - 1) % variants.length]!)),
  };
}

/**
 * Second subtitle line: trials, seed, sampling and the pairing.
 * @example compareRunLine(result) // '10,000 trials · seed 2027 · random sampling · every plan on the same trials'
 */
export function compareRunLine(r: CompareResult): string {
  const sampling = r.sampling === 'lhs' ? 'Latin hypercube' : 'random';
  return `${formatTrials(r.trials)} · seed ${r.seed} · ${sampling} sampling · every plan on the same trials`;
}

/**
 * The subtitle: scenario and what the marks mean, then the run.
 * @example compareSubtitle(result, 'bars: …') // ['Acme FY2027 plan — bars: …', '10,000 trials · …']
 */
export function compareSubtitle(r: CompareResult, meaning: string): string[] {
  return [`${r.scenario} — ${meaning}`, compareRunLine(r)];
}

/**
 * The schema URL and the house theme for `currency`.
 * @example themed('USD', spec).config?.font // 'DejaVu Sans, …'
 */
export function themed(currency: string, spec: TopLevelSpec): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...spec,
    config: houseConfig(currency),
  };
}
