/** compare: base, variants and one-off what-ifs on the same trials (see compare.ts). */
export { type CompareOptions, compare, type WhatIf } from './compare.js';
export { outcomeMetrics, planOutcome } from './outcome.js';
export {
  beats,
  type Difference,
  type DifferenceSpread,
  pairedDifference,
  type TrialDifference,
  targetDifference,
  trialDifference,
} from './paired.js';
export type { CompareResult, PlanOutcome, VariantOutcome } from './types.js';
