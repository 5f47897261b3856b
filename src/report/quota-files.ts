/**
 * The files of a quota analysis: `quota.json` (the result), `quota.csv` (per-rep quotas for
 * a compensation system) and each quota chart as `charts/NAME.vl.json`, `.svg` and `.png`.
 * `salesops quota --out` writes them alone; `salesops run` adds them to its folder.
 */
import { quotaToCsv } from '../analysis/quota/csv.js';
import type { QuotaResult } from '../analysis/quota/types.js';
import type { ForecastResult } from '../analysis/types.js';
import type { ChartSpec } from '../charts/common.js';
import { buildQuotaCharts } from '../charts/quota.js';
import { DEFAULT_PNG_SCALE, svgToPngAsync } from '../render/png.js';
import { renderSvg } from '../render/svg.js';
import type { OutputFile } from './atomic-dir.js';

/** Charts drawn to SVG and PNG: the specs, and the SVGs by name. */
export interface DrawnCharts {
  readonly charts: readonly ChartSpec[];
  readonly svgs: Readonly<Record<string, string>>;
  readonly files: readonly OutputFile[];
}

/**
 * Draws charts to SVG and PNG (the PNGs rasterise on the thread pool while the next SVG is
 * drawn) and lists their files under `charts/`.
 * @example const { files } = await drawCharts(buildQuotaCharts(q, f));
 */
export async function drawCharts(
  charts: readonly ChartSpec[],
  pngScale: number = DEFAULT_PNG_SCALE,
): Promise<DrawnCharts> {
  const svgs: Record<string, string> = {};
  const pngs: Promise<Buffer>[] = [];
  for (const c of charts) {
    const svg = await renderSvg(c.spec);
    svgs[c.name] = svg;
    pngs.push(svgToPngAsync(svg, { scale: pngScale }));
  }
  const rasters = await Promise.all(pngs);
  const files = charts.flatMap((c, i): OutputFile[] => [
    { path: `charts/${c.name}.vl.json`, content: `${JSON.stringify(c.spec, null, 2)}\n` },
    { path: `charts/${c.name}.svg`, content: svgs[c.name]! },
    { path: `charts/${c.name}.png`, content: rasters[i]! },
  ]);
  return { charts, svgs, files };
}

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
