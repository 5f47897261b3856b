/**
 * Slashed dates read in the one order a file allows. `03/04/2026` could be 3 April or
 * 4 March; a file whose other dates include `03/14/2026` can only mean month first, since day
 * first would make 14 a month. When a reader in `auto` mode refuses dates as ambiguous, the
 * file is scanned for such proof: if its slashed dates all allow one order, it is read again
 * in that order; if some prove day first and others month first, that is the one problem
 * reported. The scan runs only for files with ambiguous dates.
 */
import { type Diagnostic, fail, type Result } from '../util/result.js';
import { type CellRef, MAX_CSV_ERRORS, streamCsv } from './csv-stream.js';
import { hmsg } from './messages.js';
import { AMBIGUOUS_DATE, type DateOrder, slashedOrder } from './parse-values.js';

/** The first cell that proves each order, if any. */
interface Shown {
  dmy: (CellRef & { text: string }) | null;
  mdy: (CellRef & { text: string }) | null;
}

/** The first cells of `path`'s date columns that prove day-first and month-first order. */
async function ordersShown(
  path: string,
  display: string,
  isDateColumn: (name: string) => boolean,
): Promise<Shown> {
  const shown: Shown = { dmy: null, mdy: null };
  let columns: { index: number; name: string }[] = [];
  await streamCsv(
    path,
    display,
    (fields) => {
      columns = fields
        .map((f, index) => ({ index, name: f.trim() }))
        .filter((c) => isDateColumn(c.name.toLowerCase()));
      return [];
    },
    ({ fields, line, row }) => {
      if (shown.dmy !== null && shown.mdy !== null) return [];
      for (const c of columns) {
        const text = fields[c.index] ?? '';
        const order = slashedOrder(text);
        if (order !== null && shown[order] === null)
          shown[order] = { line, row, column: c.name, text: text.trim() };
      }
      return [];
    },
  );
  return shown;
}

/**
 * Runs `read` with `dates`; when that is `auto` (or not given) and the read refused slashed
 * dates as ambiguous, runs it again in the order the file's own dates prove (see the module
 * doc), or reports that they prove both.
 * @example await withDateOrder('deals.csv', 'deals.csv', undefined, (n) => n === 'created', (d) => readOnce(d))
 */
export async function withDateOrder<T>(
  path: string,
  display: string,
  dates: DateOrder | undefined,
  isDateColumn: (lowerName: string) => boolean,
  read: (dates: DateOrder) => Promise<Result<T>>,
): Promise<Result<T>> {
  const first = await read(dates ?? 'auto');
  if (first.ok || (dates !== undefined && dates !== 'auto')) return first;
  if (!first.errors.some((d) => d.message.startsWith(`expected ${AMBIGUOUS_DATE}`))) return first;
  const shown = await ordersShown(path, display, isDateColumn);
  if (shown.dmy !== null && shown.mdy !== null) {
    const both: Diagnostic = {
      file: display,
      line: null,
      path: '',
      message: hmsg.bothDateOrders(shown.dmy, shown.mdy),
    };
    return fail([both, ...first.errors].slice(0, MAX_CSV_ERRORS));
  }
  const order = shown.dmy !== null ? 'dmy' : shown.mdy !== null ? 'mdy' : null;
  return order === null ? first : read(order);
}
