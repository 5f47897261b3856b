/**
 * The inputs of calibrate and backtest, read and checked together: an optional base
 * scenario (its funnel names the stage columns), the monthly actuals, and an optional deals
 * export read as of the actuals' last month (or `asOf`). Problems throw an
 * {@link InputError} carrying every diagnostic.
 */
import type { Model } from '../model/types.js';
import { loadScenario } from '../scenario/load.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { checkOptionNames, type OptionNames } from '../util/option-names.js';
import { InputError } from '../util/result.js';
import { hmsg } from './messages.js';
import { type DateOrder, parseMonth } from './parse-values.js';
import { readActuals } from './read-actuals.js';
import { type DealStats, readDeals } from './read-deals.js';
import type { Actuals } from './types.js';

/** Where the inputs are and how to read them; display names are what messages show. */
export interface HistoryInputs {
  readonly actuals: { readonly path: string; readonly display?: string };
  readonly deals?: { readonly path: string; readonly display?: string } | null;
  readonly scenario?: { readonly path: string; readonly display?: string } | null;
  /**
   * Last month the deals export covers in full, `YYYY-MM` (default: the actuals' last). Only
   * with `deals`: given without them it is refused, as nothing would use it.
   */
  readonly asOf?: string | null;
  readonly dates?: DateOrder;
}

/** The inputs, read. */
export interface LoadedHistory {
  readonly actuals: Actuals;
  readonly deals: DealStats | null;
  readonly base: { readonly model: Model; readonly text: string; readonly file: string } | null;
}

const HISTORY_INPUTS: OptionNames<HistoryInputs> = {
  actuals: true,
  deals: true,
  scenario: true,
  asOf: true,
  dates: true,
};
const FILE_INPUT: OptionNames<HistoryInputs['actuals']> = { path: true, display: true };

/**
 * Refuses a name `inputs` or one of its files does not take (`{ deal: … }` would otherwise
 * calibrate without the deals, without a word), before any file is read.
 */
function checkInputNames(inputs: HistoryInputs): void {
  checkArgument('loadHistory', 'inputs', inputs, ARG.historyInputs);
  checkOptionNames('loadHistory', inputs, HISTORY_INPUTS, '', 'inputs');
  for (const key of ['actuals', 'deals', 'scenario'] as const) {
    const file = inputs[key];
    // The actuals are required; the deals and the base scenario may be left out (or null).
    if (key !== 'actuals' && (file === null || file === undefined)) continue;
    checkArgument('loadHistory', `inputs.${key}`, file, ARG.historyFile);
    checkOptionNames('loadHistory', file, FILE_INPUT, '', `inputs.${key}`);
    checkArgument('loadHistory', `inputs.${key}.path`, file?.path, ARG.path);
  }
  if (inputs.asOf !== undefined && inputs.asOf !== null)
    checkArgument('loadHistory', 'inputs.asOf', inputs.asOf, ARG.monthLabel);
}

/**
 * The as-of month, checked before any file is read: a month such as 2026-12, and only with
 * a deals export (it says how far the export reaches; nothing else uses it).
 */
function checkAsOf(inputs: HistoryInputs): number | null {
  if (inputs.asOf === undefined || inputs.asOf === null) return null;
  const problem = (message: string) =>
    new InputError([{ file: '--as-of', line: null, path: '', message }]);
  const m = parseMonth(inputs.asOf);
  if (typeof m !== 'number') throw problem(hmsg.badCell('a month such as 2026-12', inputs.asOf));
  if (!inputs.deals) throw problem(hmsg.asOfWithoutDeals);
  return m;
}

/**
 * Reads the base scenario, the actuals and the deals (in that order: each needs the one before).
 * @throws InputError with every problem of a file, or naming an input it does not take
 * (`loadHistory: inputs.deal: ✖ unknown option deal; did you mean deals? …`).
 * @example const h = await loadHistory({ actuals: { path: 'actuals.csv' } });
 */
export async function loadHistory(inputs: HistoryInputs): Promise<LoadedHistory> {
  checkInputNames(inputs);
  const asOfGiven = checkAsOf(inputs);
  let base: LoadedHistory['base'] = null;
  if (inputs.scenario) {
    const file = inputs.scenario.display ?? inputs.scenario.path;
    const { model, text } = await loadScenario(inputs.scenario.path, { displayName: file });
    base = { model, text, file };
  }
  const a = await readActuals(inputs.actuals.path, {
    ...(inputs.actuals.display === undefined ? {} : { display: inputs.actuals.display }),
    ...(base ? { stages: base.model.stages.map((s) => s.id) } : {}),
    ...(inputs.dates === undefined ? {} : { dates: inputs.dates }),
  });
  if (!a.ok) throw new InputError(a.errors);
  const actuals = a.value;
  if (actuals.periods.length < 2)
    throw new InputError([
      {
        file: actuals.file,
        line: null,
        path: '',
        message: hmsg.tooFewPeriods(actuals.periods.length, 2),
      },
    ]);
  let deals: DealStats | null = null;
  if (inputs.deals) {
    const asOf = asOfGiven ?? (parseMonth(actuals.periods.at(-1)!) as number);
    const d = await readDeals(inputs.deals.path, {
      ...(inputs.deals.display === undefined ? {} : { display: inputs.deals.display }),
      stages: actuals.stages,
      inferEnds: base === null,
      asOf,
      ...(inputs.dates === undefined ? {} : { dates: inputs.dates }),
    });
    if (!d.ok) throw new InputError(d.errors);
    deals = d.value;
    // without a scenario, the deals name the first and last stages
    return { actuals: { ...actuals, stages: deals.stages }, deals, base };
  }
  return { actuals, deals, base };
}
