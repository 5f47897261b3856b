/**
 * Each allocated channel's response curve on the simulation: the objective as that
 * channel's spend moves from its minimum to its maximum, every other channel at the
 * recommendation; the recommended spend in blue and, in grey, the channel's current spend
 * with the other channels still at the recommendation (not the current plan's value, which
 * the allocation chart and table give: the legend says so). One small
 * panel per channel with its own spend axis and a shared objective axis, so the panels
 * compare: every curve passes through the recommendation's value.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AllocationResult } from '../analysis/allocate/types.js';
import { CHART_WIDTH } from '../defaults.js';
import { allocationSubtitle, allocationTheme, planColor } from './allocation-common.js';
import { type ChartSpec, moneyTitle } from './common.js';
import { formatMoney } from './format.js';
import { formatObjectiveChange, OBJECTIVE_TITLES, objectiveAxis } from './objective-format.js';
import { COLORS, MONEY_AXIS_FORMAT, MONEY_LABEL_EXPR, MONEY_TOOLTIP_FORMAT } from './theme.js';

/** Panels per row. */
const COLUMNS = 2;

/**
 * The legend of the grey point: it is this channel at the plan's spend on a curve where the
 * other channels are at the recommendation, not the current plan, whose value differs.
 */
export const AT_CURRENT_SPEND = 'This channel at its current spend, the others as recommended';

/** The legend of the blue point. */
const RECOMMENDED = 'Recommended split';

/**
 * Small multiples of `response_curves`. Returns null when there are none.
 * @example buildResponseCurvesChart(result)?.name // 'response-curves'
 */
export function buildResponseCurvesChart(
  result: AllocationResult,
  labels: ReadonlyMap<string, string> = new Map(),
): ChartSpec | null {
  const curves = result.response_curves.channels;
  if (curves.length === 0) return null;
  const step = result.certificate.step;
  const change = (v: number) => formatObjectiveChange(result.objective, v, result.currency);
  const notes = result.certificate.channels.map((c) => ({
    channel: c.channel,
    note:
      c.up === null
        ? 'at its maximum'
        : `next ${formatMoney(step, result.currency)}: ${change(c.up.value * step)}`,
  }));
  const rows = curves.flatMap((c) =>
    c.points.map((p) => ({
      channel: labels.get(c.channel) ?? c.channel,
      spend: p.spend,
      value: p.value,
      se: Number.isFinite(p.se) ? p.se : null,
      kind:
        p.spend === round(c.recommended)
          ? RECOMMENDED
          : p.spend === round(c.current)
            ? AT_CURRENT_SPEND
            : 'curve',
      note:
        p.spend === round(c.recommended)
          ? (notes.find((n) => n.channel === c.channel)?.note ?? '')
          : '',
    })),
  );
  const tooltipFormat = result.objective === 'target' ? '.1%' : MONEY_TOOLTIP_FORMAT;
  const yTitle =
    result.objective === 'target'
      ? OBJECTIVE_TITLES.target
      : moneyTitle(OBJECTIVE_TITLES[result.objective], result.currency);
  const columns = Math.min(COLUMNS, curves.length);
  const title = 'Response curves by channel';
  const meaning =
    'one channel’s spend moves, the others stay at the recommendation; label: value of one more step';
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: allocationSubtitle(
        result,
        meaning,
        result.response_curves.trials,
        result.response_curves.seed,
      ),
    },
    data: { values: rows },
    facet: {
      field: 'channel',
      type: 'nominal',
      title: null,
      sort: curves.map((c) => labels.get(c.channel) ?? c.channel),
      header: { labelFontSize: 13, labelFontWeight: 'bold', labelAnchor: 'start' },
    },
    columns,
    resolve: { scale: { x: 'independent' } },
    spec: {
      width: Math.floor((CHART_WIDTH - 40 * (columns - 1)) / columns),
      height: 170,
      encoding: {
        x: {
          field: 'spend',
          type: 'quantitative',
          title: moneyTitle('Spend per period', result.currency),
          axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR, tickCount: 4 },
        },
        y: {
          field: 'value',
          type: 'quantitative',
          title: yTitle,
          scale: { zero: false },
          // Its precision from the tick step, as the budget curve's: a narrow range reads
          // "$145.8M", "$146M", "$146.2M", not "$146M" three times.
          axis: { ...objectiveAxis(result.objective), tickCount: 4 },
        },
      },
      layer: [
        { mark: { type: 'line', color: COLORS.forecast, strokeWidth: 2, opacity: 0.6 } },
        {
          transform: [{ filter: `datum.kind === '${RECOMMENDED}'` }],
          // In the panel's top left corner, clear of the curve's points.
          mark: {
            type: 'text',
            align: 'left',
            baseline: 'top',
            color: COLORS.forecast,
            fontWeight: 'bold',
          },
          encoding: { x: { value: 4 }, y: { value: 2 }, text: { field: 'note' } },
        },
        {
          transform: [{ filter: "datum.kind !== 'curve'" }],
          mark: { type: 'point', filled: true, size: 110, opacity: 1 },
          encoding: {
            color: {
              ...planColor('kind'),
              scale: {
                domain: [AT_CURRENT_SPEND, RECOMMENDED],
                range: [...planColor('kind').scale.range],
              },
              // The grey point's legend is long and must be read whole.
              legend: { labelLimit: CHART_WIDTH },
            },
            tooltip: [
              { field: 'channel', type: 'nominal', title: 'Channel' },
              { field: 'kind', type: 'nominal', title: 'Point' },
              {
                field: 'spend',
                type: 'quantitative',
                title: 'Spend per period',
                format: MONEY_TOOLTIP_FORMAT,
              },
              { field: 'value', type: 'quantitative', title: 'Objective', format: tooltipFormat },
            ],
          },
        },
      ],
    },
  };
  return { name: 'response-curves', title, spec: allocationTheme(result, spec) };
}

/** Spend rounded to a cent, as the analysis keys its points. */
function round(v: number): number {
  return Math.round(v * 100) / 100;
}
