/**
 * Channel contribution: mean new bookings attributed to each channel per month, stacked.
 * Means add up across channels (the mean of a sum is the sum of the means), so the stack
 * height is the mean of attributed new bookings; quantiles would not stack.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ForecastResult } from '../analysis/types.js';
import type { Model } from '../model/types.js';
import { type ChartSpec, moneyTitle, monthBandX, subtitle, withTheme } from './common.js';
import { MONEY_AXIS_FORMAT, MONEY_LABEL_EXPR, MONEY_TOOLTIP_FORMAT } from './theme.js';

/**
 * Stacked bars of `channels[id].periods.bookings` in the model's channel order (the
 * colour domain is that list, given as data). Returns null without channels.
 * @example buildChannelsChart(result, model)?.name // 'channels'
 */
export function buildChannelsChart(result: ForecastResult, model: Model): ChartSpec | null {
  const ids = model.channels.map((c) => c.id).filter((id) => result.channels[id] !== undefined);
  if (ids.length === 0) return null;
  const rows = ids.flatMap((channel, order) =>
    result.periods.map((period, t) => ({
      channel,
      order,
      period,
      bookings: result.channels[channel]!.periods.bookings[t] ?? 0,
    })),
  );
  const title = 'Bookings by channel';
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: subtitle(result, 'mean new bookings attributed to each channel, stacked'),
    },
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      x: monthBandX(),
      y: {
        field: 'bookings',
        type: 'quantitative',
        stack: 'zero',
        title: moneyTitle('Mean bookings per month', result.currency),
        axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR },
      },
      color: { field: 'channel', type: 'nominal', title: 'Channel', scale: { domain: ids } },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [
        { field: 'period', type: 'nominal', title: 'Month' },
        { field: 'channel', type: 'nominal', title: 'Channel' },
        {
          field: 'bookings',
          type: 'quantitative',
          title: 'Mean bookings',
          format: MONEY_TOOLTIP_FORMAT,
        },
      ],
    },
  };
  return { name: 'channels', title, spec: withTheme(result, spec) };
}
