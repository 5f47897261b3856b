/**
 * Streams a CSV file record by record with csv-parse (RFC 4180: quoted fields, doubled
 * quotes, line breaks inside quotes; a UTF-8 byte-order mark is dropped), so a file of any
 * size is read in constant memory. Problems are {@link Diagnostic}s naming the file and the
 * line; the first {@link MAX_CSV_ERRORS} are collected, then reading stops.
 *
 * Fields are separated by commas, or by the separator the header line uses when it holds no
 * comma: semicolons (a spreadsheet saved as CSV where the decimal mark is a comma) or tabs.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse';
import type { Diagnostic } from '../util/result.js';
import { hmsg } from './messages.js';

/** Most problems reported for one file before reading stops. */
export const MAX_CSV_ERRORS = 20;

/** Where a cell sits: the file line its record ends on, the data row (1 = first after the header) and the column. */
export interface CellRef {
  readonly line: number;
  readonly row: number;
  readonly column: string;
}

/**
 * A diagnostic at a cell: `file:line: ✖ message → at row R, column C`.
 * @example cellDiagnostic('h.csv', { line: 3, row: 2, column: 'spend' }, 'expected a number, got "x"')
 */
export function cellDiagnostic(file: string, at: CellRef, message: string): Diagnostic {
  return { file, line: at.line, path: `row ${at.row}, column ${at.column}`, message };
}

/**
 * Where a CSV syntax error sits, as a cell path: the data row being read and, where the
 * parser says, the column — the first missing one of a short row, the first extra one of a
 * long row, the field holding a bad quote.
 * @example syntaxPath(err, 6, ['period', 'channel']) // 'row 6, column channel'
 */
export function syntaxPath(e: CsvError, row: number, names: readonly string[]): string {
  const got = Array.isArray(e.record) ? e.record.length : null;
  const index =
    e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && got !== null
      ? Math.min(got, names.length)
      : typeof e.index === 'number'
        ? e.index
        : null;
  if (index === null || index < 0) return `row ${row}`;
  const column = names[index] ?? `${index + 1} (the header has ${names.length})`;
  return `row ${row}, column ${column}`;
}

/** What separates the fields of a file. */
export type Separator = ',' | ';' | '\t';

/** Bytes read to find the header line's separator (a header longer than this is read as commas). */
const SNIFF_BYTES = 64 * 1024;

/**
 * The separator of a file whose first line is `header`: a comma, unless the line has none and
 * has semicolons (then `;`) or tabs (then a tab).
 * @example separatorOf('period;channel;market') // ';'
 */
export function separatorOf(header: string): Separator {
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  return header.includes('\t') ? '\t' : ',';
}

/** The separator of the file at `path`, from its first line (see {@link separatorOf}). */
async function sniffSeparator(path: string): Promise<Separator> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    const text = head.subarray(0, bytesRead).toString('utf8');
    return separatorOf(text.split('\n', 1)[0]!);
  } finally {
    await file.close();
  }
}

/** What a record handler sees: the fields, its file line and data row. */
export interface CsvRecord {
  readonly fields: readonly string[];
  readonly line: number;
  readonly row: number;
  /** Whether the file's numbers use a decimal comma: its fields are separated by semicolons. */
  readonly decimalComma: boolean;
}

/**
 * Reads `path` (shown as `display`), calling `onHeader` with the first record and `onRecord`
 * with every later one. Either may return diagnostics; reading stops after
 * {@link MAX_CSV_ERRORS} of them. Returns every diagnostic found.
 * @example const errors = await streamCsv('h.csv', 'h.csv', (h) => [], (r) => []);
 */
export async function streamCsv(
  path: string,
  display: string,
  onHeader: (fields: readonly string[], line: number) => Diagnostic[],
  handle: (r: CsvRecord) => Diagnostic[],
): Promise<Diagnostic[]> {
  const whole = (message: string): Diagnostic[] => [
    { file: display, line: null, path: '', message },
  ];
  try {
    const st = await stat(path);
    if (st.isDirectory()) return whole(hmsg.notAFile(display));
  } catch (e) {
    const code = (e as { code?: string }).code;
    return whole(
      code === 'ENOENT' ? hmsg.noSuchFile(display) : hmsg.cannotRead(display, String(code ?? e)),
    );
  }
  let separator: Separator;
  try {
    separator = await sniffSeparator(path);
  } catch (e) {
    return whole(hmsg.cannotRead(display, String((e as { code?: string }).code ?? e)));
  }
  const decimalComma = separator === ';';
  const errors: Diagnostic[] = [];
  let header = true;
  let names: readonly string[] = [];
  let row = 0;
  let stopped = false;
  // Records are handled inside csv-parse's on_record hook and dropped there (returning
  // null), so nothing is buffered and no per-record info object is built.
  const onRecord = (record: string[], context: { lines: number }): null => {
    if (stopped) return null;
    let found: Diagnostic[];
    if (header) {
      header = false;
      names = record.map((f) => f.trim());
      found = onHeader(record, context.lines);
      if (found.length > 0) stopped = true;
    } else {
      row += 1;
      found = handle({ fields: record, line: context.lines, row, decimalComma });
    }
    errors.push(...found);
    if (errors.length >= MAX_CSV_ERRORS) stopped = true;
    return null;
  };
  const source = createReadStream(path);
  const parser = parse({
    bom: true,
    delimiter: separator,
    skip_empty_lines: true,
    on_record: onRecord,
  });
  try {
    await new Promise<void>((done, reject) => {
      source.on('error', reject);
      parser.on('error', reject);
      parser.on('end', done);
      parser.on('data', () => {});
      source.on('data', (chunk) => {
        if (stopped) {
          source.destroy();
          done();
        } else if (!parser.write(chunk)) {
          source.pause();
          parser.once('drain', () => source.resume());
        }
      });
      source.on('end', () => parser.end());
    });
  } catch (e) {
    // The file's problems (its syntax, or reading it) are the user's; anything else thrown
    // while handling a record is a bug of ours and must not pass for bad input.
    if (!(e instanceof CsvError) && typeof (e as { code?: unknown }).code !== 'string') throw e;
    const line = e instanceof CsvError && typeof e.lines === 'number' ? e.lines : null;
    const detail = e instanceof CsvError ? hmsg.csvSyntax(e.code, e.message) : (e as Error).message;
    const path = e instanceof CsvError && !header ? syntaxPath(e, row + 1, names) : '';
    errors.push({ file: display, line, path, message: detail });
  } finally {
    parser.destroy();
    source.destroy();
  }
  if (header && errors.length === 0) errors.push(...whole(hmsg.emptyCsv));
  return errors.slice(0, MAX_CSV_ERRORS);
}
