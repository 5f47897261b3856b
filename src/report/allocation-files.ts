/**
 * The allocation's part of a run's output: its charts as `.vl.json`, `.svg` and `.png`,
 * `allocation.json` and `allocation.csv`, and what the report's Allocation section needs.
 */
import { allocationToCsv } from '../analysis/allocate/csv.js';
import { stringifyAllocation } from '../analysis/allocate/json.js';
import type { AllocationResult } from '../analysis/allocate/types.js';
import { buildAllocationCharts } from '../charts/allocation.js';
import type { ChartSpec } from '../charts/common.js';
import { DEFAULT_PNG_SCALE } from '../render/png.js';
import type { OutputFile } from './atomic-dir.js';
import { drawCharts } from './draw-charts.js';

/** The allocation's files and the report input of its section. */
export interface AllocationFiles {
  readonly files: OutputFile[];
  readonly charts: ChartSpec[];
  readonly svgs: Record<string, string>;
}

/**
 * Renders the allocation charts (channels by `labels`, id → display label) and serialises
 * the allocation.
 * @example const { files } = await allocationFiles(result);
 */
export async function allocationFiles(
  result: AllocationResult,
  pngScale: number = DEFAULT_PNG_SCALE,
  labels: ReadonlyMap<string, string> = new Map(),
): Promise<AllocationFiles> {
  const charts = buildAllocationCharts(result, labels);
  const drawn = await drawCharts(charts, pngScale);
  const files: OutputFile[] = [
    { path: 'allocation.json', content: `${stringifyAllocation(result)}\n` },
    { path: 'allocation.csv', content: allocationToCsv(result) },
    ...drawn.files,
  ];
  return { files, charts, svgs: drawn.svgs };
}
