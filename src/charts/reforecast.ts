/**
 * The reforecast's monthly bookings: the months of actuals as points, the forecast of the
 * months ahead as the fan (P10–P90 and P25–P75 bands, median line) starting from the last
 * actual month, and — when the plan's own forecast is given — the plan's median as a dashed
 * grey line, so the chart says at a glance how far the actuals moved the year. Repeat
 * business is not in the actuals: where the plan has it, a month of actuals is its new
 * bookings plus the simulated repeat bookings (point at the median, a thin P10–P90 rule).
 */
import type { ForecastResult } from '../analysis/types.js';
import type { Model } from '../model/types.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import {
  type ChartSpec,
  finishChart,
  type Layer,
  moneyTitle,
  monthX,
  periodRows,
} from './common.js';
import { moneyFanLayers } from './money-fan.js';
import { COLORS, MONEY_TOOLTIP_FORMAT } from './theme.js';

/** Grey of the plan's median line: present but behind the reforecast. */
const PLAN_GREY = '#888888';

/**
 * Monthly bookings of a reforecast `result` whose first `k` months are actuals, with the
 * plan's forecast `plan` (optional) as a dashed median line.
 * @example buildReforecastChart(r.forecast, r.actuals.periods, model, plan).name // 'reforecast'
 */
export function buildReforecastChart(
  result: ForecastResult,
  k: number,
  model?: Model,
  plan?: ForecastResult,
): ChartSpec {
  checkArgument('buildReforecastChart', 'result', result, ARG.forecast);
  checkArgument('buildReforecastChart', 'k', k, ARG.actualMonths);
  if (model !== undefined) checkArgument('buildReforecastChart', 'model', model, ARG.model);
  if (plan !== undefined) checkArgument('buildReforecastChart', 'plan', plan, ARG.forecast);
  const rows = periodRows(result, result.metrics.bookings.periods);
  const money = (field: string, title: string) => ({
    field,
    type: 'quantitative' as const,
    title,
    format: MONEY_TOOLTIP_FORMAT,
  });
  const repeat = result.metrics.repeat_bookings.periods;
  const actual = rows.slice(0, k).map((r, t) => ({
    ...r,
    new: result.metrics.new_bookings.periods[t]!.mean,
    repeat_p10: repeat[t]!.p10,
    repeat_p90: repeat[t]!.p90,
  }));
  const hasRepeat = actual.some((r) => r.p90 > r.p10);
  const layers: Layer[] = [];
  if (plan !== undefined)
    layers.push({
      data: { values: periodRows(plan, plan.metrics.bookings.periods) },
      mark: { type: 'line', color: PLAN_GREY, strokeDash: [5, 4], strokeWidth: 1.5 },
      encoding: {
        x: monthX(result.periods),
        y: { field: 'p50', type: 'quantitative' },
        tooltip: [
          { field: 'period', type: 'nominal', title: 'Month' },
          money('p50', 'Plan median'),
        ],
      },
    });
  layers.push({
    // the fan starts at the last month of actuals so the forecast joins the points
    data: { values: rows.slice(Math.max(0, k - 1)) },
    encoding: { x: monthX(result.periods) },
    layer: moneyFanLayers(moneyTitle('Bookings per month', result.currency)),
  });
  const actualLayers: Layer[] = [];
  if (hasRepeat)
    actualLayers.push({
      mark: { type: 'rule', color: COLORS.text, strokeWidth: 1.5 },
      encoding: { y: { field: 'p10', type: 'quantitative' }, y2: { field: 'p90' } },
    });
  actualLayers.push({
    mark: { type: 'point', filled: true, size: 70, color: COLORS.text, opacity: 1 },
    encoding: {
      y: { field: 'p50', type: 'quantitative' },
      tooltip: [
        { field: 'period', type: 'nominal', title: 'Month (actuals)' },
        money('new', 'New bookings (actual)'),
        ...(hasRepeat
          ? [
              money('repeat_p10', 'Repeat, simulated P10'),
              money('repeat_p90', 'Repeat, simulated P90'),
              money('p50', 'Booked, median'),
            ]
          : []),
      ],
    },
  });
  layers.push({
    data: { values: actual },
    encoding: { x: monthX(result.periods) },
    layer: actualLayers,
  });
  const months = `${result.periods[0]} … ${result.periods[k - 1]}`;
  // repeat business gets its own line: one line of it all runs wider than the plot
  const points = hasRepeat
    ? [
        `points: booked ${months}: actual new business + simulated repeat business`,
        '(the actuals do not carry repeat business; the rule spans its P10–P90)',
      ]
    : [`points: booked ${months} (actuals)`];
  return finishChart(result, model, {
    name: 'reforecast',
    title: 'Monthly bookings: actuals and reforecast',
    meaning: [
      ...points,
      `months ahead: dark band P25–P75, light band P10–P90, line median${plan === undefined ? '' : '; dashed grey: the plan’s median before the actuals'}`,
    ],
    body: { layer: layers },
  });
}
