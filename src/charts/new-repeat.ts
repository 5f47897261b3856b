/**
 * New vs repeat bookings per month: mean new bookings (won deals) and mean repeat
 * bookings (installed base) stacked; means add up to mean total bookings.
 */
import type { ForecastResult } from '../analysis/types.js';
import type { Model } from '../model/types.js';
import { type ChartSpec, finishChart } from './common.js';
import { stackedBookingsBody } from './stacked-bookings.js';
import { COLORS } from './theme.js';

/**
 * Stacked bars of `metrics.new_bookings` and `metrics.repeat_bookings` period means.
 * Returns null when the plan has no repeat business (mean repeat bookings 0).
 * @example buildNewRepeatChart(result, model)?.name // 'new-vs-repeat'
 */
export function buildNewRepeatChart(result: ForecastResult, model?: Model): ChartSpec | null {
  if (!(result.metrics.repeat_bookings.total.mean > 0)) return null;
  const kinds = [
    { group: 'New', order: 0, s: result.metrics.new_bookings.periods },
    { group: 'Repeat', order: 1, s: result.metrics.repeat_bookings.periods },
  ];
  const rows = kinds.flatMap(({ group, order, s }) =>
    result.periods.map((period, t) => ({ group, order, period, bookings: s[t]?.mean ?? 0 })),
  );
  return finishChart(result, model, {
    name: 'new-vs-repeat',
    title: 'New vs repeat bookings',
    meaning: 'mean bookings per month from new deals and from the installed base',
    body: stackedBookingsBody(result, rows, {
      legend: 'Bookings',
      domain: ['New', 'Repeat'],
      range: [COLORS.forecast, COLORS.secondary],
    }),
  });
}
