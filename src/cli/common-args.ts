/** Checks of the flags every command shares; a bad value is bad input (exit 2), never a silent default. */

import type { CommonArgs } from './context.js';
import { flagError } from './flag-error.js';

/** Most worker threads a run may ask for. */
const MAX_WORKERS = 256;

/** Throws an InputError naming the flag when `--workers` is not a whole number from 1 to 256. */
export function checkCommonArgs(args: CommonArgs): void {
  const w = args.workers;
  if (w !== undefined && !(Number.isInteger(w) && w >= 1 && w <= MAX_WORKERS)) {
    throw flagError(
      '--workers',
      `expected a whole number of worker threads from 1 to ${MAX_WORKERS}, got ${String(w)}`,
    );
  }
}
