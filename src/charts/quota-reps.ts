/**
 * Per-rep quotas over time: a grid with one row per rep (roster order) and one column per
 * month (per quarter past 12 months), shaded and labelled by the quota of that period, and
 * beside it each rep's quota for the horizon. A hire's row starts in its first month; a
 * ramping rep's first months are lighter.
 */
import type { QuotaResult } from '../analysis/quota/types.js';
import type { ForecastResult } from '../analysis/types.js';
import { CHART_WIDTH } from '../defaults.js';
import { type ChartBody, type ChartSpec, finishChart } from './common.js';
import { formatCompact, formatMoney, formatPercent, MONTHS } from './format.js';
import { LABEL_GAP, labelWidth } from './month-axis.js';
import { COLORS, MONEY_TOOLTIP_FORMAT } from './theme.js';

/** Height of one rep's row. */
const ROW = 22;
/** Width of the horizon-quota bars beside the grid. */
const BARS_WIDTH = 150;
/** Up to this many periods the grid shows months; beyond, quarters. */
const MONTHLY_UP_TO = 12;

/** `2027-03` → `Mar 2027`. */
function monthLabel(period: string): string {
  const [y, m] = period.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** Column labels: `Jan`, `Feb`, …; a January after the first column carries its year (`Jan ’28`). */
function monthColumns(periods: readonly string[]): string[] {
  return periods.map((p, i) => {
    const short = monthLabel(p).slice(0, 3);
    return i > 0 && p.endsWith('-01') ? `${short} ’${p.slice(2, 4)}` : short;
  });
}

/** Above this many reps, reps who start together (same quota) share one row. */
const ROWS_PER_REP_UP_TO = 16;

type Rep = QuotaResult['reps'][number];

/** One row of the grid: a rep, or several reps who start together (identical quotas). */
interface RepRow {
  readonly label: string;
  readonly count: number;
  readonly quota: number;
  readonly capacity_share: number;
  readonly monthly: readonly number[];
  readonly quarterly: readonly number[];
}

/**
 * One row per rep for a small team; for a large one, one row per group of reps who start
 * in the same period (`advisors-01 – advisors-55 (55 reps)`), whose quotas are the same.
 */
function repRows(reps: readonly Rep[]): RepRow[] {
  const hired = (r: Rep) => (r.kind === 'hire' ? ` · hired ${monthLabel(r.start)}` : '');
  if (reps.length <= ROWS_PER_REP_UP_TO)
    return reps.map((r) => ({ ...r, label: `${r.id}${hired(r)}`, count: 1 }));
  const groups: Rep[][] = [];
  for (const r of reps) {
    const g = groups.at(-1);
    if (g && g[0]!.kind === r.kind && g[0]!.start === r.start) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    const first = g[0]!;
    // advisors-56 … advisors-60 → "advisors-56–60 (5 reps)": ids differ only in their number.
    const lastNumber = g.at(-1)!.id.slice(g.at(-1)!.id.lastIndexOf('-') + 1);
    const ids = g.length === 1 ? first.id : `${first.id}–${lastNumber} (${g.length} reps)`;
    return { ...first, label: `${ids}${hired(first)}`, count: g.length };
  });
}

/**
 * The per-rep quota grid and horizon bars.
 * @example buildQuotaRepsChart(quota, forecast).name // 'quota-reps'
 */
export function buildQuotaRepsChart(q: QuotaResult, f: ForecastResult): ChartSpec {
  const monthly = q.periods.length <= MONTHLY_UP_TO;
  const columns = monthly ? monthColumns(q.periods) : [...q.quarters];
  const rows = repRows(q.reps);
  const grouped = rows.some((r) => r.count > 1);
  const label = (r: RepRow) => r.label;
  const order = rows.map(label);
  const cells = rows.flatMap((r) =>
    (monthly ? r.monthly : r.quarterly)
      .map((value, i) => ({
        rep: label(r),
        column: columns[i]!,
        quota: value,
        text: formatCompact(value, 3),
      }))
      .filter((c) => c.quota > 0),
  );
  const totals = rows.map((r) => ({
    rep: label(r),
    quota: r.quota,
    text: formatMoney(r.quota, q.currency),
    share: formatPercent(r.capacity_share, 1),
  }));
  const maxTotal = Math.max(0, ...totals.map((t) => t.quota));
  const max = Math.max(0, ...cells.map((c) => c.quota));
  const y = {
    field: 'rep',
    type: 'ordinal',
    sort: order,
    title: null,
    axis: { labelLimit: 320 },
  } as const;
  // Each column at least as wide as its label: eight quarters ("FY2027 Q1") in the default
  // width ran their labels into each other, so the grid widens instead.
  const widest = Math.max(...columns.map((c) => labelWidth(c)));
  const gridWidth = Math.max(CHART_WIDTH - BARS_WIDTH - 40, columns.length * (widest + LABEL_GAP));
  const meaning = `total quota ${formatMoney(q.total_quota, q.currency)} split by expected ramped capacity${grouped ? '; reps who start together share a row (the quota of each)' : ''}`;
  const body: ChartBody = {
    hconcat: [
      {
        width: gridWidth,
        height: { step: ROW },
        data: { values: cells },
        encoding: {
          y,
          x: {
            field: 'column',
            type: 'ordinal',
            sort: columns,
            // Cells are too narrow for a currency symbol: the currency is named here once.
            title: `Quota per ${monthly ? 'month' : 'quarter'} (${q.currency}), ${monthLabel(q.periods[0]!)} – ${monthLabel(q.periods.at(-1)!)}`,
            axis: { orient: 'top', labelAngle: 0, labelOverlap: false },
          },
        },
        layer: [
          {
            mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
            encoding: {
              color: {
                field: 'quota',
                type: 'quantitative',
                title: `Quota in the ${monthly ? 'month' : 'quarter'} (${q.currency})`,
                scale: { scheme: 'blues', domain: [0, max > 0 ? max : 1] },
                // Every cell carries its value: a colour legend would only repeat it.
                legend: null,
              },
              tooltip: [
                { field: 'rep', type: 'nominal', title: 'Rep' },
                { field: 'column', type: 'ordinal', title: monthly ? 'Month' : 'Quarter' },
                {
                  field: 'quota',
                  type: 'quantitative',
                  title: 'Quota',
                  format: MONEY_TOOLTIP_FORMAT,
                },
              ],
            },
          },
          {
            mark: { type: 'text', fontSize: 10 },
            encoding: {
              text: { field: 'text' },
              color: {
                condition: { test: `datum.quota > ${0.55 * max}`, value: '#ffffff' },
                value: COLORS.text,
              },
            },
          },
        ],
      },
      {
        title: {
          text: 'Quota for the horizon',
          fontSize: 13,
          fontWeight: 'normal',
          anchor: 'start',
          subtitle: '',
        },
        width: BARS_WIDTH,
        height: { step: ROW },
        data: { values: totals },
        encoding: {
          y: { ...y, axis: null },
          x: {
            field: 'quota',
            type: 'quantitative',
            title: null,
            // Room right of the longest bar for its label.
            scale: { domain: [0, maxTotal > 0 ? maxTotal * 1.5 : 1], nice: false },
            axis: null,
          },
        },
        layer: [
          {
            mark: { type: 'bar', color: COLORS.forecast, opacity: 0.8, height: { band: 0.7 } },
            encoding: {
              tooltip: [
                { field: 'rep', type: 'nominal', title: 'Rep' },
                {
                  field: 'quota',
                  type: 'quantitative',
                  title: 'Quota',
                  format: MONEY_TOOLTIP_FORMAT,
                },
                { field: 'share', type: 'nominal', title: 'Share of the total' },
              ],
            },
          },
          {
            mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: COLORS.text },
            encoding: { text: { field: 'text' } },
          },
        ],
      },
    ],
    spacing: 12,
  };
  const title = `Quota per rep and ${monthly ? 'month' : 'quarter'}: ${q.role_label}`;
  return finishChart(f, undefined, { name: 'quota-reps', title, meaning, body });
}
