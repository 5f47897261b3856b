/**
 * The run options every analysis shares — trials, seed, worker threads — and the backtest's
 * period counts, checked with one wording whether they come from a flag (`--seed: ✖ …`) or a
 * library option (`compare: options.seed: ✖ …`). Each check lives here once; the CLI's
 * flags and the library's entry points (the evaluator, and the analyses that use a value
 * before it reaches the evaluator) call it. The check of option names (an option a function
 * does not take is refused, not ignored) is re-exported here from util/option-names.ts, where
 * the loaders, below the analyses, can use it too.
 */
import { MAX_PERIODS, MAX_TRIALS, MAX_WORKERS } from '../defaults.js';
import { MAX_SEED } from '../scenario/limits.js';
import { describeValue } from '../util/describe-value.js';
import { InputError } from '../util/result.js';

/** A number as the user typed it; anything else said with its type (`string "abc"`). */
const shown = (v: unknown): string => (typeof v === 'number' ? String(v) : describeValue(v));

const whole = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** What is wrong with each kind of run option, or null when it is fine. */
export const runOptionProblem = {
  trials: (v: unknown): string | null =>
    whole(v, 1, MAX_TRIALS)
      ? null
      : `expected a whole number from 1 to ${MAX_TRIALS}, got ${shown(v)}`,
  seed: (v: unknown): string | null =>
    whole(v, 0, MAX_SEED) ? null : `expected a whole number from 0 to 2^53 − 1, got ${shown(v)}`,
  workers: (v: unknown): string | null =>
    whole(v, 1, MAX_WORKERS)
      ? null
      : `expected a whole number of worker threads from 1 to ${MAX_WORKERS}, got ${shown(v)}`,
  /** A count of calendar periods from `min` (a backtest's horizon and step). */
  periods: (v: unknown, min = 1): string | null =>
    whole(v, min, MAX_PERIODS)
      ? null
      : `expected a whole number from ${min} to ${MAX_PERIODS}, got ${shown(v)}`,
} as const;

export type RunOptionKind = keyof typeof runOptionProblem;

/**
 * The error for a bad option or flag, named as the caller shows it (`--seed`,
 * `compare: options.seed`).
 * @example throw optionError('--workers', 'expected a whole number …');
 */
export function optionError(where: string, message: string): InputError {
  return new InputError([{ file: where, line: null, path: '', message }]);
}

/**
 * Throws an InputError named `where` when `value` is given and is no valid `kind`.
 * @example checkRunOption('sensitivity: options.tornadoTrials', 'trials', opts.tornadoTrials)
 */
export function checkRunOption(where: string, kind: RunOptionKind, value: unknown): void {
  if (value === undefined) return;
  const problem = runOptionProblem[kind](value);
  if (problem !== null) throw optionError(where, problem);
}

/**
 * Checks `trials`, `seed` and `workers` of `fn`'s options (those given): whole numbers from 1
 * to 10,000,000, from 0 to 2^53 − 1, and from 1 to 256.
 * @throws InputError naming `fn: options.<name>`, with the CLI's wording.
 * @example checkRunOptions('compare', { seed: 1.5 }) // compare: options.seed: ✖ expected a whole number from 0 to 2^53 − 1, got 1.5
 */
export function checkRunOptions(
  fn: string,
  o: { readonly trials?: unknown; readonly seed?: unknown; readonly workers?: unknown },
): void {
  for (const kind of ['trials', 'seed', 'workers'] as const)
    checkRunOption(`${fn}: options.${kind}`, kind, o[kind]);
}

export { checkOptionNames, type OptionNames } from '../util/option-names.js';
