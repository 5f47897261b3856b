/**
 * Reads monthly actuals (docs/data-formats.md, "Monthly actuals"): one row per period,
 * channel and market with spend, leads, arrivals at each middle stage, wins and bookings.
 * Streamed; every problem is a diagnostic naming the file, line, row and column.
 */
import { NAME_PATTERN } from '../scenario/schema-parts.js';
import { ARG } from '../util/argument-kinds.js';
import { argumentProblem } from '../util/arguments.js';
import { type OptionNames, optionNamesProblem } from '../util/option-names.js';
import type { Diagnostic, Result } from '../util/result.js';
import { fail, ok } from '../util/result.js';
import { type CellRef, type CsvRecord, cellDiagnostic, streamCsv } from './csv-stream.js';
import { withDateOrder } from './date-order.js';
import { hmsg } from './messages.js';
import { type DateOrder, monthLabel, parseMonth, parseNumber } from './parse-values.js';
import type { Actuals, ActualsCohort } from './types.js';

/**
 * Months from the file's start within which items in flight at the start (that entered a
 * stage before the file's first month) are taken to reach the next stage: the longest lag
 * calibrate fits from monthly arrivals. The stage-totals check counts a stage's arrivals
 * only from this month of the file on.
 */
export const IN_FLIGHT_MONTHS = 6;

/** The columns every actuals file has, in the order written. */
export const ACTUALS_FIXED = ['period', 'channel', 'market', 'spend', 'leads', 'wins', 'bookings'];

/** Options of {@link readActuals}. */
export interface ReadActualsOptions {
  /** File name in messages (default: the path). */
  readonly display?: string;
  /** The funnel's stage ids, first to last (from a scenario); the middle ones must be the file's stage columns. */
  readonly stages?: readonly string[];
  /** How `a/b/yyyy` periods are read (default auto: in the one order the file allows; date-order.ts). */
  readonly dates?: DateOrder;
  /**
   * Whether to refuse a stage that receives more items from the file's
   * {@link IN_FLIGHT_MONTHS}th month on than the stage before it received over the whole file
   * (default true): items in flight at the start explain an excess only in the first months.
   * A reforecast checks totals itself, counting the scenario's opening pipeline.
   */
  readonly stageTotals?: boolean;
}

const READ_ACTUALS_OPTIONS: OptionNames<ReadActualsOptions> = {
  display: true,
  stages: true,
  dates: true,
  stageTotals: true,
};

interface Pending {
  readonly row: number;
  readonly line: number;
  /** spend, arrivals (leads, middle stages…, wins), bookings */
  readonly values: Float64Array;
}

/**
 * Streams an actuals CSV into {@link Actuals}, or every problem found; an option it does not
 * take is the one problem, found before the file is read (`readActuals: options.dispaly: ✖
 * unknown option dispaly; did you mean display? …`).
 * @example const r = await readActuals('scenarios/history/b2b-actuals.csv');
 */
export async function readActuals(
  path: string,
  opts: ReadActualsOptions = {},
): Promise<Result<Actuals>> {
  const bad =
    argumentProblem('readActuals', 'path', path, ARG.path) ??
    optionNamesProblem('readActuals', opts, READ_ACTUALS_OPTIONS);
  if (bad !== null) return fail([bad]);
  return withDateOrder(
    path,
    opts.display ?? path,
    opts.dates,
    (name) => name === 'period',
    (dates) => readActualsOnce(path, { ...opts, dates }),
  );
}

/** {@link readActuals} with its arguments checked, in one reading of the file. */
async function readActualsOnce(path: string, opts: ReadActualsOptions): Promise<Result<Actuals>> {
  const file = opts.display ?? path;
  let col: Record<string, number> = {};
  let middle: string[] = [];
  let names: string[] = [];
  const cohorts = new Map<
    string,
    { channel: string; market: string; rows: Map<number, Pending> }
  >();
  let previous = Number.NEGATIVE_INFINITY;

  const onHeader = (fields: readonly string[], line: number): Diagnostic[] => {
    names = fields.map((f) => f.trim());
    const lower = names.map((n) => n.toLowerCase());
    const errors: Diagnostic[] = [];
    lower.forEach((n, i) => {
      if (lower.indexOf(n) !== i)
        errors.push({ file, line, path: `column ${names[i]}`, message: hmsg.duplicateColumn(n) });
    });
    const missing = ACTUALS_FIXED.filter((c) => !lower.includes(c));
    if (missing.length > 0)
      errors.push({ file, line, path: '', message: hmsg.missingColumns(missing, names) });
    col = Object.fromEntries(lower.map((n, i) => [n, i]));
    middle = names.filter((_, i) => !ACTUALS_FIXED.includes(lower[i]!));
    if (opts.stages !== undefined && errors.length === 0) {
      const want = opts.stages.slice(1, -1);
      // Column names carry no case (docs/data-formats.md): MQL matches the funnel's mql, and
      // from here on the stage is called by the scenario's own id.
      if (
        want.length !== middle.length ||
        want.some((s, i) => s.toLowerCase() !== middle[i]!.toLowerCase())
      )
        errors.push({ file, line, path: '', message: hmsg.stageColumns(middle, want) });
      else middle = [...want];
    }
    for (const m of middle) {
      if (!NAME_PATTERN.test(m))
        errors.push({ file, line, path: `column ${m}`, message: hmsg.badName(m) });
    }
    return errors;
  };

  const onRecord = ({ fields, line, row, decimalComma }: CsvRecord) => {
    const errors: Diagnostic[] = [];
    const at = (column: string): CellRef => ({ line, row, column });
    const text = (name: string) => fields[col[name]!] ?? '';
    const month = parseMonth(text('period'), opts.dates);
    if (month === null)
      errors.push(cellDiagnostic(file, at('period'), hmsg.emptyCell('a month such as 2026-03')));
    else if (typeof month !== 'number')
      errors.push(cellDiagnostic(file, at('period'), hmsg.badCell(month.error, text('period'))));
    const ids: string[] = [];
    for (const name of ['channel', 'market']) {
      const v = text(name).trim();
      if (!NAME_PATTERN.test(v)) errors.push(cellDiagnostic(file, at(name), hmsg.badName(v)));
      ids.push(v);
    }
    const columns = ['spend', 'leads', ...middle.map((m) => m.toLowerCase()), 'wins', 'bookings'];
    const values = new Float64Array(columns.length);
    columns.forEach((name, i) => {
      const shown = i >= 2 && i < columns.length - 2 ? middle[i - 2]! : name;
      const raw = text(name);
      const v = parseNumber(raw, decimalComma);
      if (v === null) errors.push(cellDiagnostic(file, at(shown), hmsg.emptyCell('a number')));
      else if (typeof v !== 'number')
        errors.push(cellDiagnostic(file, at(shown), hmsg.badCell(v.error, raw)));
      else if (v < 0) errors.push(cellDiagnostic(file, at(shown), hmsg.negative(v)));
      else if (i >= 1 && i < columns.length - 1 && !Number.isInteger(v))
        errors.push(cellDiagnostic(file, at(shown), hmsg.notWhole(v)));
      else values[i] = v;
    });
    if (typeof month === 'number') {
      if (month < previous)
        errors.push(
          cellDiagnostic(
            file,
            at('period'),
            hmsg.outOfOrder(monthLabel(month), monthLabel(previous)),
          ),
        );
      previous = Math.max(previous, month);
    }
    if (errors.length > 0 || typeof month !== 'number') return errors;
    const key = `${ids[0]}\u0000${ids[1]}`;
    let c = cohorts.get(key);
    if (c === undefined) {
      c = { channel: ids[0]!, market: ids[1]!, rows: new Map() };
      cohorts.set(key, c);
    }
    const first = c.rows.get(month);
    if (first !== undefined)
      return [
        cellDiagnostic(
          file,
          at('period'),
          hmsg.duplicatePeriod(monthLabel(month), c.channel, c.market, first.row),
        ),
      ];
    c.rows.set(month, { row, line, values });
    return [];
  };

  const errors = await streamCsv(path, file, onHeader, onRecord);
  if (errors.length > 0) return fail(errors);
  if (cohorts.size === 0) return fail([{ file, line: null, path: '', message: hmsg.noRows }]);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const c of cohorts.values())
    for (const m of c.rows.keys()) {
      lo = Math.min(lo, m);
      hi = Math.max(hi, m);
    }
  const T = hi - lo + 1;
  const S = middle.length + 2;
  const out: ActualsCohort[] = [];
  const problems: Diagnostic[] = [];
  for (const c of cohorts.values()) {
    const months = [...c.rows.keys()].sort((a, b) => a - b);
    const first = months[0]!;
    const last = months.at(-1)!;
    for (let m = first; m <= last; m++) {
      if (!c.rows.has(m)) {
        const after = c.rows.get(months.find((x) => x > m)!)!;
        problems.push(
          cellDiagnostic(
            file,
            { line: after.line, row: after.row, column: 'period' },
            hmsg.gap(monthLabel(m), c.channel, c.market),
          ),
        );
      }
    }
    const spend = new Float64Array(T);
    const bookings = new Float64Array(T);
    const arrivals = Array.from({ length: S }, () => new Float64Array(T));
    const present = new Uint8Array(T);
    const source = { line: new Int32Array(T), row: new Int32Array(T) };
    for (const [m, p] of c.rows) {
      const t = m - lo;
      present[t] = 1;
      source.line[t] = p.line;
      source.row[t] = p.row;
      spend[t] = p.values[0]!;
      for (let k = 0; k < S; k++) arrivals[k]![t] = p.values[1 + k]!;
      bookings[t] = p.values[S + 1]!;
    }
    const totals = arrivals.map((a) => a.reduce((x, y) => x + y, 0));
    const late = arrivals.map((a) => a.subarray(IN_FLIGHT_MONTHS).reduce((x, y) => x + y, 0));
    const stageNames = ['leads', ...middle, 'wins'];
    const end = c.rows.get(last)!;
    for (let k = 1; k < S && opts.stageTotals !== false; k++) {
      if (late[k]! > totals[k - 1]!)
        problems.push(
          cellDiagnostic(
            file,
            { line: end.line, row: end.row, column: stageNames[k]! },
            hmsg.stageAboveStageLate(
              stageNames[k]!,
              late[k]!,
              monthLabel(lo + IN_FLIGHT_MONTHS),
              IN_FLIGHT_MONTHS,
              stageNames[k - 1]!,
              totals[k - 1]!,
              c.channel,
              c.market,
            ),
          ),
        );
    }
    out.push({ channel: c.channel, market: c.market, present, spend, arrivals, bookings, source });
  }
  if (problems.length > 0) return fail(problems.slice(0, 20));
  const stages = opts.stages ?? ['lead', ...middle, 'won'];
  return ok({
    file,
    periods: Array.from({ length: T }, (_, t) => monthLabel(lo + t)),
    stages,
    cohorts: out,
  });
}
