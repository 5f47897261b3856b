/**
 * Pieces every chart builder shares: the chart record, titles and subtitles, period
 * rows in long form, and the spec wrapper that applies the house theme. Scenario text
 * (names, ids) only ever lands in data values and literal titles, never in expressions.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PositionDef } from 'vega-lite/types_unstable/channeldef.js';
import type {
  LayerSpec,
  NonNormalizedSpec,
  UnitSpec,
} from 'vega-lite/types_unstable/spec/index.js';
import type { ForecastResult, Summary } from '../analysis/types.js';
import type { Model } from '../model/types.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { formatTrials } from './format.js';
import { type MonthLabel, monthLabels } from './month-axis.js';
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

/**
 * The run, for the footnote: trials, seed, sampling and the variant's label, e.g.
 * "2,000 trials · seed 2027 · random sampling · variant Hire Q2".
 */
export function runLine(result: ForecastResult, model?: Model): string {
  const variant =
    result.variant === null
      ? ''
      : ` · variant ${model?.variants.find((v) => v.name === result.variant)?.label ?? result.variant}`;
  const sampling = result.sampling === 'lhs' ? 'Latin hypercube' : 'random';
  return `${formatTrials(result.trials)} · seed ${result.seed} · ${sampling} sampling${variant}`;
}

/**
 * The subtitle: scenario name and what the marks mean (a second line when `meaning` has two
 * parts); the run goes to the footnote.
 */
export function subtitle(result: ForecastResult, meaning: string | readonly string[]): string[] {
  const [first = '', ...rest] = typeof meaning === 'string' ? [meaning] : meaning;
  return [`${result.scenario} — ${first}`, ...rest];
}

/** Body of a chart: any Vega-Lite view (unit, layer, concatenation) without title, schema or config. */
export type ChartBody = NonNormalizedSpec;

/** Height of the footnote's view (one line of small text). */
const FOOTNOTE_HEIGHT = 12;

/**
 * The finished chart: title and one-line subtitle on top, the body, and a small footnote
 * with the run (trials, seed, sampling) underneath, where it informs without crowding a
 * slide; the house theme for the result's currency.
 * @example finishChart(result, model, { name: 'fan', title, meaning, body })
 */
export function finishChart(
  result: ForecastResult,
  model: Model | undefined,
  o: {
    readonly name: string;
    readonly title: string;
    readonly meaning: string | readonly string[];
    readonly body: ChartBody;
  },
): ChartSpec {
  return finishWith(
    {
      currency: result.currency,
      scenario: result.scenario,
      run: `${runLine(result, model)} · salesops Monte Carlo forecast`,
    },
    o,
  );
}

/**
 * {@link finishChart} for a chart that is not drawn from one forecast (goal-seek, allocation):
 * the scenario's name and currency and the footnote's text given directly.
 */
export function finishWith(
  run: { readonly currency: string; readonly scenario: string; readonly run: string },
  o: {
    readonly name: string;
    readonly title: string;
    readonly meaning: string | readonly string[];
    readonly body: ChartBody;
  },
): ChartSpec {
  const footnote: ChartBody = {
    width: 1,
    height: FOOTNOTE_HEIGHT,
    data: { values: [{ note: run.run }] },
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'top',
      x: 0,
      y: 0,
      fontSize: 10,
      color: '#777777',
    },
    encoding: { text: { field: 'note', type: 'nominal' } },
  };
  const [first = '', ...rest] = typeof o.meaning === 'string' ? [o.meaning] : o.meaning;
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: o.title, subtitle: [`${run.scenario} — ${first}`, ...rest] },
    vconcat: [o.body, footnote],
    spacing: 10,
    config: houseConfig(run.currency),
  };
  return { name: o.name, title: o.title, spec };
}

/**
 * Display labels by id, made unique: two ids that share a label are told apart by their id.
 * @example uniqueLabels([{ id: 'a', label: 'X' }, { id: 'b', label: 'X' }]) // Map { a → 'X (a)', b → 'X (b)' }
 */
export function uniqueLabels(items: readonly { id: string; label: string }[]): Map<string, string> {
  checkArgument('uniqueLabels', 'items', items, ARG.labelItems);
  const count = new Map<string, number>();
  for (const it of items) count.set(it.label, (count.get(it.label) ?? 0) + 1);
  return new Map(
    items.map((it) => [
      it.id,
      (count.get(it.label) ?? 0) > 1 ? `${it.label} (${it.id})` : it.label,
    ]),
  );
}

/** Meaning of the two shaded bands and the line, for fan-style charts. */
export const BAND_MEANING =
  'dark band: middle 50% of trials (P25–P75), light band: middle 80% (P10–P90), line: median';

/** An axis title for money: "Bookings (USD)". */
export function moneyTitle(label: string, currency: string): string {
  return `${label} (${currency})`;
}

/**
 * A label expression that looks each tick's `YYYY-MM` up in `periods` and prints the label at
 * the same position ('' for a period not listed). Labels are month names and years made here,
 * never scenario text.
 */
function lookupLabelExpr(
  periods: readonly string[],
  labels: readonly MonthLabel[],
  key: string,
): string {
  return `${JSON.stringify(labels)}[indexof(${JSON.stringify(periods)}, ${key})] || ''`;
}

/**
 * The x encoding for monthly periods (UTC so no viewer sees the previous month): a tick on
 * every month, labels as {@link monthLabels} chooses them (the year on the first month and on
 * every January), never thinned by Vega's overlap removal.
 * @example { data, encoding: { x: monthX(result.periods) }, layer }
 */
export function monthX(periods: readonly string[]): PositionDef<string> {
  // ISO dates without a time are read as UTC midnight, as the data's `date` is.
  const values = periods.map(periodDate);
  return {
    field: 'date',
    type: 'temporal',
    timeUnit: 'utcyearmonth',
    title: 'Month',
    axis: {
      values,
      // A number here would let Vega thin the list (to fit a minimum step of 31 days); an
      // interval does not.
      tickCount: { interval: 'month', step: 1 },
      labelExpr: lookupLabelExpr(
        periods,
        monthLabels(periods, 'point'),
        "utcFormat(datum.value, '%Y-%m')",
      ),
      labelOverlap: false,
    },
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

/**
 * The x encoding for monthly bars: one band per `YYYY-MM` period (sorts chronologically),
 * labelled as {@link monthX} is.
 * @example { mark: 'bar', encoding: { x: monthBandX(result.periods), y } }
 */
export function monthBandX(periods: readonly string[]): PositionDef<string> {
  return {
    field: 'period',
    type: 'ordinal',
    title: 'Month',
    axis: {
      labelAngle: 0,
      labelExpr: lookupLabelExpr(periods, monthLabels(periods, 'band'), 'datum.value'),
      labelOverlap: false,
    },
  };
}

/**
 * The y encoding of a histogram drawn as the share of trials per bin (field `share`), from 0
 * to `headroom` × the tallest bar, so labels above the bars stay clear of them.
 * @example shareOfTrialsY(0.08, 1.3) // { field: 'share', …, scale: { domain: [0, 0.104], nice: false } }
 */
export function shareOfTrialsY(maxShare: number, headroom: number): PositionDef<string> {
  return {
    field: 'share',
    type: 'quantitative',
    title: 'Share of trials',
    axis: { format: '.0%' },
    scale: { domain: [0, maxShare * headroom], nice: false },
  };
}
