/**
 * The JSON document `salesops allocate --json` prints: the AllocationResult, whose stable
 * core (objective, budget, current, recommended, value, uplift, probability_better,
 * marginal) is the one docs/allocate.md lists, preceded by the producing version. No
 * timestamps or timings: the same scenario and seed give byte-identical JSON.
 */

import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import { VERSION } from '../../version.js';
import type { AllocationResult } from './types.js';

/**
 * Errors and interval ends the trials were too few to estimate (one trial): the engine holds
 * them as ±Infinity, the JSON as null, "not available".
 */
const ERROR_KEYS = new Set(['se', 'lo', 'hi', 'tolerance']);

/**
 * Serialises an allocation as JSON text: an error or interval end that one trial cannot
 * estimate becomes null; any other non-finite number is refused (it would become null silently).
 * @example JSON.parse(stringifyAllocation(result)).recommended
 */
export function stringifyAllocation(result: AllocationResult, indent = 2): string {
  checkArgument('stringifyAllocation', 'result', result, ARG.allocation);
  return JSON.stringify(
    { salesops: VERSION, ...result },
    (key, value: unknown) => {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        if (ERROR_KEYS.has(key) && !Number.isNaN(value)) return null;
        throw new Error(`internal error: ${key} is ${value} in the allocation output`);
      }
      return value;
    },
    indent,
  );
}
