/**
 * Everything `salesops run` writes for a forecast, as a list of files: the report, the
 * JSON core, the CSV, and each chart as `.vl.json`, `.svg` and `.png`.
 */
import type { AllocationResult } from '../analysis/allocate/types.js';
import type { CompareResult } from '../analysis/compare/types.js';
import { forecastToCsv } from '../analysis/csv.js';
import { stringifyForecast } from '../analysis/forecast-json.js';
import type { QuotaResult } from '../analysis/quota/types.js';
import type { SensitivityResult } from '../analysis/sensitivity/types.js';
import type { ForecastResult } from '../analysis/types.js';
import { uniqueLabels } from '../charts/common.js';
import { buildCompareCharts } from '../charts/compare/index.js';
import { buildForecastCharts } from '../charts/index.js';
import { buildReforecastChart } from '../charts/reforecast.js';
import { buildSensitivityCharts } from '../charts/sensitivity/index.js';
import type { ReforecastResult } from '../history/reforecast/reforecast.js';
import { stringifyReforecast } from '../history/reforecast/reforecast-json.js';
import type { Model } from '../model/types.js';
import { DEFAULT_PNG_SCALE } from '../render/png.js';
import { allocationFiles } from './allocation-files.js';
import type { OutputFile } from './atomic-dir.js';
import { drawCharts } from './draw-charts.js';
import type { SummaryExtras } from './executive-summary.js';
import { buildReport } from './index.js';
import { quotaFiles } from './quota-files.js';

/**
 * Options: the scenario file name shown in the report, the PNG scale (default 2), and the
 * what-if analyses whose sections, charts and JSON the run includes when given.
 */
export interface RunFilesOptions {
  readonly source?: string;
  readonly pngScale?: number;
  readonly compare?: CompareResult | null;
  readonly sensitivity?: SensitivityResult | null;
  /** The quota analysis of the same run: adds quota.json, quota.csv, its charts and the Quota section. */
  readonly quota?: QuotaResult;
  /** The allocation, when the scenario has an allocation block: its section, charts and files. */
  readonly allocation?: AllocationResult;
  /**
   * The reforecast, when the run was given actuals: `result` is then its forecast; the fan
   * chart shows the actuals as points against the plan's median, `reforecast.json` is added,
   * and the quota is the plan's (`plan`).
   */
  readonly reforecast?: { readonly result: ReforecastResult; readonly plan: ForecastResult };
}

/** What the other analyses of the run add to the executive summary (docs/report.md). */
export function summaryExtras(opts: RunFilesOptions): SummaryExtras {
  return {
    ...(opts.allocation === undefined ? {} : { allocation: opts.allocation }),
    ...(opts.compare ? { compare: opts.compare } : {}),
    ...(opts.sensitivity ? { sensitivity: opts.sensitivity } : {}),
  };
}

/**
 * Builds the output files of a forecast run, in a stable order.
 * @example const files = await buildRunFiles(result, model, { source: 'b2b-saas.yaml' });
 */
export async function buildRunFiles(
  result: ForecastResult,
  model: Model,
  opts: RunFilesOptions = {},
): Promise<OutputFile[]> {
  const rf = opts.reforecast;
  const charts = buildForecastCharts(result, model).map((c) =>
    rf !== undefined && c.name === 'fan'
      ? buildReforecastChart(result, rf.result.actuals.periods, model, rf.plan)
      : c,
  );
  // The what-if sections draw their own charts; their files sit beside the forecast's.
  const extra = [
    ...(opts.compare ? buildCompareCharts(opts.compare) : []),
    ...(opts.sensitivity ? buildSensitivityCharts(opts.sensitivity) : []),
  ];
  const { svgs, files } = await drawCharts(
    [...charts, ...extra],
    opts.pngScale ?? DEFAULT_PNG_SCALE,
  );
  const quota = opts.quota ? await quotaFiles(opts.quota, rf?.plan ?? result, opts.pngScale) : null;
  const allocation =
    opts.allocation === undefined
      ? null
      : await allocationFiles(
          opts.allocation,
          opts.pngScale ?? DEFAULT_PNG_SCALE,
          uniqueLabels(model.channels),
        );
  const html = buildReport({
    result,
    model,
    charts,
    svgs: { ...svgs, ...quota?.svgs },
    ...(opts.source === undefined ? {} : { source: opts.source }),
    extras: summaryExtras(opts),
    ...(quota && opts.quota ? { quota: { result: opts.quota, charts: quota.charts } } : {}),
    ...(allocation === null || opts.allocation === undefined
      ? {}
      : {
          allocation: {
            result: opts.allocation,
            charts: allocation.charts,
            svgs: allocation.svgs,
          },
        }),
    compare: opts.compare ?? null,
    sensitivity: opts.sensitivity ?? null,
    ...(rf === undefined ? {} : { reforecast: rf }),
  });
  return [
    { path: 'report.html', content: html },
    { path: 'forecast.json', content: `${stringifyForecast(result)}\n` },
    { path: 'forecast.csv', content: forecastToCsv(result) },
    ...(rf === undefined
      ? []
      : [{ path: 'reforecast.json', content: `${stringifyReforecast(rf.result, rf.plan)}\n` }]),
    ...(opts.compare
      ? [{ path: 'compare.json', content: `${JSON.stringify(opts.compare, null, 2)}\n` }]
      : []),
    ...(opts.sensitivity
      ? [{ path: 'sensitivity.json', content: `${JSON.stringify(opts.sensitivity, null, 2)}\n` }]
      : []),
    ...files,
    ...(quota?.files ?? []),
    ...(allocation?.files ?? []),
  ];
}
