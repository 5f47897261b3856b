/**
 * Headcount by role over time: mean reps at the end of each month (after leavers and
 * joiners) with the P10–P90 band across trials, which widens with attrition.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ForecastResult } from '../analysis/types.js';
import type { Model } from '../model/types.js';
import { type ChartSpec, subtitle, withTheme } from './common.js';
import { rolePanel } from './role-series.js';

/**
 * Mean headcount line and P10–P90 band per role (`roles[id].headcount`). Returns null
 * without roles.
 * @example buildHeadcountChart(result, model)?.name // 'headcount'
 */
export function buildHeadcountChart(result: ForecastResult, model: Model): ChartSpec | null {
  const ids = model.roles.map((r) => r.id).filter((id) => result.roles[id] !== undefined);
  if (ids.length === 0) return null;
  const title = 'Headcount by role';
  const panel = rolePanel(
    result,
    ids.map((role) => ({ role, series: result.roles[role]!.headcount })),
    { yTitle: 'Reps at month end', format: ',~r', tooltipFormat: ',.1f', line: 'mean' },
  );
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: subtitle(
        result,
        'line: mean reps, band: P10–P90 across trials (attrition, hires, backfill)',
      ),
    },
    ...panel,
  };
  return { name: 'headcount', title, spec: withTheme(result, spec) };
}
