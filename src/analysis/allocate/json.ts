/**
 * The JSON document `salesops allocate --json` prints: the AllocationResult, whose stable
 * core (objective, budget, current, recommended, value, uplift, probability_better,
 * marginal) is the one docs/allocate.md lists, preceded by the producing version. No
 * timestamps or timings: the same scenario and seed give byte-identical JSON.
 */
import { VERSION } from '../../version.js';
import type { AllocationResult } from './types.js';

/**
 * Serialises an allocation as JSON text, refusing non-finite numbers (they would become null silently).
 * @example JSON.parse(stringifyAllocation(result)).recommended
 */
export function stringifyAllocation(result: AllocationResult, indent = 2): string {
  return JSON.stringify(
    { salesops: VERSION, ...result },
    (key, value: unknown) => {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new Error(`internal error: ${key} is ${value} in the allocation output`);
      }
      return value;
    },
    indent,
  );
}
