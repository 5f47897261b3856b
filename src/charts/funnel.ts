/**
 * The funnel: mean arrivals per stage over the horizon as bars, with the P10–P90
 * interval across trials as a whisker, and the mean step conversion (arrivals at this
 * stage / arrivals at the previous one) written beside each bar.
 */
import type { ForecastResult } from '../analysis/types.js';
import type { Model } from '../model/types.js';
import { type ChartBody, type ChartSpec, finishChart, uniqueLabels } from './common.js';
import { formatCompact, formatPercent } from './format.js';
import { COLORS } from './theme.js';

/**
 * Horizontal funnel of `stages[id].total` in the model's stage order. Returns null when
 * the forecast has no stages.
 * @example buildFunnelChart(result, model)?.name // 'funnel'
 */
export function buildFunnelChart(result: ForecastResult, model: Model): ChartSpec | null {
  const stages = model.stages.filter((s) => result.stages[s.id] !== undefined);
  if (stages.length === 0) return null;
  const labels = uniqueLabels(stages);
  let previous: number | null = null;
  const rows = stages.map(({ id }, order) => {
    const stage = labels.get(id)!;
    const s = result.stages[id]!.total;
    const step = previous !== null && previous > 0 ? s.mean / previous : null;
    previous = s.mean;
    return {
      stage,
      order,
      mean: s.mean,
      p10: s.p10,
      p90: s.p90,
      label: `${formatCompact(s.mean)}${step === null ? '' : ` (${formatPercent(step, step < 0.1 ? 1 : 0)} of previous)`}`,
    };
  });

  const y = {
    field: 'stage',
    type: 'nominal',
    title: 'Stage',
    sort: { field: 'order', op: 'min', order: 'ascending' },
  } as const;
  const body: ChartBody = {
    data: { values: rows },
    height: { step: 44 },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', color: COLORS.forecast, opacity: 0.8 },
        encoding: {
          x: {
            field: 'mean',
            type: 'quantitative',
            title: 'Items over the horizon (mean)',
            axis: { format: ',.0f', tickCount: 6 },
          },
          tooltip: [
            { field: 'stage', type: 'nominal', title: 'Stage' },
            { field: 'mean', type: 'quantitative', title: 'Mean', format: ',.0f' },
            { field: 'p10', type: 'quantitative', title: 'P10', format: ',.0f' },
            { field: 'p90', type: 'quantitative', title: 'P90', format: ',.0f' },
          ],
        },
      },
      {
        mark: { type: 'rule', color: COLORS.text, strokeWidth: 1.5 },
        encoding: { x: { field: 'p10', type: 'quantitative' }, x2: { field: 'p90' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, color: COLORS.text },
        encoding: { x: { field: 'p90', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
  return finishChart(result, model, {
    name: 'funnel',
    title: 'Sales funnel',
    meaning: 'bars: mean arrivals per stage over the horizon; whiskers: P10–P90 across trials',
    body,
  });
}
