/** The readable terminal summary of a forecast: P10/P50/P90 per quarter and horizon, targets. */
import type { ForecastResult } from '../analysis/types.js';
import {
  formatCompact as compact,
  formatError,
  formatPercent,
  formatTrials,
} from '../charts/format.js';
import { table, tooFewTrials } from './format.js';

const percent = (p: number): string => formatPercent(p, 1);
const percentError = (se: number | null): string => formatError(se, percent);

/** Quarters per block of the table: long horizons wrap instead of running off the screen. */
const QUARTERS_PER_BLOCK = 8;

/** Renders the terminal table of a forecast. */
export function forecastTable(r: ForecastResult): string {
  type Q = { p10: number; p50: number; p90: number };
  const block = (from: number, to: number, withTotal: boolean): string => {
    const row = (label: string, qs: readonly Q[] | undefined, total: Q) =>
      (['p10', 'p50', 'p90'] as const).map((p) => [
        `${label} ${p.toUpperCase()}`,
        ...(qs ?? []).slice(from, to).map((q) => compact(q[p])),
        ...(withTotal ? [compact(total[p])] : []),
      ]);
    return table([
      ['', ...r.quarters.slice(from, to), ...(withTotal ? ['horizon'] : [])],
      ...row('bookings', r.quarterly.bookings, r.metrics.bookings.total),
      ...row('wins', r.quarterly.wins, r.metrics.wins.total),
      ...row('profit', r.quarterly.profit, r.metrics.profit.total),
    ]);
  };
  const blocks: string[] = [];
  const Q = r.quarters.length;
  for (let from = 0; from < Q || from === 0; from += QUARTERS_PER_BLOCK) {
    const to = Math.min(Q, from + QUARTERS_PER_BLOCK);
    blocks.push(block(from, to, to === Q));
  }
  const lines = [
    `${r.scenario}${r.variant ? ` — variant ${r.variant}` : ''}: ${formatTrials(r.trials)}, seed ${r.seed}, ${r.sampling} sampling (${r.currency})`,
    '',
    blocks.join('\n\n'),
    '',
    `mean horizon bookings ${compact(r.metrics.bookings.total.mean)} ± ${formatError(r.metrics.bookings.total.se, compact)} (Monte Carlo standard error)`,
  ];
  const t = r.targets;
  if (t.bookings) {
    lines.push(
      `P(bookings ≥ ${compact(t.bookings.value)}) = ${percent(t.bookings.probability)} ± ${percentError(t.bookings.se)}`,
    );
  }
  t.quarterly_detail?.forEach((q, i) => {
    lines.push(
      `P(${r.quarters[i]} bookings ≥ ${compact(q.value)}) = ${percent(q.probability)} ± ${percentError(q.se)}`,
    );
  });
  if (t.profit)
    lines.push(
      `P(profit ≥ ${compact(t.profit.value)}) = ${percent(t.profit.probability)} ± ${percentError(t.profit.se)}`,
    );
  if (r.precision) {
    lines.push(
      `precision: ${formatTrials(r.precision.trials)} for relative SE ${r.precision.achieved.toPrecision(2)} (target ${r.precision.target})`,
    );
  }
  for (const c of r.correlations) {
    lines.push(
      `rank correlation ${c.between[0]} ~ ${c.between[1]}: target ${c.target}, achieved ${c.achieved === null ? 'n/a (one trial)' : c.achieved.toFixed(3)}`,
    );
  }
  if (r.metrics.bookings.total.se === null) lines.push(`n/a: ${tooFewTrials(r.trials)}`);
  return `${lines.join('\n')}\n`;
}
