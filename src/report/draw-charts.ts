/**
 * Charts drawn for a run's folder: each chart's SVG, its PNG and its Vega-Lite spec under
 * `charts/`. Every analysis's files (forecast, quota, allocation, what-ifs, reforecast) draw
 * their charts here.
 */
import type { ChartSpec } from '../charts/common.js';
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
