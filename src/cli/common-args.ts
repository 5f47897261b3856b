/** Checks of the flags every command shares; a bad value is bad input (exit 2), never a silent default. */

import { checkRunOption } from '../analysis/run-options.js';
import type { CommonArgs } from './context.js';
import { flagError } from './flag-error.js';

/**
 * Throws an InputError naming the flag when `--trials` is not a whole number from 1 to
 * 10,000,000, `--seed` one from 0 to 2^53 − 1 or `--workers` one from 1 to 256 (checked
 * here, so the message names the flag rather than the scenario's line; the wording is the
 * library's, src/analysis/run-options.ts).
 */
export function checkCommonArgs(args: CommonArgs): void {
  checkRunOption('--trials', 'trials', args.trials);
  checkRunOption('--seed', 'seed', args.seed);
  checkRunOption('--workers', 'workers', args.workers);
}

/** Flags that name a file or folder to write, in whichever command has them. */
export const OUTPUT_FLAGS = ['out', 'csv', 'trials-out'] as const;

/**
 * Throws when an output flag is `-`: standard output carries the command's table or JSON, so
 * `-` would only make a file called `-`; refused (exit 2) for every output flag alike.
 * @example checkOutputFlags({ csv: '-' }) // throws `--csv: ✖ - would only make a file called -: …`
 */
export function checkOutputFlags(args: Readonly<Record<string, unknown>>): void {
  for (const flag of OUTPUT_FLAGS) {
    if (args[flag] === '-') {
      throw flagError(
        `--${flag}`,
        "- would only make a file called -: standard output carries the command's own output (its table, or JSON with --json); give a file or folder name (./- for one called -)",
      );
    }
  }
}
