/**
 * Difference to the base, variant by variant: how the paired difference of horizon bookings
 * (trial i of the variant minus trial i of the base) spreads trial by trial (a pale bar from
 * its P10 to its P90), its mean as a dot with the mean's 90% interval, a line at zero, and
 * beside it the mean, the P10 to P90 and the share of trials in which the variant does better.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareResult } from '../../analysis/compare/types.js';
import type { ChartSpec } from '../common.js';
import { moneyTitle } from '../common.js';
import { formatMoney, formatPercent } from '../format.js';
import { symmetricTicks } from '../symmetric-ticks.js';
import {
  COLORS,
  MONEY_AXIS_FORMAT,
  MONEY_LABEL_EXPR,
  MONEY_TOOLTIP_FORMAT,
  PALETTE,
} from '../theme.js';
import { compareSubtitle, plansOf, themed } from './common.js';

/** Okabe–Ito blue for gains, orange for losses. */
const GAIN = PALETTE[0];
const LOSS = PALETTE[1];

/**
 * Spread-and-dot rows of `difference` per variant; null when there is no variant.
 * @example buildCompareDifferenceChart(result)?.name // 'compare-difference'
 */
export function buildCompareDifferenceChart(r: CompareResult): ChartSpec | null {
  const variants = Object.values(r.variants);
  if (variants.length === 0) return null;
  const money = (x: number) => {
    const s = formatMoney(x, r.currency);
    return x > 0 ? `+${s}` : s;
  };
  const level = formatPercent(r.interval, 0);
  const labels = new Map(plansOf(r).map((p) => [p.name, p.label]));
  const rows = variants.map((v, order) => ({
    plan: labels.get(v.name) ?? v.name,
    order,
    sign: v.difference.mean >= 0 ? 'gain' : 'loss',
    mean: v.difference.mean,
    lo: v.difference.lo,
    hi: v.difference.hi,
    p10: v.difference.spread.p10,
    p90: v.difference.spread.p90,
    better: v.probability_better,
    label: `${money(v.difference.mean)} on average · ${money(v.difference.spread.p10)} to ${money(v.difference.spread.p90)} · better in ${formatPercent(v.probability_better)} of trials`,
  }));
  const extent = Math.max(
    // lo and hi are null when one trial cannot estimate the interval (no interval is drawn).
    ...rows.map((d) =>
      Math.max(Math.abs(d.lo ?? 0), Math.abs(d.hi ?? 0), Math.abs(d.p10), Math.abs(d.p90)),
    ),
    1,
  );
  // At most three ticks a side: seven labels fit the 420 px plot, so none is hidden.
  const axis = symmetricTicks(extent * 1.1, 3);
  const title = 'Difference to the base: horizon bookings';
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: compareSubtitle(
        r,
        `bar: P10 to P90 of the difference, trial by trial; dot: its mean (line: the mean's ${level} interval); label: mean, P10 to P90, share of trials better`,
      ),
    },
    height: { step: 44 },
    width: 420,
    layer: [
      {
        data: { values: rows },
        encoding: {
          y: {
            field: 'plan',
            type: 'nominal',
            title: null,
            sort: { field: 'order', op: 'min', order: 'ascending' },
            axis: { labelFontSize: 13, labelLimit: 260 },
          },
          color: {
            field: 'sign',
            type: 'nominal',
            scale: { domain: ['gain', 'loss'], range: [GAIN, LOSS] },
            legend: null,
          },
        },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 16, opacity: 0.25 },
            encoding: {
              x: {
                field: 'p10',
                type: 'quantitative',
                title: moneyTitle('Difference to the base', r.currency),
                // Symmetric around zero, zero labelled; the labels sit to the right of the plot.
                scale: { domain: axis.domain, nice: false },
                axis: {
                  format: MONEY_AXIS_FORMAT,
                  labelExpr: MONEY_LABEL_EXPR,
                  values: axis.values,
                },
              },
              x2: { field: 'p90' },
            },
          },
          {
            mark: { type: 'rule', strokeWidth: 3 },
            encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
          },
          {
            mark: { type: 'point', filled: true, size: 110, opacity: 1 },
            encoding: {
              x: { field: 'mean', type: 'quantitative' },
              tooltip: [
                { field: 'plan', type: 'nominal', title: 'Plan' },
                {
                  field: 'mean',
                  type: 'quantitative',
                  title: 'Mean difference',
                  format: MONEY_TOOLTIP_FORMAT,
                },
                {
                  field: 'lo',
                  type: 'quantitative',
                  title: `Mean's ${level} interval from`,
                  format: MONEY_TOOLTIP_FORMAT,
                },
                { field: 'hi', type: 'quantitative', title: 'to', format: MONEY_TOOLTIP_FORMAT },
                {
                  field: 'p10',
                  type: 'quantitative',
                  title: 'Trial by trial, P10',
                  format: MONEY_TOOLTIP_FORMAT,
                },
                { field: 'p90', type: 'quantitative', title: 'P90', format: MONEY_TOOLTIP_FORMAT },
                {
                  field: 'better',
                  type: 'quantitative',
                  title: 'Share of trials better',
                  format: '.1%',
                },
              ],
            },
          },
          {
            mark: { type: 'text', align: 'left', dx: 16, fontSize: 13 },
            encoding: { x: { datum: axis.domain[1] }, text: { field: 'label' } },
          },
        ],
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: COLORS.muted, strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
    ],
  };
  return { name: 'compare-difference', title, spec: themed(r.currency, spec) };
}
