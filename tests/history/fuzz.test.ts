/**
 * The CRM readers never throw: random damage to the sample history files (a bad cell, a
 * dropped or swapped column, a repeated or missing row, a cut file, a BOM, CRLF line ends,
 * another separator) always gives the tallies or diagnostics that name the file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readActuals } from '../../src/history/read-actuals.js';
import { readDeals } from '../../src/history/read-deals.js';
import type { Diagnostic, Result } from '../../src/util/result.js';

const tmp = mkdtempSync(join(tmpdir(), 'salesops-csv-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HISTORY = join(import.meta.dirname, '../../scenarios/history');
const head = (file: string, lines: number) =>
  readFileSync(join(HISTORY, file), 'utf8').split('\n').slice(0, lines);
const ACTUALS = head('b2b-actuals.csv', 61);
const DEALS = head('b2b-deals.csv', 301);

const CELLS = fc.constantFrom(
  '',
  'abc',
  '-5',
  '1e309',
  'NaN',
  '2024-13',
  '13/13/2024',
  '1,234.5',
  '1.234,5',
  '"q"',
  '"unclosed',
  '0',
  '2023-02-30',
  '31/12/2024',
  '$1,000',
  '50%',
  'won',
  'open',
  '\u00a0',
);

/** One edit of a CSV's lines (header first); `at` and `to` pick rows and columns. */
const EDIT = fc.record({
  kind: fc.constantFrom(
    'cell',
    'cell',
    'dropColumn',
    'swapColumns',
    'repeatRow',
    'dropRow',
    'cut',
    'crlf',
    'semicolons',
    'bom',
  ),
  at: fc.noBias(fc.nat({ max: 1_000_000 })),
  to: fc.noBias(fc.nat({ max: 1_000_000 })),
  value: CELLS,
});

type Edit = typeof EDIT extends fc.Arbitrary<infer T> ? T : never;

function damage(lines: readonly string[], edits: readonly Edit[]) {
  let out = [...lines];
  for (const { kind, at, to, value } of edits) {
    const width = out[0]!.split(',').length;
    const row = 1 + (at % Math.max(1, out.length - 1));
    const col = to % width;
    const cells = (l: string) => l.split(',');
    if (kind === 'cell' && out[row] !== undefined) {
      const c = cells(out[row]!);
      c[col] = value;
      out[row] = c.join(',');
    } else if (kind === 'dropColumn') out = out.map((l) => cells(l).toSpliced(col, 1).join(','));
    else if (kind === 'swapColumns') {
      const other = at % width;
      out = out.map((l) => {
        const c = cells(l);
        [c[col], c[other]] = [c[other]!, c[col]!];
        return c.join(',');
      });
    } else if (kind === 'repeatRow' && out[row] !== undefined) out.splice(row, 0, out[row]!);
    else if (kind === 'dropRow') out.splice(row, 1);
    else if (kind === 'cut')
      out = out
        .join('\n')
        .slice(0, at % 4000)
        .split('\n');
    else if (kind === 'crlf') out = out.map((l) => `${l}\r`);
    else if (kind === 'semicolons') out = out.map((l) => l.replaceAll(',', ';'));
    else if (kind === 'bom') out[0] = `\ufeff${out[0]}`;
  }
  return `${out.join('\n')}\n`;
}

/** Ok, or at least one diagnostic, each naming the file and saying something. */
function wellFormed(r: Result<unknown>, file: string): boolean {
  if (r.ok) return true;
  return (
    r.errors.length > 0 &&
    r.errors.every((d: Diagnostic) => d.file === file && d.message.length > 0)
  );
}

describe('the CRM readers never throw', () => {
  it('on damaged monthly actuals', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(EDIT, { minLength: 1, maxLength: 3 }), async (edits) => {
        const path = join(tmp, 'actuals.csv');
        writeFileSync(path, damage(ACTUALS, edits));
        const r = await readActuals(path, { display: 'actuals.csv' });
        if (!r.ok) refused++;
        expect(wellFormed(r, 'actuals.csv')).toBe(true);
      }),
      { seed: 20261203, numRuns: 400 },
    );
    // Both outcomes were exercised: damage is refused, and some damage is harmless.
    expect(refused).toBeGreaterThan(80);
    expect(refused).toBeLessThan(400);
  });

  it('on a damaged deals export', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(EDIT, { minLength: 1, maxLength: 3 }), async (edits) => {
        const path = join(tmp, 'deals.csv');
        writeFileSync(path, damage(DEALS, edits));
        const r = await readDeals(path, {
          display: 'deals.csv',
          stages: ['lead', 'mql', 'sql', 'opportunity', 'won'],
          asOf: 2023 * 12 + 11,
        });
        if (!r.ok) refused++;
        expect(wellFormed(r, 'deals.csv')).toBe(true);
      }),
      { seed: 20261204, numRuns: 400 },
    );
    expect(refused).toBeGreaterThan(80);
    expect(refused).toBeLessThan(400);
  });
});
