/**
 * New bookings by channel: the mean new bookings attributed to each lead source per month,
 * stacked, and underneath what each paid channel returns per unit of spend over the horizon
 * (mean attributed new bookings ÷ planned spend: an average return, not the return on the
 * next unit, which `allocate` measures).
 */
import type { ForecastResult } from '../analysis/types.js';
import type { Model } from '../model/types.js';
import { type ChartSpec, finishChart, uniqueLabels } from './common.js';
import { currencyAffix, formatMoney } from './format.js';
import { stackedBookingsBody } from './stacked-bookings.js';
import { COLORS, MONEY_TOOLTIP_FORMAT, PALETTE } from './theme.js';

/** "$1", "€1", "1 SEK": one unit of the currency. */
function oneUnit(currency: string): string {
  const { prefix, suffix } = currencyAffix(currency);
  return `${prefix}1${suffix}`;
}

/**
 * Stacked bars of `channels[id].periods.bookings` in the model's channel order, labelled
 * with the channels' display labels, and bars of bookings per unit of planned spend for
 * channels with spend. Returns null without channels.
 * @example buildChannelsChart(result, model)?.name // 'channels'
 */
export function buildChannelsChart(result: ForecastResult, model: Model): ChartSpec | null {
  const channels = model.channels.filter((c) => result.channels[c.id] !== undefined);
  if (channels.length === 0) return null;
  const labels = uniqueLabels(channels);
  const domain = channels.map((c) => labels.get(c.id)!);
  const rows = channels.flatMap((c, order) =>
    result.periods.map((period, t) => ({
      group: labels.get(c.id)!,
      order,
      period,
      bookings: result.channels[c.id]!.periods.bookings[t] ?? 0,
    })),
  );
  const unit = oneUnit(result.currency);
  const returns = channels.flatMap((c, order) => {
    const spend = c.spend.reduce((a, b) => a + b, 0);
    if (!(spend > 0)) return [];
    const bookings = result.channels[c.id]!.bookings.mean;
    const perUnit = bookings / spend;
    return [
      {
        group: labels.get(c.id)!,
        order,
        spend,
        bookings,
        per_unit: perUnit,
        // Three significant digits, as every money label on a chart and the report's table.
        label: `${formatMoney(perUnit, result.currency)} per ${unit}`,
      },
    ];
  });
  const stacked = stackedBookingsBody(result, rows, {
    legend: 'Channel (lead source)',
    domain,
    range: domain.map((_, i) => PALETTE[i % PALETTE.length]!),
    yTitle: 'Mean new bookings per month',
  });
  const perSpend = {
    data: { values: returns },
    height: { step: 26 },
    encoding: {
      y: {
        field: 'group',
        type: 'nominal' as const,
        title: null,
        sort: { field: 'order', op: 'min' as const, order: 'ascending' as const },
      },
    },
    layer: [
      {
        mark: { type: 'bar' as const },
        encoding: {
          x: {
            field: 'per_unit',
            type: 'quantitative' as const,
            title: `New bookings per ${unit} of planned spend, over the horizon (mean)`,
            axis: { format: ',.2~f', tickCount: 5 },
          },
          color: { field: 'group', type: 'nominal' as const, title: 'Channel (lead source)' },
          tooltip: [
            { field: 'group', type: 'nominal' as const, title: 'Channel' },
            {
              field: 'bookings',
              type: 'quantitative' as const,
              title: 'Mean new bookings',
              format: MONEY_TOOLTIP_FORMAT,
            },
            {
              field: 'spend',
              type: 'quantitative' as const,
              title: 'Planned spend',
              format: MONEY_TOOLTIP_FORMAT,
            },
            { field: 'label', type: 'nominal' as const, title: 'Return' },
          ],
        },
      },
      {
        mark: { type: 'text' as const, align: 'left' as const, dx: 5, color: COLORS.text },
        encoding: {
          x: { field: 'per_unit', type: 'quantitative' as const },
          text: { field: 'label', type: 'nominal' as const },
        },
      },
    ],
  };
  const unpaid = channels.length - returns.length;
  return finishChart(result, model, {
    name: 'channels',
    title: 'New bookings by channel',
    meaning: [
      'top: mean new bookings per month by the channel each lead came from, stacked',
      `bottom: new bookings per ${unit} of planned spend over the horizon (an average, not marginal)${unpaid > 0 ? `; ${unpaid === 1 ? 'one channel has' : `${unpaid} channels have`} no spend` : ''}`,
    ],
    body:
      returns.length === 0
        ? stacked
        : { vconcat: [stacked, perSpend], spacing: 24, resolve: { scale: { color: 'shared' } } },
  });
}
