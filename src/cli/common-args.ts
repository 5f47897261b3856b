/** Checks of the flags every command shares; a bad value is bad input (exit 2), never a silent default. */

import { checkRunOption } from '../analysis/run-options.js';
import type { CommonArgs } from './context.js';

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
