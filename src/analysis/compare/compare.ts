/**
 * compare — the base and its variants (and a one-off what-if) on the same trials:
 *
 *   bundle ─► prepare ─► evaluate(base), evaluate(variant v), evaluate(what-if edits)
 *                          │  same seed, same trials: common random numbers
 *                          ▼
 *             per plan: summaries, target probabilities, cumulative bookings
 *             per variant: paired difference to the base, P(strictly better)
 *
 * A variant identical to the base gives a difference of exactly 0 in every trial, so it never
 * "beats" the base; a `--set` edit and the variant with the same edit give the same numbers
 * bit for bit (they compile to the same plan, docs/evaluator.md).
 */
import { INTERVAL_LEVEL } from '../../defaults.js';
import type { ScenarioBundle } from '../../scenario/load.js';
import { variantEntries } from '../../scenario/load.js';
import type { Override } from '../../scenario/overrides.js';
import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import type { Logger } from '../../util/logger.js';
import { InputError } from '../../util/result.js';
import { closest } from '../../util/suggest.js';
import { type Evaluation, type Evaluator, withEvaluator } from '../evaluator.js';
import { whatIfMsg } from '../messages.js';
import { checkOptionNames, checkRunOptions, type OptionNames } from '../run-options.js';
import { ONE_TRIAL_WARNING } from '../summarise.js';
import { outcomeMetrics, planOutcome } from './outcome.js';
import { beats, targetDifference, trialDifference } from './paired.js';
import type { CompareResult, VariantOutcome } from './types.js';

/** What charts and the report call the base. */
export const BASE_LABEL = 'Base plan';

/** A one-off what-if: edits of the base (`set` overrides, as `--set` gives them) and a name. */
export interface WhatIf {
  readonly name: string;
  readonly description?: string;
  readonly overrides: readonly Override[];
}

export interface CompareOptions {
  /** Variants to compare, by name; default every variant in file order. */
  readonly variants?: readonly string[];
  /** One-off what-ifs compared like variants, after them. */
  readonly whatIfs?: readonly WhatIf[];
  /** Trials (default the plan's `simulation.trials`) and seed (default the plan's). */
  readonly trials?: number;
  readonly seed?: number;
  /** Threads when `compare` prepares its own evaluator; default every core. */
  readonly workers?: number;
  readonly logger?: Logger;
  /** Progress over every plan's trials. */
  readonly onProgress?: (done: number, total: number) => void;
}

const COMPARE_OPTIONS: OptionNames<CompareOptions> = {
  variants: true,
  whatIfs: true,
  trials: true,
  seed: true,
  workers: true,
  logger: true,
  onProgress: true,
};

/**
 * Compares the base plan with its variants and one-off what-ifs on the same trials (common
 * random numbers): horizon bookings and profit, target probabilities, and per variant the
 * paired difference to the base (mean and 90% interval, mean ± 1.645·sd/√n; its P10, P50 and
 * P90 trial by trial) and the share of trials in which it does strictly better. Give a bundle (an evaluator is prepared and closed)
 * or a prepared evaluator of one (it stays open).
 * @throws InputError naming an unknown variant or a what-if edit that does not apply.
 * @example
 * const r = await compare(await loadBundle('plan.yaml'), { variants: ['hire_q2'] });
 * r.variants.hire_q2.difference // { mean, lo, hi, se, spread: { p10, p50, p90 } }
 */
export async function compare(
  input: ScenarioBundle | Evaluator,
  opts: CompareOptions = {},
): Promise<CompareResult> {
  checkArgument('compare', 'input', input, ARG.analysisInput);
  checkOptionNames('compare', opts, COMPARE_OPTIONS);
  checkRunOptions('compare', opts);
  return withEvaluator(input, opts, (ev) => run(ev, opts));
}

async function run(ev: Evaluator, opts: CompareOptions): Promise<CompareResult> {
  const bundle = ev.bundle;
  const base = ev.model;
  const known = [...(bundle?.variants.keys() ?? [])];
  const names = opts.variants ?? known;
  checkNames(names, known, opts.whatIfs ?? [], bundle?.file ?? base.name);
  const trials = opts.trials ?? base.simulation.trials;
  const seed = opts.seed ?? base.simulation.seed;
  if (trials < 2) opts.logger?.warn(ONE_TRIAL_WARNING);
  const metrics = outcomeMetrics(base);
  const plans = 1 + names.length + (opts.whatIfs?.length ?? 0);
  let done = 0;
  const evaluate = async (
    overrides: readonly Override[],
    variant?: string,
  ): Promise<Evaluation> => {
    const e = await ev.evaluate(overrides, {
      trials,
      seed,
      metrics,
      variant,
      onProgress: (d) => opts.onProgress?.(done * trials + d, plans * trials),
    });
    done += 1;
    return e;
  };
  const b = await evaluate([]);
  const baseOutcome = planOutcome(b, base, {
    name: 'base',
    label: BASE_LABEL,
    description: base.name,
    set: {},
  });
  const variants: Record<string, VariantOutcome> = {};
  const against = (e: Evaluation, about: Parameters<typeof planOutcome>[2]): VariantOutcome => {
    const bookings = e.values.bookings!;
    const profit = e.values.profit!;
    const beat = beats(bookings, b.values.bookings!);
    return {
      ...planOutcome(e, base, about),
      difference: trialDifference(bookings, b.values.bookings!),
      probability_better: beat.better,
      probability_worse: beat.worse,
      profit_difference: trialDifference(profit, b.values.profit!),
      probability_better_profit: beats(profit, b.values.profit!).better,
      target_probability_difference:
        base.targets.bookings === null
          ? null
          : targetDifference(bookings, b.values.bookings!, base.targets.bookings),
    };
  };
  for (const name of names) {
    const e = await evaluate([], name);
    const info = base.variants.find((v) => v.name === name);
    variants[name] = against(e, {
      name,
      label: info?.label ?? name,
      description: info?.description ?? '',
      set: bundle ? Object.fromEntries(variantEntries(bundle.doc, name)) : {},
    });
  }
  for (const w of opts.whatIfs ?? []) {
    const e = await evaluate(w.overrides);
    variants[w.name] = against(e, {
      name: w.name,
      label: w.name,
      description: w.description ?? 'one-off what-if',
      set: Object.fromEntries(w.overrides.flatMap((o) => ('set' in o ? [[o.set, o.value]] : []))),
    });
  }
  return {
    scenario: base.name,
    currency: base.currency,
    trials,
    seed,
    sampling: base.simulation.sampling,
    interval: INTERVAL_LEVEL,
    periods: base.calendar.labels,
    quarters: base.calendar.quarterLabels,
    targets: {
      bookings: base.targets.bookings,
      quarterly: base.targets.quarterly,
      profit: base.targets.profit,
    },
    base: baseOutcome,
    variants,
  };
}

/** Unknown or repeated variant names, and what-ifs named like a variant, are bad input. */
function checkNames(
  names: readonly string[],
  known: readonly string[],
  whatIfs: readonly WhatIf[],
  file: string,
): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (!known.includes(name))
      problems.push(whatIfMsg.noVariant(name, closest(name, known), known));
    else if (seen.has(name)) problems.push(whatIfMsg.variantTwice(name));
    seen.add(name);
  }
  for (const w of whatIfs) {
    if (seen.has(w.name) || w.name === 'base') problems.push(whatIfMsg.whatIfClash(w.name));
    seen.add(w.name);
  }
  if (problems.length > 0) {
    throw new InputError(
      problems.map((message) => ({ file, line: null, path: 'variants', message })),
    );
  }
}
