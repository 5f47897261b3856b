/**
 * Reads a deal-level CRM export (docs/data-formats.md, "Deal-level export") in one streamed
 * pass, keeping only what calibration needs — per stage: resolved items and advancers (per
 * cohort), times in the stage of resolved items and of open ones (right-censored); per
 * market: won amounts' log moments and a fine histogram; the open items by stage, cohort
 * and age — and a 16-byte fingerprint of each deal id, to refuse a deal given twice. Ids
 * and customer names themselves are never kept.
 */
import { MAX_LAG } from '../scenario/limits.js';
import { NAME_PATTERN } from '../scenario/schema-parts.js';
import { ARG } from '../util/argument-kinds.js';
import { argumentProblem } from '../util/arguments.js';
import { type OptionNames, optionNamesProblem } from '../util/option-names.js';
import type { Diagnostic, Result } from '../util/result.js';
import { fail, ok } from '../util/result.js';
import {
  type CellRef,
  type CsvRecord,
  cellDiagnostic,
  MAX_CSV_ERRORS,
  streamCsv,
} from './csv-stream.js';
import { withDateOrder } from './date-order.js';
import { DealIds } from './deal-ids.js';
import { hmsg } from './messages.js';
import { type DateOrder, monthLabel, parseDate, parseNumber } from './parse-values.js';

/** The columns every deal export has. */
export const DEALS_FIXED = [
  'id',
  'channel',
  'market',
  'created',
  'stage',
  'closed',
  'outcome',
  'amount',
];
/** Most distinct channel × market cohorts a deals file may name. */
export const MAX_DEAL_COHORTS = 10_000;
/** Width, in natural-log units, of the bins of the deal-size histogram. */
export const SIZE_BIN = 0.05;
/** ln of the lower edge of the first deal-size bin (amounts below it land in it). */
export const SIZE_LO = Math.log(0.01);
const SIZE_BINS = Math.ceil((Math.log(1e15) - SIZE_LO) / SIZE_BIN);

/** Counts of one stage's items: how many resolved, how many of those advanced. */
export interface Tally {
  trials: number;
  successes: number;
}

/** What the deals say about the items of one stage (resolving into the next). */
export interface StageStats {
  /** Stage the items are in, and the stage they advance into (named once the file is read). */
  from: string;
  to: string;
  readonly total: Tally;
  /** Per cohort `channel\0market`. */
  readonly byCohort: Map<string, Tally>;
  /** Resolved items by whole periods spent in the stage (entry month to resolution month). */
  readonly events: Float64Array;
  /** Open items by the periods they are known to have stayed: lag ≥ index. */
  readonly censored: Float64Array;
  /** Items whose time in the stage is unknown (a missing stage date). */
  undated: number;
  /** Items lost waiting for a rep (`lost_reason` `unworked`): not counted as resolved. */
  unworked: number;
}

/** Won amounts of one market. */
export interface SizeStats {
  n: number;
  sumLog: number;
  sumLog2: number;
  sum: number;
  /** Counts per bin of width {@link SIZE_BIN} in ln(amount), from {@link SIZE_LO}. */
  readonly hist: Float64Array;
}

/** Everything calibration reads from a deals file. */
export interface DealStats {
  readonly file: string;
  readonly rows: number;
  /** Month number of the last period the export covers in full. */
  readonly asOf: number;
  readonly stages: readonly string[];
  /** One per stage but the last. */
  readonly transitions: readonly StageStats[];
  readonly sizes: Map<string, SizeStats>;
  /** Open items by `stage\0channel\0market\0age` (age as of the period after `asOf`). */
  readonly open: Map<string, number>;
  /** Open items of unknown age (their stage date is missing): counted with age 0. */
  readonly openUndated: number;
  /** Whether the file has a `lost_reason` column (so items lost in a queue can be told apart). */
  readonly lostReasons: boolean;
}

/** Options of {@link readDeals}. */
export interface ReadDealsOptions {
  readonly display?: string;
  /** The funnel's stage ids, first to last. */
  readonly stages: readonly string[];
  /**
   * The first and last ids are placeholders (no scenario named them): take them from the
   * file — a stage value that is not a middle stage is the first stage on an item that was not
   * won, and the last stage on a won one.
   */
  readonly inferEnds?: boolean;
  /** Month number of the last period the export covers in full. */
  readonly asOf: number;
  /** How `a/b/yyyy` dates are read (default auto: in the one order the file allows; date-order.ts). */
  readonly dates?: DateOrder;
}

const READ_DEALS_OPTIONS: OptionNames<ReadDealsOptions> = {
  display: true,
  stages: true,
  inferEnds: true,
  asOf: true,
  dates: true,
};

/**
 * Streams a deals CSV into {@link DealStats}, or every problem found; an option it does not
 * take is the one problem, found before the file is read (`readDeals: options.asof: ✖ unknown
 * option asof; did you mean asOf? …`).
 * @example await readDeals('deals.csv', { stages: ['lead', 'sql', 'won'], asOf: 2026 * 12 + 11 })
 */
export async function readDeals(path: string, opts: ReadDealsOptions): Promise<Result<DealStats>> {
  const bad =
    argumentProblem('readDeals', 'path', path, ARG.path) ??
    optionNamesProblem('readDeals', opts, READ_DEALS_OPTIONS) ??
    argumentProblem('readDeals', 'options.stages', opts?.stages, ARG.stageIds) ??
    argumentProblem('readDeals', 'options.asOf', opts?.asOf, ARG.monthNumber);
  if (bad !== null) return fail([bad]);
  const dateColumn = (n: string) => n === 'created' || n === 'closed' || n.startsWith('entered_');
  return withDateOrder(path, opts.display ?? path, opts.dates, dateColumn, (dates) =>
    readDealsOnce(path, { ...opts, dates }),
  );
}

/** {@link readDeals} with its arguments checked, in one reading of the file. */
async function readDealsOnce(path: string, opts: ReadDealsOptions): Promise<Result<DealStats>> {
  const file = opts.display ?? path;
  const ids = [...opts.stages];
  const K = ids.length;
  const named = [!opts.inferEnds, !opts.inferEnds];
  const middle = ids.slice(1, -1);
  const transitions: StageStats[] = ids.slice(0, -1).map((from, i) => ({
    from,
    to: ids[i + 1]!,
    total: { trials: 0, successes: 0 },
    byCohort: new Map(),
    events: new Float64Array(MAX_LAG + 1),
    censored: new Float64Array(MAX_LAG + 2),
    undated: 0,
    unworked: 0,
  }));
  const sizes = new Map<string, SizeStats>();
  const open = new Map<string, number>();
  const cohorts = new Set<string>();
  let openUndated = 0;
  let rows = 0;
  const dealIds = new DealIds();
  let col: Record<string, number | undefined> = {};
  const enteredCol: (number | undefined)[] = [];

  const onHeader = (fields: readonly string[], line: number): Diagnostic[] => {
    const names = fields.map((f) => f.trim());
    const lower = names.map((n) => n.toLowerCase());
    const errors: Diagnostic[] = [];
    lower.forEach((n, i) => {
      if (lower.indexOf(n) !== i)
        errors.push({ file, line, path: `column ${names[i]}`, message: hmsg.duplicateColumn(n) });
    });
    const missing = DEALS_FIXED.filter((c) => !lower.includes(c));
    if (missing.length > 0)
      errors.push({ file, line, path: '', message: hmsg.missingColumns(missing, names) });
    col = Object.fromEntries(lower.map((n, i) => [n, i]));
    middle.forEach((s, i) => {
      enteredCol[i + 1] = col[`entered_${s.toLowerCase()}`];
    });
    return errors;
  };

  const tally = (map: Map<string, Tally>, key: string): Tally => {
    let t = map.get(key);
    if (t === undefined) {
      t = { trials: 0, successes: 0 };
      map.set(key, t);
    }
    return t;
  };

  const onRecord = ({ fields, line, row, decimalComma }: CsvRecord): Diagnostic[] => {
    const errors: Diagnostic[] = [];
    const at = (column: string): CellRef => ({ line, row, column });
    const text = (i: number | undefined) => (i === undefined ? '' : (fields[i] ?? ''));
    const bad = (column: string, message: string) =>
      errors.push(cellDiagnostic(file, at(column), message));
    dealIds.add(text(col.id), line, row);
    const cohort: string[] = [];
    for (const name of ['channel', 'market']) {
      const v = text(col[name]).trim();
      if (!NAME_PATTERN.test(v)) bad(name, hmsg.badName(v));
      cohort.push(v);
    }
    const stageText = text(col.stage).trim();
    const outcomeText = text(col.outcome).trim().toLowerCase();
    const outcome = ['won', 'lost', 'open'].includes(outcomeText) ? outcomeText : null;
    if (outcome === null) bad('outcome', hmsg.unknownOutcome(text(col.outcome)));
    const end = outcome === 'won' ? 1 : 0;
    if (
      !named[end] &&
      outcome !== null &&
      !ids.slice(1, -1).includes(stageText) &&
      NAME_PATTERN.test(stageText)
    ) {
      ids[end === 1 ? K - 1 : 0] = stageText;
      named[end] = true;
    }
    const j = ids.indexOf(stageText);
    if (j < 0) bad('stage', hmsg.unknownStage(stageText, ids));
    if (outcome === 'won' && j >= 0 && j !== K - 1)
      bad('stage', hmsg.wonNotLast(stageText, ids[K - 1]!));
    if (outcome !== 'won' && j === K - 1 && outcome !== null)
      bad('outcome', hmsg.wonNotLast(stageText, ids[K - 1]!));
    const date = (column: string, i: number | undefined, required: boolean): number | null => {
      const raw = text(i);
      const d = parseDate(raw, opts.dates);
      if (d === null) {
        if (required) bad(column, hmsg.emptyCell('a date such as 2026-03-14'));
        return null;
      }
      if ('error' in d) {
        bad(column, hmsg.badCell(d.error, raw));
        return null;
      }
      return d.month * 32 + d.day;
    };
    // entry dates (month·32 + day) of every stage reached; null where unknown
    const entry: (number | null)[] = [date('created', col.created, true)];
    for (let i = 1; i <= Math.min(j, K - 2); i++)
      entry.push(date(`entered_${ids[i]}`, enteredCol[i], false));
    const closed = date('closed', col.closed, outcome === 'won' || outcome === 'lost');
    if (outcome === 'open' && closed !== null) bad('closed', hmsg.closedOpen);
    if (outcome === 'won') entry.push(closed);
    let amount = 0;
    const rawAmount = text(col.amount);
    const a = parseNumber(rawAmount, decimalComma);
    if (a !== null && typeof a !== 'number') bad('amount', hmsg.badCell(a.error, rawAmount));
    else if (typeof a === 'number' && a < 0) bad('amount', hmsg.negative(a));
    else if (outcome === 'won' && !(typeof a === 'number' && a > 0))
      bad('amount', hmsg.wonNoAmount);
    else amount = a ?? 0;
    // dates must not go backwards along the deal, nor pass the end of the history
    const names = ['created', ...ids.slice(1, -1).map((s) => `entered_${s}`), 'closed'];
    let last: { value: number; name: string } | null = null;
    const limit = (opts.asOf + 1) * 32;
    const checks = [...entry.map((v, i) => ({ v, name: i === K - 1 ? 'closed' : names[i]! }))];
    if (outcome === 'lost') checks.push({ v: closed, name: 'closed' });
    for (const { v, name } of checks) {
      if (v === null) continue;
      if (v >= limit) bad(name, hmsg.afterAsOf(name, monthLabel(opts.asOf)));
      else if (last !== null && v < last.value) bad(name, hmsg.dateBefore(name, last.name));
      last = { value: v, name };
    }
    if (errors.length > 0 || j < 0 || outcome === null) return errors;
    rows += 1;
    const key = `${cohort[0]}\u0000${cohort[1]}`;
    cohorts.add(key);
    if (cohorts.size > MAX_DEAL_COHORTS)
      return [
        cellDiagnostic(
          file,
          at('channel'),
          `expected at most ${MAX_DEAL_COHORTS} channel × market pairs in one file`,
        ),
      ];
    const month = (v: number | null) => (v === null ? null : Math.floor(v / 32));
    // stages the item left by advancing
    for (let i = 0; i < Math.min(j, K - 1); i++) {
      const tr = transitions[i]!;
      tr.total.trials += 1;
      tr.total.successes += 1;
      const c = tally(tr.byCohort, key);
      c.trials += 1;
      c.successes += 1;
      const from = month(entry[i]!);
      const to = month(entry[i + 1] ?? null);
      if (from === null || to === null) tr.undated += 1;
      else tr.events[Math.min(MAX_LAG, to - from)]! += 1;
    }
    if (j < K - 1) {
      const tr = transitions[j]!;
      const from = month(entry[j]!);
      const reason = text(col.lost_reason).trim().toLowerCase();
      if (outcome === 'lost' && reason === 'unworked') {
        // never taken on: its lag never started and it never faced the stage's rate
        tr.unworked += 1;
      } else if (outcome === 'lost') {
        tr.total.trials += 1;
        tally(tr.byCohort, key).trials += 1;
        const to = month(closed);
        if (from === null || to === null) tr.undated += 1;
        else tr.events[Math.min(MAX_LAG, to - from)]! += 1;
      } else {
        // open: still in stage j after every period up to asOf → lag ≥ asOf − from + 1
        const age = from === null ? 0 : opts.asOf + 1 - from;
        if (from === null) {
          tr.undated += 1;
          openUndated += 1;
        } else tr.censored[Math.min(MAX_LAG + 1, age)]! += 1;
        const k = `${j}\u0000${key}\u0000${Math.min(MAX_LAG, age)}`;
        open.set(k, (open.get(k) ?? 0) + 1);
      }
    } else {
      let s = sizes.get(cohort[1]!);
      if (s === undefined) {
        s = { n: 0, sumLog: 0, sumLog2: 0, sum: 0, hist: new Float64Array(SIZE_BINS) };
        sizes.set(cohort[1]!, s);
      }
      const l = Math.log(amount);
      s.n += 1;
      s.sumLog += l;
      s.sumLog2 += l * l;
      s.sum += amount;
      s.hist[Math.max(0, Math.min(SIZE_BINS - 1, Math.floor((l - SIZE_LO) / SIZE_BIN)))]! += 1;
    }
    return [];
  };

  const read = await streamCsv(path, file, onHeader, onRecord);
  // A deal counted twice would count its advances, lags and amount twice.
  const repeated = dealIds
    .repeats()
    .map((r) =>
      cellDiagnostic(
        file,
        { line: r.line, row: r.row, column: 'id' },
        hmsg.repeatedDeal(r.firstRow),
      ),
    );
  const errors = [...read, ...repeated].slice(0, MAX_CSV_ERRORS);
  if (errors.length > 0) return fail(errors);
  if (rows === 0) return fail([{ file, line: null, path: '', message: hmsg.noRows }]);
  // the first and last stage may have been named by the file
  transitions.forEach((tr, i) => {
    tr.from = ids[i]!;
    tr.to = ids[i + 1]!;
  });
  return ok({
    file,
    rows,
    asOf: opts.asOf,
    stages: ids,
    transitions,
    sizes,
    open,
    openUndated,
    lostReasons: col.lost_reason !== undefined,
  });
}
