/**
 * Every user-facing text of the history layer (CSV inputs, calibrate, backtest), in one
 * place: what was expected and what was found. Cell values are quoted only from the cell
 * that is wrong, never from id or customer columns.
 */

const quote = (v: string): string => JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}…` : v);

const CSV_CODES: Record<string, string> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'the row has a different number of fields than the header',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (a " without its closing ")',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a field is not doubled ("" inside quotes)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text follows a closing quote',
};

/** Every message of the history layer, by situation. */
export const hmsg = {
  noSuchFile: (file: string) => `cannot read ${file}: no such file`,
  notAFile: (file: string) => `cannot read ${file}: it is a directory, not a file`,
  cannotRead: (file: string, why: string) => `cannot read ${file}: ${why}`,
  calibrateBase: (got: unknown) => {
    const keys =
      got !== null && typeof got === 'object' ? Object.keys(got).slice(0, 6).join(', ') : null;
    const loaded = keys !== null && 'model' in (got as object);
    return `expected the base scenario's compiled model (loadModel(file), or loadHistory's base.model), got ${keys === null ? `${typeof got} ${String(got).slice(0, 40)}` : `an object with ${keys || 'no fields'}`}${loaded ? ": pass base.model, not loadHistory's base itself" : ''}`;
  },
  backtestTooShort: (months: number, horizon: number) =>
    `the history has ${months} months; a backtest ${horizon} months ahead needs at least ${horizon + 3}`,
  emptyCsv: 'the file is empty: expected a header line and at least one row',
  noRows: 'the file has a header but no rows',
  csvSyntax: (code: string, detail: string) =>
    `CSV syntax error: ${CSV_CODES[code] ?? detail.replace(/^Invalid [^:]*: /, '')}`,
  missingColumns: (missing: readonly string[], found: readonly string[]) =>
    `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the header has ${found.join(', ')}`,
  duplicateColumn: (name: string) => `the column ${quote(name)} appears twice in the header`,
  badCell: (what: string, got: string) => `expected ${what}, got ${quote(got)}`,
  bothDateOrders: (
    dmy: { row: number; column: string; text: string },
    mdy: { row: number; column: string; text: string },
  ) =>
    `expected slashed dates in one order, got day first (${quote(dmy.text)} at row ${dmy.row}, column ${dmy.column}) and month first (${quote(mdy.text)} at row ${mdy.row}, column ${mdy.column}); pass --dates dmy or --dates mdy to say how to read the others`,
  emptyCell: (what: string) => `expected ${what}, got an empty cell`,
  negative: (got: number) => `expected a count or amount ≥ 0, got ${got}`,
  notWhole: (got: number) => `expected a whole number of items, got ${got}`,
  badName: (got: string) =>
    `expected a name that starts with a letter or _ and holds only letters, digits, _ and - (as scenario ids), got ${quote(got)}`,
  repeatedDeal: (firstRow: number) =>
    `this row repeats the deal id of row ${firstRow}: each deal must appear once (an export joined with another, or a deal on two lines?)`,
  duplicatePeriod: (period: string, channel: string, market: string, firstRow: number) =>
    `${period} for channel ${channel}, market ${market} already appears in row ${firstRow}`,
  outOfOrder: (period: string, previous: string) =>
    `periods must not go backwards: ${period} comes after ${previous}; sort the file by period`,
  gap: (period: string, channel: string, market: string) =>
    `no row for ${period} for channel ${channel}, market ${market}, which has rows before and after it; give the month with zeros if nothing happened`,
  stageAboveStage: (
    stage: string,
    total: number,
    previous: string,
    previousTotal: number,
    channel: string,
    market: string,
  ) =>
    `channel ${channel}, market ${market}: ${total} ${stage} over the file but only ${previousTotal} ${previous}; a stage cannot receive more items than the stage before it (are two columns swapped?)`,
  stageAboveStageLate: (
    stage: string,
    late: number,
    from: string,
    months: number,
    previous: string,
    previousTotal: number,
    channel: string,
    market: string,
  ) =>
    `channel ${channel}, market ${market}: ${late} ${stage} from ${from} on but only ${previousTotal} ${previous} over the whole file; items in flight at the file's start reach the next stage within its first ${months} months, so after them a stage cannot receive more items than the stage before it did (are two columns swapped?)`,
  carryoverAtGridTop: (channel: string, carryover: number) =>
    `channel ${channel}: carryover ${carryover} fitted, the largest the fit tries: a value at the edge of the grid is only loosely pinned by the history (with steady spend it trades off against the response's level)`,
  aboveInFlight: (stage: string, previous: string, cohorts: readonly string[]) =>
    `more ${stage} than ${previous} over the file for ${cohorts.join('; ')}: taken as items in flight at the file's start; if none were, two columns may be swapped`,
  stageColumns: (file: readonly string[], scenario: readonly string[]) =>
    `the stage columns between leads and wins are ${file.length > 0 ? file.join(', ') : 'none'}, but the scenario's funnel has ${scenario.length > 0 ? scenario.join(', ') : 'none'} between its first and last stage`,
  unknownStage: (got: string, known: readonly string[]) =>
    `expected a stage of the funnel (${known.join(', ')}), got ${quote(got)}`,
  unknownOutcome: (got: string) => `expected won, lost or open, got ${quote(got)}`,
  wonNotLast: (stage: string, last: string) =>
    `a won deal has reached the last stage ${last}, but its stage is ${quote(stage)}`,
  closedOpen: 'an open deal has no closed date; leave closed empty or change the outcome',
  notClosed: (outcome: string) => `a ${outcome} deal needs its closed date`,
  dateBefore: (what: string, before: string) =>
    `the ${what} date is before the ${before} date: dates must not go backwards along a deal`,
  afterAsOf: (what: string, asOf: string) =>
    `the ${what} date is after the end of the history (${asOf}); pass --as-of if the export is newer`,
  asOfWithoutDeals:
    'the as-of month says how far the deals export reaches, and no deals export is given (--deals): leave out --as-of, or pass the export',
  wonNoAmount: 'a won deal needs its amount (> 0)',
  tooFewPeriods: (n: number, need: number) =>
    `the history has ${n} period${n === 1 ? '' : 's'}; this needs at least ${need}`,
  // reforecast: actuals that are valid CSV but do not fit the scenario
  actualsStart: (first: string, start: string) =>
    `the actuals start in ${first}, but the scenario's calendar starts in ${start}: the actuals must begin with the calendar's first month (cut earlier months, or move calendar.start)`,
  actualsBeyond: (period: string, last: string, periods: number) =>
    `${period} is past the scenario's calendar, which ends in ${last} (${periods} months): the actuals cover the months before the rest of the horizon is forecast`,
  actualsWhole: (periods: number) =>
    `the actuals cover all ${periods} months of the scenario's calendar: nothing is left to forecast (lengthen calendar.periods, or leave out the last months)`,
  missingPair: (period: string, channel: string, market: string, mix: number, none: boolean) =>
    `channel ${channel}, market ${market} has ${none ? `no rows (first missing month: ${period})` : `no row for ${period}`}, though the plan sends ${Math.round(mix * 1000) / 10}% of the channel's leads there: a missing row is not read as zero; write a row with zeros if there were none`,
  unknownCohort: (
    kind: 'channel' | 'market',
    got: string,
    known: readonly string[],
    hint: string | null,
  ) =>
    `expected a ${kind} of the scenario (${known.join(', ')}), got ${quote(got)}${hint === null ? '' : `; did you mean ${hint}?`}`,
};
