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
 *                     analysis/ (the prepared evaluator; forecast, quota, goal and the other analyses; shards)
 *                         │      history/ (CRM CSVs → calibrate, backtest; synthetic history)
 *                         │
 *                         ▼
 *                     charts/  (Vega-Lite spec builders) ──► report/ (self-contained HTML)
 *
 *   cli/ sits on top and only wires.
 */

export {
  type AllocateOptions,
  allocate,
} from './analysis/allocate/allocate.js';
export { allocationToCsv } from './analysis/allocate/csv.js';
export { stringifyAllocation } from './analysis/allocate/json.js';
export type { AllocationResult } from './analysis/allocate/types.js';
export {
  beats,
  type CompareOptions,
  type CompareResult,
  compare,
  type Difference,
  type DifferenceSpread,
  type PlanOutcome,
  pairedDifference,
  type TrialDifference,
  trialDifference,
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
export { type Lever, type LeverBounds, lever } from './analysis/goal/lever.js';
export {
  type GoalOptions,
  type GoalPoint,
  type GoalResult,
  goalSeek,
} from './analysis/goal/seek.js';
export { type MetricReader, metricReader } from './analysis/metric-reader.js';
export { quotaToCsv } from './analysis/quota/csv.js';
export {
  type QuotaOptions,
  type QuotaOverrides,
  type QuotaRep,
  type QuotaResult,
  quota,
  quotaWithForecast,
} from './analysis/quota/index.js';
export type { TrialRows } from './analysis/quota/rows.js';
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
export { ALLOCATION_CHARTS, buildAllocationCharts } from './charts/allocation.js';
export { buildBacktestChart } from './charts/backtest.js';
export { buildCalibrationCharts } from './charts/calibration.js';
export { uniqueLabels } from './charts/common.js';
export { buildCompareCharts, COMPARE_CHARTS } from './charts/compare/index.js';
export { buildGoalChart } from './charts/goal.js';
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
export { buildQuotaCharts } from './charts/quota.js';
export { buildReforecastChart } from './charts/reforecast.js';
export { buildSensitivityCharts, SENSITIVITY_CHARTS } from './charts/sensitivity/index.js';
export {
  type BacktestOptions,
  type BacktestPoint,
  type BacktestResult,
  type BacktestSummary,
  backtest,
} from './history/backtest.js';
export { backtestCsv, backtestJson } from './history/backtest-json.js';
export {
  type CalibrateOptions,
  type Calibration,
  calibrate,
  type MarketCalibration,
  type PipelineItem,
  type StageCalibration,
} from './history/calibrate.js';
export { calibrationJson } from './history/calibration-json.js';
export { fragmentYaml, mergeYaml } from './history/fragment.js';
export { type HistoryInputs, type LoadedHistory, loadHistory } from './history/load-history.js';
export { type DateOrder, parseDate, parseMonth, parseNumber } from './history/parse-values.js';
export { type ReadActualsOptions, readActuals } from './history/read-actuals.js';
export { type DealStats, type ReadDealsOptions, readDeals } from './history/read-deals.js';
export type { MarketLevel } from './history/reforecast/lead-level.js';
export { readActualsFor } from './history/reforecast/read.js';
export {
  type OpenStage,
  type ReforecastOptions,
  type ReforecastResult,
  reforecast,
} from './history/reforecast/reforecast.js';
export { reforecastJson, stringifyReforecast } from './history/reforecast/reforecast-json.js';
export type { RateUpdate } from './history/reforecast/update-rates.js';
export { crpsSorted, type PointScore, scoreSamples } from './history/scores.js';
export {
  type SynthesizeOptions,
  type SyntheticHistory,
  synthesize,
} from './history/synthesize.js';
export type * from './history/types.js';
export { actualsCsv, dealsCsv } from './history/write-csv.js';
export type * from './model/dist.js';
export { paramLabel, splitParamPath } from './model/param-label.js';
export type * from './model/types.js';
export { ExternalDataError, renderPng, renderSvg, svgToPng } from './render/index.js';
export {
  buildReport,
  executiveSummary,
  FORECAST_SECTIONS,
  type ReportInput,
  type ReportSection,
  type SummaryExtras,
  type SummarySentence,
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
export { defaultLabel, displayLabel } from './scenario/labels.js';
export { applyOverrides, type Override, type OverrideTarget } from './scenario/overrides.js';
export { recordedPlan } from './scenario/recorded.js';
export { SimulationError } from './sim/errors.js';
// The per-trial row: what `forecast`'s `tee` and `simulate` hand over is read with it.
export { buildLayout, type Layout, type SeriesDef } from './sim/layout.js';
// Beta quantiles give the 90% interval of a `{successes, trials}` rate: Beta(s + 1, n − s + 1).
export { betaQuantile } from './stats/beta.js';
export * from './util/logger.js';
export * from './util/result.js';
export { VERSION } from './version.js';
