/**
 * Pieces every chart builder shares: the chart record, titles and subtitles, period
 * rows in long form, and the spec wrapper that applies the house theme. Scenario text
 * (names, ids) only ever lands in data values and literal titles, never in expressions.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PositionDef } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { ForecastResult, Summary } from '../analysis/types.js';
import { houseConfig } from './theme.js';

/** One chart: a file-safe name, a human title, and its Vega-Lite spec. */
export interface ChartSpec {
  /** File-safe identifier, e.g. `fan`, used for `charts/NAME.vl.json`. */
  readonly name: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
}

/** Summary fields carried into chart data (the ones the bands and tooltips use). */
export interface SummaryRow {
  readonly mean: number;
  readonly p10: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
}

/** The band and tooltip fields of a {@link Summary}. */
export function summaryRow(s: Summary): SummaryRow {
  return { mean: s.mean, p10: s.p10, p25: s.p25, p50: s.p50, p75: s.p75, p90: s.p90 };
}

/** `YYYY-MM` → ISO date of the first of the month (parsed by Vega as UTC). */
export function periodDate(period: string): string {
  return `${period}-01`;
}

/** One row per period: `{period, date, …summary}`. */
export function periodRows(
  result: ForecastResult,
  summaries: readonly Summary[],
): (SummaryRow & { period: string; date: string })[] {
  return summaries.map((s, i) => {
    const period = result.periods[i] ?? String(i);
    return { period, date: periodDate(period), ...summaryRow(s) };
  });
}

/** Second subtitle line: how many trials and which seed produced the numbers. */
export function runLine(result: ForecastResult): string {
  const variant = result.variant === null ? '' : ` · variant ${result.variant}`;
  const sampling = result.sampling === 'lhs' ? 'Latin hypercube' : 'random';
  return `${result.trials.toLocaleString('en-US')} trials · seed ${result.seed} · ${sampling} sampling${variant}`;
}

/** The standard subtitle: scenario name, what the marks mean, and the run. */
export function subtitle(result: ForecastResult, meaning: string): string[] {
  return [`${result.scenario} — ${meaning}`, runLine(result)];
}

/** Meaning of the two shaded bands and the line, for fan-style charts. */
export const BAND_MEANING =
  'dark band: middle 50% of trials (P25–P75), light band: middle 80% (P10–P90), line: median';

/** An axis title for money: "Bookings (USD)". */
export function moneyTitle(label: string, currency: string): string {
  return `${label} (${currency})`;
}

/** Month labels: "Jan 2027" on the first tick and in January, "Feb" elsewhere. A fixed expression. */
const MONTH_LABEL_EXPR =
  "utcFormat(datum.value, datum.index == 0 || utcmonth(datum.value) == 0 ? '%b %Y' : '%b')";

/** The x encoding for monthly periods (UTC so no viewer sees the previous month). */
export function monthX(): PositionDef<string> {
  return {
    field: 'date',
    type: 'temporal',
    timeUnit: 'utcyearmonth',
    title: 'Month',
    axis: { tickCount: { interval: 'month', step: 1 }, labelExpr: MONTH_LABEL_EXPR },
  };
}

/** Adds the schema URL and the house theme (for the result's currency) to a spec. */
export function withTheme(result: ForecastResult, spec: TopLevelSpec): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...spec,
    config: houseConfig(result.currency),
  };
}

/** A layer of a layered chart: a unit spec or a nested layer. */
export type Layer = LayerSpec<string> | UnitSpec<string>;

/** Month labels for band (bar) axes, whose values are `YYYY-MM` strings. A fixed expression. */
const MONTH_BAND_LABEL_EXPR =
  "utcFormat(toDate(datum.value + '-01'), datum.index == 0 || substring(datum.value, 5, 7) == '01' ? '%b %Y' : '%b')";

/** The x encoding for monthly bars: one band per `YYYY-MM` period (sorts chronologically). */
export function monthBandX(): PositionDef<string> {
  return {
    field: 'period',
    type: 'ordinal',
    title: 'Month',
    axis: { labelAngle: 0, labelExpr: MONTH_BAND_LABEL_EXPR },
  };
}
