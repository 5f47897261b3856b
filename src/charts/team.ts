/**
 * Team capacity: utilisation (items taken on / items the role could take on) and the
 * queue left waiting at the end of each month, per role, as two stacked panels. A role at
 * 100% with a growing queue is the bottleneck.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ForecastResult } from '../analysis/types.js';
import type { Model } from '../model/types.js';
import { type ChartSpec, subtitle, withTheme } from './common.js';
import { rolePanel } from './role-series.js';

/**
 * Two panels over months for roles that work a funnel stage: utilisation (median,
 * P10–P90) and queue (median, P10–P90). Returns null when no role works a stage.
 * @example buildTeamChart(result, model)?.name // 'team'
 */
export function buildTeamChart(result: ForecastResult, model: Model): ChartSpec | null {
  const working = model.roles.filter((r) => r.stage >= 0 && result.roles[r.id] !== undefined);
  // A model whose roles work no stage still has headcount; there is nothing to utilise.
  if (working.length === 0) return null;
  const ids = working.map((r) => r.id);
  const title = 'Team capacity utilisation and queue';
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: subtitle(
        result,
        'line: median across trials, band: P10–P90; utilisation = items taken on / capacity',
      ),
    },
    vconcat: [
      rolePanel(
        result,
        ids.map((role) => ({ role, series: result.roles[role]!.utilisation })),
        {
          yTitle: 'Utilisation',
          format: '.0%',
          tooltipFormat: '.1%',
          line: 'p50',
          domain: [0, 1],
          height: 190,
        },
      ),
      rolePanel(
        result,
        ids.map((role) => ({ role, series: result.roles[role]!.queue })),
        {
          yTitle: 'Items waiting at month end',
          format: ',~s',
          tooltipFormat: ',.0f',
          line: 'p50',
          height: 190,
        },
      ),
    ],
    resolve: { scale: { color: 'shared' } },
  };
  return { name: 'team', title, spec: withTheme(result, spec) };
}
