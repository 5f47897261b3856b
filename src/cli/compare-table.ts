/** The terminal summary of `salesops compare`: one row per plan, bookings then profit. */
import type { CompareResult, PlanOutcome, VariantOutcome } from '../analysis/compare/types.js';
import { formatCompact, formatPercent } from '../charts/format.js';
import { compactColumn, table } from './format.js';

const signed = (x: number): string => (x > 0 ? `+${formatCompact(x)}` : formatCompact(x));
const percent = (p: number | null): string => (p === null ? '–' : formatPercent(p, 1));

/**
 * Renders the comparison as two aligned tables and a line on how to read them.
 * @example ctx.out(compareTable(await compare(bundle)))
 */
export function compareTable(r: CompareResult): string {
  const plans: [string, PlanOutcome, VariantOutcome | null][] = [
    ['base', r.base, null],
    ...Object.entries(r.variants).map(([n, v]): [string, PlanOutcome, VariantOutcome] => [n, v, v]),
  ];
  const level = formatPercent(r.interval, 0);
  // Each quantile column in one unit at one precision, so its figures line up.
  const column = (pick: (o: PlanOutcome) => number) => compactColumn(plans.map(([, o]) => pick(o)));
  const b = [
    column((o) => o.bookings.p10),
    column((o) => o.bookings.p50),
    column((o) => o.bookings.p90),
  ];
  const p = [column((o) => o.profit.p10), column((o) => o.profit.p50), column((o) => o.profit.p90)];
  const hasTarget = r.targets.bookings !== null;
  const bookings = table([
    [
      'bookings',
      'P10',
      'P50',
      'P90',
      ...(hasTarget ? [`P(≥ ${formatCompact(r.targets.bookings!)})`] : []),
      `vs base (${level} interval)`,
      'P(better)',
    ],
    ...plans.map(([name, o, v], i) => [
      name,
      ...b.map((c) => c[i]!),
      ...(hasTarget ? [percent(o.target_probability)] : []),
      v === null
        ? ''
        : `${signed(v.difference.mean)} (${signed(v.difference.lo)} to ${signed(v.difference.hi)})`,
      v === null ? '' : percent(v.probability_better),
    ]),
  ]);
  const profit = table([
    ['profit', 'P10', 'P50', 'P90', `vs base (${level} interval)`, 'P(better)'],
    ...plans.map(([name, , v], i) => [
      name,
      ...p.map((c) => c[i]!),
      v === null
        ? ''
        : `${signed(v.profit_difference.mean)} (${signed(v.profit_difference.lo)} to ${signed(v.profit_difference.hi)})`,
      v === null ? '' : percent(v.probability_better_profit),
    ]),
  ]);
  return `${[
    `${r.scenario}: ${r.trials.toLocaleString('en-US')} trials, seed ${r.seed}, every plan on the same trials (${r.currency})`,
    '',
    bookings,
    '',
    profit,
    '',
    plans.length === 1
      ? 'nothing to compare with the base: the scenario has no variants (or --variants named none); try a one-off what-if with --set PATH=VALUE'
      : `vs base: mean difference, trial by trial, with its ${level} interval; P(better): share of trials in which the plan does strictly better than the base`,
  ].join('\n')}\n`;
}
