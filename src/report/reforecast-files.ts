/**
 * What `salesops reforecast --out DIR` writes: `reforecast.json`, `forecast.csv` (the
 * stitched forecast, months of actuals included) and the chart of actuals and forecast as
 * `.vl.json`, `.svg` and `.png`.
 */
import { forecastToCsv } from '../analysis/csv.js';
import type { ForecastResult } from '../analysis/types.js';
import { buildReforecastChart } from '../charts/reforecast.js';
import type { ReforecastResult } from '../history/reforecast/reforecast.js';
import { stringifyReforecast } from '../history/reforecast/reforecast-json.js';
import type { Model } from '../model/types.js';
import { DEFAULT_PNG_SCALE } from '../render/png.js';
import type { OutputFile } from './atomic-dir.js';
import { drawCharts } from './draw-charts.js';

/**
 * The files of a reforecast (with the plan's forecast, when given, on its chart and in its JSON).
 * @example await writeDirAtomically(dir, await reforecastFiles(r, model, plan));
 */
export async function reforecastFiles(
  r: ReforecastResult,
  model: Model,
  plan?: ForecastResult,
  pngScale: number = DEFAULT_PNG_SCALE,
): Promise<OutputFile[]> {
  const chart = buildReforecastChart(r.forecast, r.actuals.periods, model, plan);
  const { files } = await drawCharts([chart], pngScale);
  return [
    { path: 'reforecast.json', content: `${stringifyReforecast(r, plan)}\n` },
    { path: 'forecast.csv', content: forecastToCsv(r.forecast) },
    ...files,
  ];
}
