/**
 * Team capacity: one panel per role that works a funnel stage, with its utilisation
 * (items taken on / items it could take on: median line, P10–P90 band) and the months in
 * which it is capacity-bound shaded; each panel's title says how many months bind and how
 * many items its queue lost. A role at 100% for months on end is the bottleneck. A month in
 * which the role had no capacity while items waited binds too: its utilisation is drawn at 0
 * (the kernel's value for no capacity), so the shade carries a "no capacity" label.
 */
import type { ForecastResult } from '../analysis/types.js';
import { SATURATED_UTILISATION } from '../defaults.js';
import type { Model } from '../model/types.js';
import { type ChartSpec, finishChart, monthX, periodDate, uniqueLabels } from './common.js';
import { formatCount, formatPercent } from './format.js';
import { roleBindings, runsOf } from './saturation.js';
import { COLORS, PALETTE } from './theme.js';

/** Height of one role's panel. */
const PANEL_HEIGHT = 150;

/** First day of the month after `period` (`YYYY-MM`), as an ISO date. */
/** Midnight UTC of the first day of `period` (YYYY-MM) moved by `months`, in ms. */
function monthStart(period: string, months: number): number {
  const [y, m] = period.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1 + months, 1);
}

/**
 * The span of the shading for month `t`, centred on its point (drawn on the 1st): from half
 * way to the previous month's point to half way to the next one's, clipped to the first and
 * last points, so a shaded month never reaches into its neighbour.
 */
function bandSpan(periods: readonly string[], t: number): { start: string; end: string } {
  const period = periods[t]!;
  const at = monthStart(period, 0);
  const start = t === 0 ? at : (at + monthStart(period, -1)) / 2;
  const end = t === periods.length - 1 ? at : (at + monthStart(period, 1)) / 2;
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

/**
 * One utilisation panel per working role, capacity-bound months shaded. Returns null when
 * no role works a stage.
 * @example buildTeamChart(result, model)?.name // 'team'
 */
export function buildTeamChart(result: ForecastResult, model: Model): ChartSpec | null {
  const roles = roleBindings(result, model);
  if (roles.length === 0) return null;
  const labels = uniqueLabels(roles);
  const T = result.periods.length;
  const panels = roles.map((role, i) => {
    const label = labels.get(role.id)!;
    const series = result.roles[role.id]!.utilisation.periods;
    const rows = series.map((s, t) => {
      const period = result.periods[t] ?? String(t);
      return { period, date: periodDate(period), p10: s.p10, p50: s.p50, p90: s.p90 };
    });
    const bound = role.saturated.map((t) => ({
      period: result.periods[t] ?? String(t),
      ...bandSpan(result.periods, t),
      why: role.noCapacity.includes(t) ? 'no capacity, items waited' : 'took on all it could',
    }));
    // One label per run of months without capacity, at the middle of its shading.
    const unstaffed = runsOf(role.noCapacity).map(([a, b]) => {
      const from = Date.parse(bandSpan(result.periods, a).start);
      const to = Date.parse(bandSpan(result.periods, b).end);
      return { at: new Date((from + to) / 2).toISOString(), text: 'no capacity', y: 0.5 };
    });
    const color = PALETTE[i % PALETTE.length]!;
    const none =
      role.noCapacity.length === 0 ? '' : ` (${role.noCapacity.length} with no capacity)`;
    const headline =
      role.saturated.length === 0
        ? `${label} (${role.stage.label}): not capacity-bound`
        : `${label} (${role.stage.label}): capacity-bound in ${role.saturated.length} of ${T} months${none}; ${formatCount(role.lost)} items lost from the queue (mean)`;
    return {
      title: {
        text: headline,
        anchor: 'start' as const,
        fontSize: 13,
        fontWeight: 'bold' as const,
      },
      height: PANEL_HEIGHT,
      layer: [
        {
          data: { values: bound },
          // Grey, not a colour of the roles' bands or of the targets.
          mark: { type: 'rect' as const, color: COLORS.muted, opacity: 0.16 },
          encoding: {
            x: { field: 'start', type: 'temporal' as const },
            x2: { field: 'end' },
            tooltip: [
              { field: 'period', type: 'nominal' as const, title: 'Capacity-bound' },
              { field: 'why', type: 'nominal' as const, title: 'Why' },
            ],
          },
        },
        ...(unstaffed.length === 0
          ? []
          : [
              {
                data: { values: unstaffed },
                mark: {
                  type: 'text' as const,
                  color: COLORS.muted,
                  fontSize: 11,
                  fontStyle: 'italic',
                },
                encoding: {
                  x: { field: 'at', type: 'temporal' as const },
                  y: { field: 'y', type: 'quantitative' as const },
                  text: { field: 'text' },
                },
              },
            ]),
        {
          data: { values: rows },
          encoding: { x: monthX(result.periods) },
          layer: [
            {
              mark: { type: 'area' as const, color, opacity: 0.2 },
              encoding: {
                y: {
                  field: 'p10',
                  type: 'quantitative' as const,
                  title: 'Utilisation',
                  axis: { format: '.0%', tickCount: 4 },
                  scale: { domain: [0, 1] },
                },
                y2: { field: 'p90' },
              },
            },
            {
              mark: { type: 'line' as const, color, point: { size: 30, color } },
              encoding: {
                y: { field: 'p50', type: 'quantitative' as const },
                tooltip: [
                  { field: 'period', type: 'nominal' as const, title: 'Month' },
                  { field: 'p10', type: 'quantitative' as const, title: 'P10', format: '.1%' },
                  { field: 'p50', type: 'quantitative' as const, title: 'Median', format: '.1%' },
                  { field: 'p90', type: 'quantitative' as const, title: 'P90', format: '.1%' },
                ],
              },
            },
          ],
        },
      ],
    };
  });
  return finishChart(result, model, {
    name: 'team',
    title: 'Team capacity: where it binds',
    meaning: [
      'utilisation = items taken on / items the role could take on; line: median, band: P10–P90 across trials',
      `shaded: capacity-bound months (median utilisation ≥ ${formatPercent(SATURATED_UTILISATION)}, or no capacity: in most trials items waited in the queue)`,
    ],
    body: { vconcat: panels, spacing: 18 },
  });
}
