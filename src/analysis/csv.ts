/**
 * Per-period summaries as one long CSV table, one row per (group, name, measure, period):
 * `group` is metric | stage | role | channel | market | quarter; `period` is `YYYY-MM`,
 * a quarter label, or `total` for the horizon. Breakdown rows per period carry the mean
 * and its standard error only (other columns empty). An `sd` or `se` one trial cannot estimate
 * is empty.
 */
import { QUANTILES } from '../defaults.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { csvLine } from '../util/csv.js';
import type { ForecastResult, SeriesSummary, Summary } from './types.js';

const STATS = ['mean', 'sd', 'se', ...QUANTILES.map((q) => `p${Math.round(q * 100)}`)] as const;

// Empty for an sd or standard error one trial cannot estimate (null).
const cell = (v: number | null): number | string => v ?? '';

function summaryFields(s: Summary): (number | string)[] {
  return [s.mean, cell(s.sd), cell(s.se), s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95];
}

/** The CSV text of a forecast (see module doc). */
export function forecastToCsv(result: ForecastResult): string {
  checkArgument('forecastToCsv', 'result', result, ARG.forecast);
  const lines: string[] = [csvLine(['group', 'name', 'measure', 'period', ...STATS])];
  const series = (group: string, name: string, measure: string, s: SeriesSummary) => {
    s.periods.forEach((p, t) => {
      lines.push(csvLine([group, name, measure, result.periods[t]!, ...summaryFields(p)]));
    });
    lines.push(csvLine([group, name, measure, 'total', ...summaryFields(s.total)]));
  };
  for (const [name, s] of Object.entries(result.metrics)) series('metric', name, 'value', s);
  for (const [name, s] of Object.entries(result.stages)) series('stage', name, 'arrivals', s);
  for (const [name, r] of Object.entries(result.roles)) {
    for (const [measure, s] of Object.entries(r)) series('role', name, measure, s as SeriesSummary);
  }
  const empty = STATS.slice(3).map(() => '');
  for (const [group, table] of [
    ['channel', result.channels],
    ['market', result.markets],
  ] as const) {
    for (const [name, b] of Object.entries(table)) {
      for (const measure of ['leads', 'wins', 'bookings'] as const) {
        b.periods[measure].forEach((mean, t) => {
          lines.push(
            csvLine([
              group,
              name,
              measure,
              result.periods[t]!,
              mean,
              '',
              cell(b.periods_se[measure][t]!),
              ...empty,
            ]),
          );
        });
        lines.push(csvLine([group, name, measure, 'total', ...summaryFields(b[measure])]));
      }
    }
  }
  for (const [name, qs] of Object.entries(result.quarterly)) {
    qs.forEach((s, q) => {
      lines.push(csvLine(['quarter', name, 'value', result.quarters[q]!, ...summaryFields(s)]));
    });
  }
  return lines.join('');
}
