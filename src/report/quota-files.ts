/**
 * The files of a quota analysis: `quota.json` (the result), `quota.csv` (per-rep quotas for
 * a compensation system) and each quota chart as `charts/NAME.vl.json`, `.svg` and `.png`.
 * `salesops quota --out` writes them alone; `salesops run` adds them to its folder.
 */
import { quotaToCsv } from '../analysis/quota/csv.js';
import type { QuotaResult } from '../analysis/quota/types.js';
import type { ForecastResult } from '../analysis/types.js';
import { buildQuotaCharts } from '../charts/quota.js';
import { DEFAULT_PNG_SCALE } from '../render/png.js';
import type { OutputFile } from './atomic-dir.js';
import { type DrawnCharts, drawCharts } from './draw-charts.js';

/**
 * The quota's files and its drawn charts.
 * @example const { files } = await quotaFiles(quota, forecast);
 */
export async function quotaFiles(
  quota: QuotaResult,
  forecast: ForecastResult,
  pngScale: number = DEFAULT_PNG_SCALE,
): Promise<DrawnCharts> {
  const drawn = await drawCharts(buildQuotaCharts(quota, forecast), pngScale);
  return {
    ...drawn,
    files: [
      { path: 'quota.json', content: `${JSON.stringify(quota, null, 2)}\n` },
      { path: 'quota.csv', content: quotaToCsv(quota) },
      ...drawn.files,
    ],
  };
}

/**
 * The files `salesops quota --out` writes.
 * @example await writeDirAtomically(dir, await buildQuotaFiles(quota, forecast));
 */
export async function buildQuotaFiles(
  quota: QuotaResult,
  forecast: ForecastResult,
): Promise<OutputFile[]> {
  return [...(await quotaFiles(quota, forecast)).files];
}
