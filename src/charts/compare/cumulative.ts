/**
 * Cumulative bookings by plan against the horizon target: the median of each plan's running
 * total per month (each trial's own running total, summarised), the base in the text colour.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareResult, PlanOutcome } from '../../analysis/compare/types.js';
import type { ChartSpec, Layer } from '../common.js';
import { moneyTitle, monthX, periodDate } from '../common.js';
import { formatMoney, formatPercent, MONTHS } from '../format.js';
import { COLORS, MONEY_AXIS_FORMAT, MONEY_LABEL_EXPR, MONEY_TOOLTIP_FORMAT } from '../theme.js';
import { compareSubtitle, planColours, plansOf, themed } from './common.js';

/** `2027-12` → `Dec 2027`. */
function monthLabel(period: string): string {
  const [y, m] = period.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/**
 * Lines of `cumulative_bookings[t].p50` per plan, with the bookings target as a dashed rule.
 * @example buildCompareCumulativeChart(result).name // 'compare-cumulative'
 */
export function buildCompareCumulativeChart(r: CompareResult): ChartSpec {
  const target = r.targets.bookings;
  const last = r.periods.at(-1) ?? '';
  // The legend says where each plan ends, so lines that run close together stay readable.
  const key = (name: string, o: PlanOutcome) => {
    const end = o.cumulative_bookings.at(-1)?.p50 ?? 0;
    const p = o.target_probability;
    return `${name}: ${formatMoney(end, r.currency)}${p === null ? '' : ` · ${formatPercent(p)}`}`;
  };
  const plans = plansOf(r);
  const rows = plans.flatMap(({ label, order, outcome }) =>
    outcome.cumulative_bookings.map((s, t) => {
      const period = r.periods[t] ?? String(t);
      return {
        plan: label,
        key: key(label, outcome),
        order,
        kind: order === 0 ? 'base' : 'variant',
        period,
        date: periodDate(period),
        p50: s.p50,
        p10: s.p10,
        p90: s.p90,
      };
    }),
  );
  const { range } = planColours(r);
  const colours = { domain: plans.map((p) => key(p.label, p.outcome)), range };
  const layers: Layer[] = [
    {
      data: { values: rows },
      mark: { type: 'line', point: { size: 30 } },
      encoding: {
        x: monthX(r.periods),
        y: {
          field: 'p50',
          type: 'quantitative',
          title: moneyTitle('Cumulative bookings, median', r.currency),
          axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR },
        },
        color: {
          field: 'key',
          type: 'nominal',
          title: `Plan: median bookings by ${monthLabel(last)}${target === null ? '' : ' · chance of reaching the target'}`,
          scale: colours,
          legend: {
            columns: 2,
            symbolType: 'stroke',
            symbolStrokeWidth: 3,
            labelLimit: 400,
            titleLimit: 640,
          },
        },
        // A fixed expression on a field the builder sets, never on scenario text.
        strokeWidth: { condition: { test: "datum.kind === 'base'", value: 3.5 }, value: 2 },
        order: { field: 'order', type: 'quantitative' },
        tooltip: [
          { field: 'plan', type: 'nominal', title: 'Plan' },
          { field: 'period', type: 'nominal', title: 'Month' },
          { field: 'p10', type: 'quantitative', title: 'P10', format: MONEY_TOOLTIP_FORMAT },
          { field: 'p50', type: 'quantitative', title: 'Median', format: MONEY_TOOLTIP_FORMAT },
          { field: 'p90', type: 'quantitative', title: 'P90', format: MONEY_TOOLTIP_FORMAT },
        ],
      },
    },
  ];
  const first = rows[0];
  if (target !== null && first) {
    layers.push({
      data: {
        values: [
          { value: target, date: first.date, label: `Target ${formatMoney(target, r.currency)}` },
        ],
      },
      layer: [
        {
          mark: { type: 'rule', color: COLORS.target, strokeDash: [6, 4] },
          encoding: { y: { field: 'value', type: 'quantitative' } },
        },
        {
          mark: {
            type: 'text',
            align: 'left',
            baseline: 'bottom',
            dx: 4,
            dy: -6,
            color: COLORS.target,
            fontWeight: 'bold',
          },
          encoding: {
            x: { field: 'date', type: 'temporal', timeUnit: 'utcyearmonth' },
            y: { field: 'value', type: 'quantitative' },
            text: { field: 'label' },
          },
        },
      ],
    });
  }
  const title =
    target === null ? 'Cumulative bookings by plan' : 'Cumulative bookings by plan vs target';
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: compareSubtitle(
        r,
        `lines: median running total of bookings per plan${target === null ? '' : '; dashed: horizon target'}`,
      ),
    },
    layer: layers,
  };
  return { name: 'compare-cumulative', title, spec: themed(r.currency, spec) };
}
