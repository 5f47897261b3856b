/**
 * Headcount by role, one panel per role: the plan (heads: the starting team plus planned
 * hires; ramped capacity: the same reps weighted by their ramp, in full-rep equivalents,
 * both without attrition) against the simulation (mean reps at month end with the P10–P90
 * band across trials, after leavers, hires and backfills).
 */
import type { ForecastResult } from '../analysis/types.js';
import type { Model, RoleModel } from '../model/types.js';
import { distQuantile } from '../stats/dist-math.js';
import { type ChartSpec, finishChart, monthX, periodDate, uniqueLabels } from './common.js';
import { COLORS } from './theme.js';

/** Height of one role's panel. */
const PANEL_HEIGHT = 130;

/**
 * The plan of one role per period: heads (median starting headcount, rounded, plus hires to
 * date) and ramped capacity in full-rep equivalents (a hire of period s counts ramp[t − s]
 * in period t, and 1 once past the ramp).
 * @example plannedTeam(model, model.roles[0]) // { heads: [7, 7, 9, …], ramped: [7, 7, 7.4, …] }
 */
export function plannedTeam(model: Model, role: RoleModel): { heads: number[]; ramped: number[] } {
  const start = model.params[role.headcount];
  const initial = start === undefined ? 0 : Math.round(distQuantile(start.dist, 0.5));
  const heads: number[] = [];
  const ramped: number[] = [];
  let hired = 0;
  for (let t = 0; t < role.hires.length; t++) {
    hired += role.hires[t] ?? 0;
    heads.push(initial + hired);
    let r = initial;
    for (let s = 0; s <= t; s++) {
      const n = role.hires[s] ?? 0;
      if (n > 0) r += n * (role.ramp[t - s] ?? 1);
    }
    ramped.push(r);
  }
  return { heads, ramped };
}

const SERIES = ['Planned heads', 'Planned ramped capacity', 'Simulated reps (mean)'];

/**
 * One panel per role: planned heads, planned ramped capacity and simulated mean reps with
 * their P10–P90 band. Returns null without roles.
 * @example buildHeadcountChart(result, model)?.name // 'headcount'
 */
export function buildHeadcountChart(result: ForecastResult, model: Model): ChartSpec | null {
  const roles = model.roles.filter((r) => result.roles[r.id] !== undefined);
  if (roles.length === 0) return null;
  const labels = uniqueLabels(roles);
  const panels = roles.map((role) => {
    const plan = plannedTeam(model, role);
    const sim = result.roles[role.id]!.headcount.periods;
    const rows = result.periods.flatMap((period, t) => {
      const date = periodDate(period);
      const s = sim[t];
      return [
        { period, date, series: SERIES[0], value: plan.heads[t] ?? 0 },
        { period, date, series: SERIES[1], value: plan.ramped[t] ?? 0 },
        ...(s === undefined
          ? []
          : [{ period, date, series: SERIES[2], value: s.mean, p10: s.p10, p90: s.p90 }]),
      ];
    });
    return {
      title: {
        text: labels.get(role.id)!,
        anchor: 'start' as const,
        fontSize: 13,
        fontWeight: 'bold' as const,
      },
      height: PANEL_HEIGHT,
      data: { values: rows },
      encoding: { x: monthX(result.periods) },
      layer: [
        {
          transform: [{ filter: { field: 'series', equal: SERIES[2]! } }],
          mark: {
            type: 'area' as const,
            color: COLORS.forecast,
            opacity: 0.18,
            interpolate: 'step-after' as const,
          },
          encoding: {
            y: {
              field: 'p10',
              type: 'quantitative' as const,
              title: 'Reps',
              axis: { format: ',~r', tickCount: 4 },
              scale: { zero: true },
            },
            y2: { field: 'p90' },
          },
        },
        {
          // The planned series have no spread: their tooltip says so instead of "NaN".
          transform: [
            {
              calculate: `isValid(datum.p10) ? format(datum.p10, ',.1f') + ' – ' + format(datum.p90, ',.1f') : 'none (planned)'`,
              as: 'band',
            },
          ],
          mark: { type: 'line' as const, interpolate: 'step-after' as const, point: { size: 24 } },
          encoding: {
            y: { field: 'value', type: 'quantitative' as const },
            color: {
              field: 'series',
              type: 'nominal' as const,
              title: null,
              scale: { domain: SERIES, range: [COLORS.text, COLORS.secondary, COLORS.forecast] },
              legend: { symbolType: 'stroke', symbolStrokeWidth: 2.5 },
            },
            strokeDash: {
              field: 'series',
              type: 'nominal' as const,
              scale: {
                domain: SERIES,
                range: [
                  [6, 3],
                  [2, 2],
                  [1, 0],
                ],
              },
            },
            tooltip: [
              { field: 'period', type: 'nominal' as const, title: 'Month' },
              { field: 'series', type: 'nominal' as const, title: 'Series' },
              { field: 'value', type: 'quantitative' as const, title: 'Reps', format: ',.1f' },
              { field: 'band', type: 'nominal' as const, title: 'P10 – P90' },
            ],
          },
        },
      ],
    };
  });
  return finishChart(result, model, {
    name: 'headcount',
    title: 'Headcount: plan and simulation',
    meaning: [
      'plan without attrition: heads (starting team + hires), ramped capacity (hires counted by their ramp)',
      'simulation: mean reps at month end, band P10–P90 across trials (attrition, hires, backfill)',
    ],
    body: {
      vconcat: panels,
      spacing: 18,
      resolve: { scale: { color: 'shared', strokeDash: 'shared' } },
    },
  });
}
