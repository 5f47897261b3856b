/**
 * 1/k for k < RECIPROCALS.length, for the sequential-search samplers (binomial and Poisson
 * inversion, BTRD's recurrence): their recurrences multiply by 1/k instead of dividing by k,
 * which takes a division off each step's critical path. RECIPROCALS[0] is 0 (never used).
 */
export const RECIPROCALS = Float64Array.from({ length: 1024 }, (_, k) => (k === 0 ? 0 : 1 / k));
