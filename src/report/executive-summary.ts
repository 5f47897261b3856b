/**
 * The executive summary: a few generated sentences, each pointing at the section that backs
 * it — what we will book and the chance of each target, the median gap to the target, the
 * binding constraint (which roles are capacity-bound in which months and what their queues
 * lose) and, when those analyses are passed in, the inputs that drive the spread, the best
 * variant against the plan and the allocation's uplift. Every number comes from the
 * results: a test reads each number of each sentence back from the JSON.
 */
import type { ForecastResult, Summary } from '../analysis/types.js';
import { formatCount, formatMoney, formatPercent, formatTrials, MONTHS } from '../charts/format.js';
import { roleBindings, runsOf } from '../charts/saturation.js';
import { Z90 } from '../defaults.js';
import type { Model } from '../model/types.js';
import { defaultLabel } from '../scenario/labels.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { checkOptionNames, type OptionNames } from '../util/option-names.js';

/** One sentence and the id of the report section (or figure) that backs it. */
export interface SummarySentence {
  /** HTML id it links to, e.g. `key-numbers`, `figure-team`. */
  readonly link: string;
  readonly text: string;
}

/**
 * Results of other analyses the summary can draw on, in the JSON shape their commands print
 * (docs/report.md). Each is optional: a sentence appears only when its result is given.
 */
export interface SummaryExtras {
  /** `salesops sensitivity --json`: inputs by swing, largest first. */
  readonly sensitivity?: {
    readonly metric: string;
    readonly inputs: readonly {
      readonly path: string;
      readonly label?: string;
      readonly swing: number;
      readonly variance_share?: number;
    }[];
  };
  /** `salesops compare --json`: every variant's paired difference to the plan. */
  readonly compare?: {
    /** Trials every plan ran on (one trial gives no standard error to tell luck from a gain). */
    readonly trials?: number;
    readonly variants: Readonly<
      Record<
        string,
        {
          readonly difference: {
            readonly mean: number;
            /** The mean's 90% interval; null with one trial, which cannot estimate it. */
            readonly lo: number | null;
            readonly hi: number | null;
            /**
             * Monte Carlo standard error of the mean difference (null with one trial); when
             * absent, the interval's half-width over the 90% normal quantile.
             */
            readonly se?: number | null;
            /** P10 and P90 of the per-trial difference (absent from older compare results). */
            readonly spread?: { readonly p10: number; readonly p90: number };
          };
          readonly probability_better: number;
          readonly target_probability?: number | null;
        }
      >
    >;
  };
  /**
   * `salesops allocate --json`: the recommended split's uplift over the current plan; with
   * the budget, the plan's spend and the budget curve, the summary also says when the
   * recommendation spends a different total than the plan and when another budget on the
   * curve does better.
   */
  readonly allocation?: {
    readonly objective: string;
    /** lo and hi are null (in the JSON; ±Infinity from the library) with one trial. */
    readonly uplift: {
      readonly mean: number;
      readonly lo: number | null;
      readonly hi: number | null;
    };
    readonly probability_better: number;
    /** The allocation's budget per period. */
    readonly budget?: number;
    /** What the recommendation spends per period. */
    readonly spent?: number;
    /** What the current plan spends per period on the allocated channels (mean over periods). */
    readonly current_total?: number;
    /** The search's smallest step: spends closer than half of it count as the same. */
    readonly step?: number;
    /** Roles saturated at the recommendation (the allocation's capacity table). */
    readonly capacity?: { readonly binding: readonly string[] };
    readonly budget_curve?: {
      readonly trials: number;
      readonly points: readonly {
        readonly share: number;
        readonly budget: number;
        readonly value: number | null;
        readonly difference: { readonly mean: number; readonly se: number } | null;
      }[];
    };
  };
}

/** "Mar 2027" of a `YYYY-MM` period. */
function monthName(period: string): { month: string; year: string } {
  const [y, m] = period.split('-');
  return { month: MONTHS[Number(m) - 1] ?? period, year: y ?? '' };
}

/** "Feb–Jul and Oct–Dec 2027", "Nov 2027–Feb 2028": runs of period indices in words. */
export function monthRuns(periods: readonly string[], indices: readonly number[]): string {
  const runs = runsOf(indices).map(([a, b]) => {
    const from = monthName(periods[a] ?? '');
    const to = monthName(periods[b] ?? '');
    if (a === b) return { text: from.month, year: from.year, end: from.year };
    if (from.year === to.year)
      return { text: `${from.month}–${to.month}`, year: from.year, end: to.year };
    return { text: `${from.month} ${from.year}–${to.month} ${to.year}`, year: '', end: to.year };
  });
  // Years are written once per run of runs in the same year, at its end.
  const parts = runs.map((r, i) => {
    const next = runs[i + 1];
    const sameYearNext = next !== undefined && r.year !== '' && next.year === r.year;
    return r.year === '' || sameYearNext ? r.text : `${r.text} ${r.year}`;
  });
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "A", "A and B", "A, B and C". */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Jan–Dec 2027": the horizon. */
function horizon(result: ForecastResult): string {
  return monthRuns(
    result.periods,
    result.periods.map((_, t) => t),
  );
}

/** What we will book and how sure we are of it. */
function bookingsSentence(result: ForecastResult): SummarySentence {
  const money = (x: number) => formatMoney(x, result.currency);
  const b: Summary = result.metrics.bookings.total;
  return {
    link: 'key-numbers',
    text: `We expect to book ${money(b.p50)} in ${horizon(result)} (the median of ${formatTrials(result.trials)}), and between ${money(b.p10)} (P10) and ${money(b.p90)} (P90).`,
  };
}

/** The chance of each target. */
function targetSentence(result: ForecastResult): SummarySentence | null {
  const money = (x: number) => formatMoney(x, result.currency);
  const t = result.targets;
  const parts: string[] = [];
  if (t.bookings)
    parts.push(
      `the ${money(t.bookings.value)} bookings target: ${formatPercent(t.bookings.probability)}`,
    );
  const quarters = (t.quarterly_detail ?? []).map(
    (q, i) => `${result.quarters[i] ?? `quarter ${i + 1}`} ${formatPercent(q.probability)}`,
  );
  if (quarters.length > 0) parts.push(`the quarterly targets: ${quarters.join(', ')}`);
  if (t.profit)
    parts.push(
      `the ${money(t.profit.value)} profit target: ${formatPercent(t.profit.probability)}`,
    );
  if (parts.length === 0) return null;
  return { link: 'targets', text: `Chance of reaching ${parts.join('; ')}.` };
}

/** The median gap to the bookings target. */
function gapSentence(result: ForecastResult): SummarySentence | null {
  const t = result.targets.bookings;
  if (t === undefined) return null;
  const money = (x: number) => formatMoney(x, result.currency);
  const gap = t.value - result.metrics.bookings.total.p50;
  const text =
    gap > 0
      ? `The median falls ${money(gap)} short of the ${money(t.value)} target.`
      : `The median clears the ${money(t.value)} target by ${money(-gap)}.`;
  return { link: 'figure-distribution', text };
}

/**
 * The binding constraint: roles capacity-bound in most trials, in which months (and in which
 * of them the role had no capacity at all while items waited), and what their queues lose
 * (mean items, and their value at the average new bookings per item the role takes on: mean
 * new bookings ÷ mean items taken on; a role that takes nothing on gives no such value).
 */
function constraintSentences(result: ForecastResult, model: Model): SummarySentence[] {
  const roles = roleBindings(result, model);
  if (roles.length === 0) return [];
  const money = (x: number) => formatMoney(x, result.currency);
  const T = result.periods.length;
  const bound = roles
    .filter((r) => r.saturated.length > 0)
    .sort((a, b) => b.saturated.length - a.saturated.length || b.lost - a.lost);
  if (bound.length === 0) {
    // A role with no capacity is not spare, even when nothing waits for it.
    const unstaffed = roles.some((r) =>
      result.roles[r.id]!.capacity.periods.some((c) => c.p50 === 0),
    );
    return [
      {
        link: 'figure-team',
        text: unstaffed
          ? 'No role is capacity-bound: in every month most trials leave each role spare capacity or nothing waiting for it.'
          : 'No role is capacity-bound: in every month most trials leave each role spare capacity.',
      },
    ];
  }
  const newBookings = result.metrics.new_bookings.total.mean;
  return bound.map((r, i) => {
    const lead = i === 0 ? `${r.label} capacity binds` : `${r.label} capacity binds too`;
    const none =
      r.noCapacity.length === 0
        ? ''
        : `; no capacity at all in ${monthRuns(result.periods, r.noCapacity)} while items waited`;
    const loses = `its queue loses ${formatCount(r.lost)} items at the ${r.stage.label} stage (mean)`;
    const worth =
      r.taken > 0
        ? `, worth about ${money((r.lost * newBookings) / r.taken)} of new bookings at ${money(newBookings / r.taken)} per item taken on.`
        : ' and it takes none on.';
    return {
      link: 'figure-team',
      text: `${lead}: capacity-bound in ${r.saturated.length} of ${T} months (${monthRuns(result.periods, r.saturated)}${none}); ${loses}${worth}`,
    };
  });
}

/** The inputs that drive the spread most (from a sensitivity result). */
function sensitivitySentence(
  result: ForecastResult,
  s: NonNullable<SummaryExtras['sensitivity']>,
): SummarySentence | null {
  const top = s.inputs.slice(0, 3);
  if (top.length === 0) return null;
  const money = (x: number) => formatMoney(x, result.currency);
  return {
    link: 'sensitivity',
    text: `The inputs that move bookings most: ${top.map((i) => `${i.label ?? i.path} (swing ${money(i.swing)})`).join(', ')}.`,
  };
}

/**
 * The best variant against the plan (from a compare result). The interval the result gives is
 * of the mean difference, so it is written as the simulation error of that average (its
 * half-width), never as a range a reader could take for the range of outcomes; the range of
 * outcomes is the per-trial difference's P10 to P90, given beside it. A variant is called
 * best only when its mean difference is above twice its standard error (the rule the budget
 * curve's sentence uses); otherwise the sentence says no variant beats the plan and names the
 * closest.
 */
function compareSentence(
  result: ForecastResult,
  model: Model,
  c: NonNullable<SummaryExtras['compare']>,
): SummarySentence | null {
  const best = Object.entries(c.variants).sort(
    (a, b) => b[1].difference.mean - a[1].difference.mean,
  )[0];
  if (best === undefined) return null;
  const [name, v] = best;
  const d = v.difference;
  const se =
    d.se !== undefined ? d.se : d.lo === null || d.hi === null ? null : (d.hi - d.lo) / 2 / Z90;
  if ((c.trials !== undefined && c.trials < 2) || se === null || d.lo === null || d.hi === null) {
    return {
      link: 'compare',
      text: 'Variants: with one trial no difference to the plan can be told from luck, so none is called best; run at least 2 trials (hundreds to compare plans).',
    };
  }
  const money = (x: number) => formatMoney(x, result.currency);
  const label = model.variants.find((x) => x.name === name)?.label ?? defaultLabel(name);
  const beats = d.mean > 2 * se;
  const verb = d.mean >= 0 ? 'adds' : 'costs';
  const signed = (x: number) => (x > 0 ? `+${money(x)}` : money(x));
  const { spread } = d;
  const range =
    spread === undefined
      ? ''
      : `; trial by trial the difference runs from ${signed(spread.p10)} to ${signed(spread.p90)} (P10 to P90),`;
  const lead = beats
    ? `Best variant against the plan: ${label}`
    : d.mean > 0
      ? `No variant clearly beats the plan on average; the closest, ${label},`
      : `No variant beats the plan on average; the closest, ${label},`;
  return {
    link: 'compare',
    text: `${lead} ${verb} ${money(Math.abs(d.mean))} of bookings on average (simulation error ±${money((d.hi - d.lo) / 2)})${range} and it beats the plan in ${formatPercent(v.probability_better)} of trials.`,
  };
}

/**
 * The allocation's uplift (from an allocate result). When the recommendation spends a
 * different total than the plan, it is a change of budget as well as of split, and the
 * sentence says so rather than calling it a re-split. When a role's capacity binds at the
 * recommendation (it has no capacity, or uses nearly all of it, or its queue loses a large
 * share), a second sentence says so: leads beyond its capacity add little.
 */
function allocationSentence(
  result: ForecastResult,
  model: Model,
  a: NonNullable<SummaryExtras['allocation']>,
): SummarySentence[] {
  const fmt = (x: number) =>
    a.objective === 'target' ? formatPercent(x) : formatMoney(x, result.currency);
  const money = (x: number) => formatMoney(x, result.currency);
  const half = (a.step ?? 0) / 2;
  const spent = a.spent ?? a.budget;
  const verb = a.uplift.mean > 0 ? 'raises' : a.uplift.mean < 0 ? 'lowers' : 'changes';
  const { lo, hi } = a.uplift;
  const error =
    lo !== null && hi !== null && Number.isFinite(hi - lo)
      ? `simulation error ±${fmt((hi - lo) / 2)}`
      : 'simulation error not available: too few trials';
  const change = `${verb} the ${a.objective} objective by ${fmt(Math.abs(a.uplift.mean))} on average (${error}), better than the current plan in ${formatPercent(a.probability_better)} of trials.`;
  const respend =
    spent !== undefined &&
    a.current_total !== undefined &&
    Math.abs(spent - a.current_total) > half;
  const first: SummarySentence = {
    link: 'allocation',
    text: respend
      ? `Spending ${money(spent)} a month on the channels, against the ${money(a.current_total!)} the plan spends, split as recommended, ${change}`
      : `Re-splitting the channel budget ${change}`,
  };
  const binding = (a.capacity?.binding ?? []).map(
    (id) => model.roles.find((r) => r.id === id)?.label ?? defaultLabel(id),
  );
  const capped: SummarySentence[] =
    binding.length === 0
      ? []
      : [
          {
            link: 'allocation',
            text: `${listed(binding)} capacity binds at the recommended split: leads beyond what the team can work wait or go cold and add little until the team grows.`,
          },
        ];
  const better = betterBudget(a, half, result.currency);
  return [first, ...capped, ...(better === null ? [] : [{ link: 'allocation', text: better }])];
}

/**
 * The budget curve's best point when it clearly beats the allocation's budget (by more than
 * twice its paired standard error), in words; null otherwise, and null for a larger budget
 * unless the objective is profit (the only one that counts the spend).
 */
function betterBudget(
  a: NonNullable<SummaryExtras['allocation']>,
  half: number,
  currency: string,
): string | null {
  const money = (x: number) => formatMoney(x, currency);
  const curve = a.budget_curve;
  if (curve === undefined) return null;
  const here = curve.points.find((p) => p.share === 1);
  let top: (typeof curve.points)[number] | null = null;
  for (const p of curve.points)
    if (p.difference !== null && (top === null || p.difference.mean > top.difference!.mean))
      top = p;
  if (
    top === null ||
    here?.value == null ||
    top.value === null ||
    top.share === 1 ||
    !(top.difference!.mean > 2 * top.difference!.se) ||
    // Only profit counts what is spent: under any other objective more budget doing better is
    // expected, not news; less budget doing better is news under every objective.
    (a.objective !== 'profit' && top.budget > here.budget)
  )
    return null;
  const fmt = (x: number) => (a.objective === 'target' ? formatPercent(x) : money(x));
  const current =
    a.current_total !== undefined && Math.abs(top.budget - a.current_total) <= half
      ? ' (about what the plan spends now)'
      : '';
  return `The budget curve does better at another budget: spending ${money(top.budget)} a month${current}, split as the curve's best, gives ${fmt(top.value)} against ${fmt(here.value)} at ${money(here.budget)} (on the curve's ${formatTrials(curve.trials)}).`;
}

/** The names extras take: `{ sensitivty }` would otherwise leave its sentence out. */
export const SUMMARY_EXTRAS: OptionNames<SummaryExtras> = {
  sensitivity: true,
  compare: true,
  allocation: true,
};

/**
 * The summary's sentences in reading order; the sentences of other analyses appear only
 * when their results are passed in `extras`.
 * @throws InputError for a name `extras` does not take (`executiveSummary: extras.sensitivty`).
 * @example executiveSummary(result, model).map((s) => s.text)
 */
export function executiveSummary(
  result: ForecastResult,
  model: Model,
  extras: SummaryExtras = {},
): SummarySentence[] {
  checkArgument('executiveSummary', 'result', result, ARG.forecast);
  checkArgument('executiveSummary', 'model', model, ARG.model);
  checkOptionNames('executiveSummary', extras, SUMMARY_EXTRAS, '', 'extras');
  const out: (SummarySentence | null)[] = [
    bookingsSentence(result),
    targetSentence(result),
    gapSentence(result),
    ...constraintSentences(result, model),
    extras.sensitivity ? sensitivitySentence(result, extras.sensitivity) : null,
    extras.compare ? compareSentence(result, model, extras.compare) : null,
    ...(extras.allocation ? allocationSentence(result, model, extras.allocation) : []),
  ];
  return out.filter((s): s is SummarySentence => s !== null);
}
