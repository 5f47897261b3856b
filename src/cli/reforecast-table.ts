/**
 * The terminal summary of a reforecast: the forecast table with the quarters the actuals
 * cover marked, what is booked to date, the horizon against the plan's own forecast, and
 * what the actuals changed (open pipeline, rates, lead levels) with the notes.
 */
import type { ForecastResult } from '../analysis/types.js';
import { formatCompact as compact, formatError, formatPercent } from '../charts/format.js';
import type { ReforecastResult } from '../history/reforecast/reforecast.js';
import { forecastTable } from './forecast-table.js';

const pct = (x: number, d = 1) => formatPercent(x, d);

/**
 * Quarter labels marked by how many of their months the actuals cover: `FY2027 Q1 (actual)`,
 * `FY2027 Q3 (1 of 3 actual)`.
 * @example markQuarters(result, 4)[1] // 'FY2027 Q2 (1 of 3 actual)'
 */
export function markQuarters(f: ForecastResult, k: number): string[] {
  return f.quarters.map((q, i) => {
    const first = 3 * i;
    const n = Math.min(3, f.periods.length - first);
    const actual = Math.max(0, Math.min(n, k - first));
    return actual === 0 ? q : actual === n ? `${q} (actual)` : `${q} (${actual} of ${n} actual)`;
  });
}

/** Renders the terminal summary of a reforecast, with the plan's forecast when given. */
export function reforecastTable(r: ReforecastResult, plan?: ForecastResult): string {
  const f = r.forecast;
  const k = r.actuals.periods;
  const first = f.periods[0];
  const lines = [
    `reforecast from actuals ${first} … ${r.actuals.through} (${k} of ${f.periods.length} months; ${r.actuals.file})`,
    forecastTable({ ...f, quarters: markQuarters(f, k) }).trimEnd(),
    '',
  ];
  let booked = 0;
  for (let t = 0; t < k; t++) booked += f.metrics.new_bookings.periods[t]!.mean;
  let repeat = 0;
  for (let t = 0; t < k; t++) repeat += f.metrics.repeat_bookings.periods[t]!.mean;
  lines.push(
    `booked to date: ${compact(booked)} of new business (actuals)${repeat > 0 ? ` + ${compact(repeat)} of repeat business (simulated: the actuals do not carry it)` : ''}`,
  );
  const b = f.metrics.bookings.total;
  const width = (s: { p10: number; p90: number }) => compact(s.p90 - s.p10);
  if (plan !== undefined) {
    const p = plan.metrics.bookings.total;
    const t = plan.targets.bookings;
    const tr = f.targets.bookings;
    lines.push(
      `horizon bookings P10–P90: plan ${compact(p.p10)} – ${compact(p.p90)} (width ${width(p)}), with actuals ${compact(b.p10)} – ${compact(b.p90)} (width ${width(b)})`,
    );
    if (t !== undefined && tr !== undefined)
      lines.push(
        `P(bookings ≥ ${compact(t.value)}): plan ${pct(t.probability)}, with actuals ${pct(tr.probability)} ± ${formatError(tr.se, pct)}`,
      );
  }
  const open = r.pipeline
    .filter((s) => Math.round(s.taken) + Math.round(s.queued) > 0)
    .map(
      (s) =>
        `${s.stage} ${compact(Math.round(s.taken))}${s.queued >= 0.5 ? ` (+${compact(Math.round(s.queued))} queued)` : ''}`,
    );
  lines.push(
    `open pipeline at ${f.periods[k]}: ${compact(r.pipelineItems)} items${open.length > 0 ? ` — ${open.join(', ')}` : ''}`,
  );
  for (const u of r.rates) {
    if (u.method === 'fixed') continue;
    lines.push(
      `${u.path}: ${pct(u.prior.mean)} → ${pct(u.posterior.mean)} (${compact(u.successes)} of ${compact(u.trials)} expected to resolve)`,
    );
  }
  for (const m of r.leads)
    lines.push(
      `lead level of ${m.market} for the rest of the horizon: ${pct(m.level.p50, 0)} of plan (90%: ${pct(m.level.p5, 0)} – ${pct(m.level.p95, 0)}; before the actuals ${pct(m.prior.p5, 0)} – ${pct(m.prior.p95, 0)})`,
    );
  for (const n of r.notes) lines.push(`note: ${n}`);
  return `${lines.join('\n')}\n`;
}
