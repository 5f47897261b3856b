/**
 * Quarterly bookings against the quarterly targets. Targets are set per quarter, so the
 * forecast is shown at that grain: one interval bar per quarter (P10–P90 light, P25–P75
 * dark) with the median as a labelled tick and the target as a vermillion tick, labelled
 * with the probability of reaching it. Each quarter gets a column wide enough for its
 * labels (the chart widens past 8 quarters instead of letting labels collide), and the y
 * axis spans the intervals rather than starting at zero, so the bars are not squashed.
 */
import type { ForecastResult } from '../analysis/types.js';
import { CHART_HEIGHT, CHART_WIDTH } from '../defaults.js';
import type { Model } from '../model/types.js';
import { type ChartSpec, finishChart, moneyTitle, summaryRow } from './common.js';
import { formatMoney, formatPercent, MONTHS } from './format.js';
import {
  BAND_OPACITY,
  COLORS,
  MONEY_AXIS_FORMAT,
  MONEY_LABEL_EXPR,
  MONEY_TOOLTIP_FORMAT,
} from './theme.js';

/** Font size of the labels, and an upper bound of a bold character's width in em (DejaVu Sans Bold digits and capitals: ≤ 0.78). */
const LABEL_SIZE = 12;
const BOLD_EM = 0.78;
/** Pixels above the highest bar kept free for the two-line target note. */
const NOTE_ROOM = 50;
/** Pixels between a median tick and its label. */
const LABEL_GAP = 5;
/** Line height of the two-line target note, px. */
const NOTE_LINE = LABEL_SIZE + 2;
/** Pixels kept between the note and what it sits above (the bar's top, the median label). */
const NOTE_GAP = 6;

/** "Jan–Mar 2027", "Nov 2027–Jan 2028": the months of one quarter block. */
function monthRange(periods: readonly string[]): string {
  const label = (p: string) => {
    const [y, m] = p.split('-');
    return { y: y ?? '', m: MONTHS[Number(m) - 1] ?? p };
  };
  const a = label(periods[0] ?? '');
  const b = label(periods[periods.length - 1] ?? '');
  if (periods.length <= 1) return `${a.m} ${a.y}`;
  return a.y === b.y ? `${a.m}–${b.m} ${a.y}` : `${a.m} ${a.y}–${b.m} ${b.y}`;
}

/**
 * Interval chart of quarterly bookings (`quarterly.bookings`) with quarterly targets
 * (`targets.quarterly_detail`) where the plan gives them. Returns null without quarters.
 * @example buildQuarterlyChart(result, model)?.name // 'quarterly'
 */
export function buildQuarterlyChart(result: ForecastResult, model?: Model): ChartSpec | null {
  const summaries = result.quarterly.bookings ?? [];
  if (summaries.length === 0) return null;
  const detail = result.targets.quarterly_detail ?? [];
  const money = (x: number) => formatMoney(x, result.currency);
  const base = summaries.map((s, q) => {
    const t = detail[q];
    return {
      quarter: result.quarters[q] ?? `Q${q + 1}`,
      months: monthRange(result.periods.slice(3 * q, 3 * q + 3)),
      ...summaryRow(s),
      target: t === undefined ? null : t.value,
      note:
        t === undefined ? '' : `Target ${money(t.value)}\nP(reach) ${formatPercent(t.probability)}`,
      median: money(s.p50),
      top: t === undefined ? s.p90 : Math.max(s.p90, t.value),
    };
  });
  // The y domain spans every interval and target, with room on top for the notes.
  const lows = base.flatMap((r) => (r.target === null ? [r.p10] : [r.p10, r.target]));
  const lo0 = Math.min(...lows);
  const top = Math.max(...base.map((r) => r.top));
  const pad = (top - lo0) * 0.06 || Math.abs(top) * 0.1 || 1;
  const lo = Math.max(0, lo0 - pad);
  const f = (detail.length > 0 ? NOTE_ROOM : LABEL_SIZE) / CHART_HEIGHT;
  const hi = (top + pad - f * lo) / (1 - f);
  const perPixel = (hi - lo) / CHART_HEIGHT;
  const rows = base.map((r) => {
    // The median's label sits above its tick, or below it when the target tick is too close above.
    const targetAbove =
      r.target !== null && r.target >= r.p50 && (r.target - r.p50) / perPixel < LABEL_SIZE + 8;
    const medianY = targetAbove ? r.p50 - LABEL_GAP * perPixel : r.p50 + LABEL_GAP * perPixel;
    // The note's last line clears the top of the bar (or the target above it) and the median's
    // label: with a narrow bar and the target below it, the label above the median reaches
    // higher than the bar's top. Vega draws the second line below the first, so the note is
    // placed by its first line, one line height above its last.
    const labelTop = targetAbove ? r.p50 : medianY + LABEL_SIZE * perPixel;
    const noteBottom = Math.max(r.top, labelTop) + NOTE_GAP * perPixel;
    return {
      ...r,
      median_y: medianY,
      median_baseline: targetAbove ? 'top' : 'bottom',
      note_y: noteBottom + NOTE_LINE * perPixel,
    };
  });
  const widest = Math.max(
    ...rows.flatMap((r) => [...r.note.split('\n'), r.median].map((l) => [...l].length)),
  );
  const step = Math.max(
    Math.ceil(CHART_WIDTH / rows.length),
    Math.ceil(widest * BOLD_EM * LABEL_SIZE) + 16,
  );
  const band = { band: 0.6 };
  const y = (field: string) => ({ field, type: 'quantitative' as const });
  const title = detail.length > 0 ? 'Quarterly bookings vs target' : 'Quarterly bookings forecast';
  const meaning =
    detail.length > 0
      ? 'bars: P10–P90 (light), P25–P75 (dark); black tick and label: median; orange tick: target'
      : 'bars: P10–P90 (light), P25–P75 (dark); black tick and label: median';
  const medianLabel = (baseline: 'top' | 'bottom') => ({
    transform: [{ filter: { field: 'median_baseline', equal: baseline } }],
    mark: {
      type: 'text' as const,
      baseline,
      fontSize: LABEL_SIZE,
      fontWeight: 'bold' as const,
      color: COLORS.text,
    },
    encoding: { y: y('median_y'), text: { field: 'median', type: 'nominal' as const } },
  });
  return finishChart(result, model, {
    name: 'quarterly',
    title,
    meaning,
    body: {
      data: { values: rows },
      width: { step },
      height: CHART_HEIGHT,
      encoding: {
        x: {
          field: 'quarter',
          type: 'ordinal',
          title: 'Quarter',
          sort: null,
          axis: { labelAngle: 0 },
        },
      },
      layer: [
        {
          mark: {
            type: 'bar',
            color: COLORS.forecast,
            opacity: BAND_OPACITY.outer + 0.1,
            width: band,
          },
          encoding: {
            y: {
              ...y('p10'),
              title: moneyTitle('Bookings per quarter', result.currency),
              scale: { domain: [lo, hi], nice: false, zero: false },
              axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR },
            },
            y2: { field: 'p90' },
            tooltip: [
              { field: 'quarter', type: 'nominal', title: 'Quarter' },
              { field: 'months', type: 'nominal', title: 'Months' },
              { field: 'p10', type: 'quantitative', title: 'P10', format: MONEY_TOOLTIP_FORMAT },
              { field: 'p50', type: 'quantitative', title: 'Median', format: MONEY_TOOLTIP_FORMAT },
              { field: 'p90', type: 'quantitative', title: 'P90', format: MONEY_TOOLTIP_FORMAT },
              {
                field: 'target',
                type: 'quantitative',
                title: 'Target',
                format: MONEY_TOOLTIP_FORMAT,
              },
            ],
          },
        },
        {
          mark: {
            type: 'bar',
            color: COLORS.forecast,
            opacity: BAND_OPACITY.inner + 0.2,
            width: band,
          },
          encoding: { y: y('p25'), y2: { field: 'p75' } },
        },
        {
          mark: { type: 'tick', color: COLORS.text, thickness: 3, width: band },
          encoding: { y: y('p50') },
        },
        {
          transform: [{ filter: 'isValid(datum.target)' }],
          mark: { type: 'tick', color: COLORS.target, thickness: 4, width: { band: 0.85 } },
          encoding: { y: y('target') },
        },
        // A white halo keeps the median legible over the dark band and the target tick.
        ...(['bottom', 'top'] as const).flatMap((b) => [
          {
            ...medianLabel(b),
            mark: {
              ...medianLabel(b).mark,
              color: '#ffffff',
              stroke: '#ffffff',
              strokeWidth: 4,
              strokeJoin: 'round' as const,
            },
          },
          medianLabel(b),
        ]),
        {
          transform: [{ filter: 'isValid(datum.target)' }],
          mark: {
            type: 'text',
            baseline: 'bottom',
            lineBreak: '\n',
            lineHeight: NOTE_LINE,
            fontSize: LABEL_SIZE,
            color: COLORS.target,
            fontWeight: 'bold',
          },
          encoding: { y: y('note_y'), text: { field: 'note', type: 'nominal' } },
        },
      ],
    },
  });
}
