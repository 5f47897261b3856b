/** The terminal summary of `salesops compare`: one row per plan, bookings then profit. */
import type { TrialDifference } from '../analysis/compare/paired.js';
import type { CompareResult, PlanOutcome, VariantOutcome } from '../analysis/compare/types.js';
import { formatCompact, formatPercent, formatTrials, NOT_AVAILABLE } from '../charts/format.js';
import { compactColumn, table, tooFewTrials } from './format.js';

const percent = (p: number | null): string => (p === null ? '–' : formatPercent(p, 1));

/** compactColumn with a plus sign on positive figures. */
function signedColumn(values: readonly number[]): string[] {
  return compactColumn(values).map((s, i) => (values[i]! > 0 && /[1-9]/.test(s) ? `+${s}` : s));
}

/**
 * The two columns of a difference to the base, one cell per plan (the base's empty): the mean
 * ± its simulation error ("n/a" when one trial cannot estimate it), and P10 to P90 trial by
 * trial, each column in one unit.
 */
function versusColumns(diffs: readonly (TrialDifference | null)[]): [string[], string[]] {
  const d = diffs.filter((x) => x !== null);
  const mean = signedColumn(d.map((x) => x.mean));
  const error = compactColumn(
    d.map((x) => (x.hi === null || x.lo === null ? Number.NaN : (x.hi - x.lo) / 2)),
  ).map((s, j) => (d[j]!.se === null ? NOT_AVAILABLE : s));
  const ends = signedColumn(d.flatMap((x) => [x.spread.p10, x.spread.p90]));
  let i = 0;
  const cells = diffs.map((x): [string, string] => {
    if (x === null) return ['', ''];
    const j = i++;
    return [`${mean[j]} ±${error[j]}`, `${ends[2 * j]} to ${ends[2 * j + 1]}`];
  });
  return [cells.map((c) => c[0]), cells.map((c) => c[1])];
}

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
  const vb = versusColumns(plans.map(([, , v]) => v?.difference ?? null));
  const vp = versusColumns(plans.map(([, , v]) => v?.profit_difference ?? null));
  const bookings = table([
    [
      'bookings',
      'P10',
      'P50',
      'P90',
      ...(hasTarget ? [`P(≥ ${formatCompact(r.targets.bookings!)})`] : []),
      'vs base, mean',
      'P10 to P90',
      'P(better)',
    ],
    ...plans.map(([name, o, v], i) => [
      name,
      ...b.map((c) => c[i]!),
      ...(hasTarget ? [percent(o.target_probability)] : []),
      vb[0][i]!,
      vb[1][i]!,
      v === null ? '' : percent(v.probability_better),
    ]),
  ]);
  const profit = table([
    ['profit', 'P10', 'P50', 'P90', 'vs base, mean', 'P10 to P90', 'P(better)'],
    ...plans.map(([name, , v], i) => [
      name,
      ...p.map((c) => c[i]!),
      vp[0][i]!,
      vp[1][i]!,
      v === null ? '' : percent(v.probability_better_profit),
    ]),
  ]);
  return `${[
    `${r.scenario}: ${formatTrials(r.trials)}, seed ${r.seed}, every plan on the same trials (${r.currency})`,
    '',
    bookings,
    '',
    profit,
    '',
    plans.length === 1
      ? 'nothing to compare with the base: the scenario has no variants (or --variants named none); try a one-off what-if with --set PATH=VALUE'
      : `vs base, mean: the mean of (plan − base) over the same trials, ± its simulation error (half the ${level} interval of that mean: not a range of outcomes); P10 to P90: how that difference spreads trial by trial; P(better): share of trials in which the plan does strictly better than the base`,
    ...(Object.values(r.variants).some((v) => v.difference.se === null)
      ? [`n/a: ${tooFewTrials(r.trials)}`]
      : []),
  ].join('\n')}\n`;
}
