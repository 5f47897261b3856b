/**
 * The house theme: one Vega-Lite `config` shared by every chart. DejaVu Sans everywhere,
 * CJK text in the bundled CJK face (the PNG renderer ships and loads exactly these fonts,
 * so PNGs match on every machine; SVG and HTML name the same families first), the Okabe–Ito
 * colour-blind-safe palette, the scenario's currency in Vega's number locale, and sizes
 * that suit a 16:9 slide.
 */
import type { Config } from 'vega-lite';
import { CHART_HEIGHT, CHART_WIDTH } from '../defaults.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { currencyAffix } from './format.js';

/**
 * Font stack: DejaVu Sans first (bundled), then common wide sans fonts; for CJK text the
 * bundled face, then the Noto/Source Han families and the systems' own CJK fonts.
 */
export const FONT =
  'DejaVu Sans, Verdana, Geneva, Salesops Sans CJK, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Hiragino Sans, Microsoft YaHei, Yu Gothic, sans-serif';

/**
 * Okabe & Ito (2008), "Color Universal Design": eight colours distinguishable under the
 * common colour-vision deficiencies. Black is moved last; yellow is kept out of the first six.
 */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
] as const;

/** Colours with a fixed meaning across charts. */
export const COLORS = {
  /** Forecast bands and median line. */
  forecast: '#0072B2',
  /** The forecast's lighter tint (bars below a target). */
  forecastLight: '#A9CCE3',
  /** Targets (vermillion: stands out against blue for every common deficiency). */
  target: '#D55E00',
  /** Secondary series, e.g. repeat bookings. */
  secondary: '#E69F00',
  text: '#222222',
  muted: '#555555',
} as const;

/** Opacity of the outer (P10–P90) and inner (P25–P75) forecast bands. */
export const BAND_OPACITY = { outer: 0.18, inner: 0.35 } as const;

/** Vega format for money axes: 3 significant digits, SI suffix, currency symbol from the locale. */
export const MONEY_AXIS_FORMAT = '$.3~s';
/**
 * Vega axis formats with no precision, so that Vega takes it from the tick step
 * (vega-format's formatSpan): ticks 0.2M apart read "$145.8M", "$146M", "$146.2M" where
 * `$.3~s` wrote "$146M" three times, and ticks 0.5 points apart "49.5%", "50%". Money is
 * written in the unit of the axis's largest value, so an axis from 0 reads "$0k": for axes
 * whose values stay well away from 0.
 */
export const MONEY_STEP_AXIS_FORMAT = '$~s';
export const PERCENT_STEP_AXIS_FORMAT = '~%';
/** Vega format for money in tooltips: whole units with thousands separators. */
export const MONEY_TOOLTIP_FORMAT = '$,.0f';
/** Vega's SI prefix for 1e9 is "G"; boards read "B". A fixed expression, no scenario text. */
export const MONEY_LABEL_EXPR = "replace(datum.label, /(\\d)G/, '$1B')";

/**
 * The Vega-Lite config for a scenario's charts. The currency goes into the number locale
 * (data, never an expression), so `$` in a format string prints the right symbol.
 * @example houseConfig('EUR').locale // { number: { currency: ['€', ''], … } }
 */
export function houseConfig(currency: string): Config {
  checkArgument('houseConfig', 'currency', currency, ARG.currency);
  const { prefix } = currencyAffix(currency);
  return {
    background: '#ffffff',
    padding: 16,
    font: FONT,
    view: {
      continuousWidth: CHART_WIDTH,
      continuousHeight: CHART_HEIGHT,
      discreteWidth: CHART_WIDTH,
      stroke: null,
    },
    locale: {
      number: {
        decimal: '.',
        thousands: ',',
        grouping: [3],
        // Code currencies (no symbol) are named in the axis titles instead of on every label.
        currency: [prefix, ''],
      },
    },
    title: {
      anchor: 'start',
      fontSize: 18,
      fontWeight: 'bold',
      color: COLORS.text,
      subtitleFontSize: 12,
      subtitleColor: COLORS.muted,
      subtitlePadding: 6,
      offset: 14,
    },
    axis: {
      labelFontSize: 12,
      titleFontSize: 13,
      titleFontWeight: 'normal',
      titleColor: COLORS.text,
      labelColor: COLORS.text,
      gridColor: '#e6e6e6',
      domainColor: '#888888',
      tickColor: '#888888',
      titlePadding: 10,
    },
    axisX: { labelAngle: 0, labelOverlap: 'parity' },
    legend: {
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 'normal',
      // On top, under the subtitle: the bottom of a chart belongs to its footnote.
      orient: 'top',
      direction: 'horizontal',
      symbolType: 'square',
      labelLimit: 220,
    },
    range: { category: [...PALETTE] },
    text: { fontSize: 12, color: COLORS.text },
    bar: { discreteBandSize: { band: 0.7 } },
    line: { strokeWidth: 2.5 },
    rule: { strokeWidth: 2 },
  };
}
