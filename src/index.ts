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
 *                     analysis/ (the prepared evaluator; forecast and the other analyses; shards)
 *                         │
 *                         ▼
 *                     charts/  (Vega-Lite spec builders) ──► report/ (self-contained HTML)
 *
 *   cli/ sits on top and only wires.
 */

export {
  beats,
  type CompareOptions,
  type CompareResult,
  compare,
  type Difference,
  type PlanOutcome,
  pairedDifference,
  type VariantOutcome,
  type WhatIf,
} from './analysis/compare/index.js';
export { forecastToCsv } from './analysis/csv.js';
export {
  type EvaluateOptions,
  type Evaluation,
  Evaluator,
  type MeanSummary,
  meanSummary,
  type PrepareOptions,
  prepare,
} from './analysis/evaluator.js';
export {
  type ForecastOptions,
  forecast,
  forecastWith,
  runForecast,
  summariseRun,
} from './analysis/forecast.js';
export { forecastJson, stringifyForecast } from './analysis/forecast-json.js';
export { type MetricReader, metricReader } from './analysis/metric-reader.js';
export {
  ESTIMATOR,
  type SensitivityInput,
  type SensitivityMetric,
  type SensitivityOptions,
  type SensitivityResult,
  type Share,
  type SpiderLine,
  sensitivity,
  type Vary,
} from './analysis/sensitivity/index.js';
export {
  mergeShards,
  readShards,
  type ShardSet,
  shardRange,
  writeShard,
} from './analysis/shard.js';
export { type SimulateOptions, simulate } from './analysis/simulate.js';
export type * from './analysis/types.js';
export { summaryOf } from './analysis/value-summary.js';
export { type WhatIfAnalyses, whatIfAnalyses } from './analysis/what-ifs.js';
export { buildCompareCharts, COMPARE_CHARTS } from './charts/compare/index.js';
export {
  buildForecastCharts,
  type ChartSpec,
  FORECAST_CHARTS,
  formatCompact,
  formatMoney,
  formatPercent,
  houseConfig,
  validateSpec,
} from './charts/index.js';
export { buildSensitivityCharts, SENSITIVITY_CHARTS } from './charts/sensitivity/index.js';
export type * from './model/dist.js';
export type * from './model/types.js';
export { renderPng, renderSvg, svgToPng } from './render/index.js';
export {
  buildReport,
  FORECAST_SECTIONS,
  type ReportInput,
  type ReportSection,
} from './report/index.js';
export {
  compileAll,
  compileScenario,
  compileScenarioFile,
  loadBundle,
  loadModel,
  type ScenarioBundle,
  scenarioJsonSchema,
} from './scenario/index.js';
export { applyOverrides, type Override, type OverrideTarget } from './scenario/overrides.js';
export { recordedPlan } from './scenario/recorded.js';
export { SimulationError } from './sim/errors.js';
// The per-trial row: what `forecast`'s `tee` and `simulate` hand over is read with it.
export { buildLayout, type Layout, type SeriesDef } from './sim/layout.js';
export * from './util/logger.js';
export * from './util/result.js';
export { VERSION } from './version.js';
