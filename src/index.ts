/**
 * salesops — the public library entry.
 *
 *   scenario file ──► scenario/ (load YAML/JSON, zod-validate, cross-check, normalise)
 *                         │
 *                         ▼
 *                     model/   (compiled, typed plan: indices, per-period arrays, params)
 *                         │
 *                         ▼
 *                     sim/     (samplers, per-trial kernel, worker driver, accumulator)
 *                         │
 *                         ▼
 *                     analysis/ (forecast summaries; later allocate, quota, sensitivity, …)
 *                         │
 *                         ▼
 *                     charts/  (Vega-Lite spec builders) ──► report/ (self-contained HTML)
 *
 *   cli/ sits on top and only wires.
 */

export type * from './analysis/types.js';
export type * from './model/dist.js';
export type * from './model/types.js';
export * from './util/logger.js';
export * from './util/result.js';
export { VERSION } from './version.js';
