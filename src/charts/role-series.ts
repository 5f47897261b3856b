/**
 * A per-role time series panel: for each role, a P10–P90 band and a line (median or
 * mean) in the role's colour. Used by the team utilisation, queue and headcount charts.
 */

import type { LayerSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { ForecastResult, SeriesSummary } from '../analysis/types.js';
import { monthX, periodDate } from './common.js';

/** One role's series, in the order the colour domain lists the roles. */
export interface RoleSeries {
  readonly role: string;
  readonly series: SeriesSummary;
}

/** Options of a role panel: y title and formats, the line statistic, and the y domain. */
export interface RolePanelOptions {
  readonly yTitle: string;
  readonly format: string;
  readonly tooltipFormat: string;
  readonly line: 'p50' | 'mean';
  readonly domain?: [number, number];
  readonly height?: number;
}

/**
 * A layered panel (band P10–P90 + line) over months with colour = role; the colour
 * domain is the list of role ids (data, not an expression).
 * @example rolePanel(result, [{ role: 'ae', series }], { yTitle: 'Reps', … })
 */
export function rolePanel(
  result: ForecastResult,
  roles: readonly RoleSeries[],
  opts: RolePanelOptions,
): LayerSpec<string> {
  const rows = roles.flatMap(({ role, series }, order) =>
    series.periods.map((s, t) => {
      const period = result.periods[t] ?? String(t);
      return {
        role,
        order,
        period,
        date: periodDate(period),
        p10: s.p10,
        p50: s.p50,
        p90: s.p90,
        mean: s.mean,
      };
    }),
  );
  const domain = roles.map((r) => r.role);
  const color = {
    field: 'role',
    type: 'nominal',
    title: 'Role',
    scale: { domain },
    legend: { symbolOpacity: 1 },
  } as const;
  return {
    data: { values: rows },
    ...(opts.height === undefined ? {} : { height: opts.height }),
    encoding: { x: monthX(), color },
    layer: [
      {
        mark: { type: 'area', opacity: 0.18 },
        encoding: {
          y: {
            field: 'p10',
            type: 'quantitative',
            title: opts.yTitle,
            axis: { format: opts.format },
            ...(opts.domain === undefined ? {} : { scale: { domain: opts.domain } }),
          },
          y2: { field: 'p90' },
        },
      },
      {
        mark: { type: 'line', point: { size: 30 } },
        encoding: {
          y: { field: opts.line, type: 'quantitative' },
          tooltip: [
            { field: 'role', type: 'nominal', title: 'Role' },
            { field: 'period', type: 'nominal', title: 'Month' },
            { field: 'p10', type: 'quantitative', title: 'P10', format: opts.tooltipFormat },
            {
              field: opts.line,
              type: 'quantitative',
              title: opts.line === 'mean' ? 'Mean' : 'Median',
              format: opts.tooltipFormat,
            },
            { field: 'p90', type: 'quantitative', title: 'P90', format: opts.tooltipFormat },
          ],
        },
      },
    ],
  };
}
