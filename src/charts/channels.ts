/**
 * Channel contribution: mean new bookings attributed to each channel per month, stacked.
 */
import type { ForecastResult } from '../analysis/types.js';
import type { Model } from '../model/types.js';
import { type ChartSpec, withTheme } from './common.js';
import { stackedBookingsSpec } from './stacked-bookings.js';

/**
 * Stacked bars of `channels[id].periods.bookings` in the model's channel order (the
 * colour domain is that list, given as data). Returns null without channels.
 * @example buildChannelsChart(result, model)?.name // 'channels'
 */
export function buildChannelsChart(result: ForecastResult, model: Model): ChartSpec | null {
  const ids = model.channels.map((c) => c.id).filter((id) => result.channels[id] !== undefined);
  if (ids.length === 0) return null;
  const rows = ids.flatMap((group, order) =>
    result.periods.map((period, t) => ({
      group,
      order,
      period,
      bookings: result.channels[group]!.periods.bookings[t] ?? 0,
    })),
  );
  const title = 'Bookings by channel';
  const spec = stackedBookingsSpec(result, rows, {
    title,
    meaning: 'mean new bookings attributed to each channel, stacked',
    legend: 'Channel',
    domain: ids,
  });
  return { name: 'channels', title, spec: withTheme(result, spec) };
}
