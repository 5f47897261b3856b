/** Checks of the flags every command shares; a bad value is bad input (exit 2), never a silent default. */

import { MAX_TRIALS } from '../defaults.js';
import { MAX_SEED } from '../scenario/limits.js';
import type { CommonArgs } from './context.js';
import { flagError } from './flag-error.js';

/** Most worker threads a run may ask for. */
const MAX_WORKERS = 256;

/**
 * Throws an InputError naming the flag when `--workers` is not a whole number from 1 to 256,
 * `--trials` one from 1 to 10,000,000 or `--seed` one from 0 to 2^53 − 1 (checked here, so
 * the message names the flag rather than the scenario's line).
 */
export function checkCommonArgs(args: CommonArgs): void {
  const t = args.trials;
  if (t !== undefined && !(Number.isInteger(t) && t >= 1 && t <= MAX_TRIALS)) {
    throw flagError(
      '--trials',
      `expected a whole number from 1 to ${MAX_TRIALS}, got ${String(t)}`,
    );
  }
  const s = args.seed;
  if (s !== undefined && !(Number.isInteger(s) && s >= 0 && s <= MAX_SEED)) {
    throw flagError('--seed', `expected a whole number from 0 to 2^53 − 1, got ${String(s)}`);
  }
  const w = args.workers;
  if (w !== undefined && !(Number.isInteger(w) && w >= 1 && w <= MAX_WORKERS)) {
    throw flagError(
      '--workers',
      `expected a whole number of worker threads from 1 to ${MAX_WORKERS}, got ${String(w)}`,
    );
  }
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
