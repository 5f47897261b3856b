/**
 * salesops — the public library entry.
 *
 *   scenario file ──► scenario/ (load YAML/JSON, zod-validate, cross-check, normalise)
 *                         │
 *                         ▼
 *                     model/   (compiled, typed plan: indices, per-period arrays, params)
 *                         │
 *                         ▼
 *                     sim/     (samplers, per-trial kernel, worker driver)
 *                         │
 *                         ▼
 *                     analysis/ (summaries: forecast; shards and merge)
 *                         │
 *                         ▼
 *                     charts/  (Vega-Lite spec builders) ──► report/ (self-contained HTML)
 *
 *   cli/ sits on top and only wires.
 */
export type * from './model/types.js';
export type * from './model/dist.js';
export type * from './analysis/types.js';
export * from './util/result.js';
export * from './util/logger.js';
export { VERSION } from './version.js';
export { compileScenario, compileScenarioFile, loadModel, scenarioJsonSchema } from './scenario/index.js';
export { forecast, summariseRun, type ForecastOptions } from './analysis/forecast.js';
export { forecastJson, stringifyForecast } from './analysis/forecast-json.js';
export { forecastToCsv } from './analysis/csv.js';
export { mergeShards, shardRange, writeShard } from './analysis/shard.js';
export { simulate, type SimulateOptions } from './sim/driver.js';
export { SimulationError } from './sim/kernel.js';
