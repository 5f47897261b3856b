/**
 * Monthly actuals: the sample file reads back to the synthetic history's counts, and each
 * kind of malformed file is refused with the file, line, row and column.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../src/history/calibrate.js';
import { readActuals } from '../../src/history/read-actuals.js';
import { formatDiagnostic } from '../../src/util/result.js';

const tmp = mkdtempSync(join(tmpdir(), 'salesops-actuals-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADER = 'period,channel,market,spend,leads,sql,wins,bookings';
async function errorsOf(name: string, lines: readonly string[]): Promise<string[]> {
  const path = join(tmp, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  const r = await readActuals(path, { display: name });
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors.map(formatDiagnostic);
}

describe('readActuals', () => {
  it('reads the sample history: 36 contiguous months, the funnel from the columns', async () => {
    const r = await readActuals('scenarios/history/b2b-actuals.csv');
    if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
    expect(r.value.periods[0]).toBe('2024-01');
    expect(r.value.periods).toHaveLength(36);
    expect(r.value.stages).toEqual(['lead', 'mql', 'sql', 'opportunity', 'won']);
    expect(r.value.cohorts.length).toBe(10);
    for (const c of r.value.cohorts) expect([...c.present].every((p) => p === 1)).toBe(true);
  });

  it('reads a file separated by semicolons (decimal commas, month names) or tabs as the same history', async () => {
    // What a German spreadsheet saves as CSV: semicolons between fields, 51.000,00 for
    // 51000.00, months by name (März 2024); and a tab-separated export of the same sheet.
    const original = readFileSync('scenarios/history/b2b-actuals.csv', 'utf8');
    const german =
      'Januar Februar März April Mai Juni Juli August September Oktober November Dezember';
    const european = original
      .replaceAll(',', ';')
      .replace(/(\d+)\.(\d+)/g, (_, whole, frac) => {
        const grouped = String(whole).replace(/\B(?=(\d{3})+$)/g, '.');
        return `${grouped},${frac}`;
      })
      .replace(/^(\d{4})-(\d{2});/gm, (_, y, m) => `${german.split(' ')[+m - 1]} ${y};`);
    expect(european).toContain('\nMärz 2024;paid_search;smb;');
    expect(european).toContain(';51.000,00;');
    const semicolons = join(tmp, 'semicolons.csv');
    writeFileSync(semicolons, `\ufeff${european.replaceAll('\n', '\r\n')}`);
    const tabs = join(tmp, 'tabs.csv');
    writeFileSync(tabs, original.replaceAll(',', '\t'));
    const want = await readActuals('scenarios/history/b2b-actuals.csv');
    for (const path of [semicolons, tabs]) {
      const r = await readActuals(path);
      if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
      expect({ ...r.value, file: '' }, path).toEqual(want.ok ? { ...want.value, file: '' } : null);
    }
    // In a semicolon file, 1,234 is one and a bit, not a thousand: a count must be whole.
    const errors = await errorsOf('comma-count.csv', [
      HEADER.replaceAll(',', ';'),
      '2026-01;ads;smb;1500;1,234;30;4;12000',
    ]);
    expect(errors).toEqual([
      'comma-count.csv:2: ✖ expected a whole number of items, got 1.234 → at row 1, column leads',
    ]);
  });

  it('reads periods written as ambiguous dates in the order the file proves', async () => {
    // 02/01/2026 alone could be 2 January; 01/15/2026 proves month first.
    const path = join(tmp, 'us-periods.csv');
    writeFileSync(
      path,
      `${HEADER}\n01/15/2026,ads,smb,1500,120,30,4,12000\n02/01/2026,ads,smb,1500,100,25,5,15000\n`,
    );
    const r = await readActuals(path);
    if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
    expect(r.value.periods).toEqual(['2026-01', '2026-02']);
  });

  it('reads common spellings: quoted thousands, currency, named months, a BOM, CRLF', async () => {
    const path = join(tmp, 'spellings.csv');
    writeFileSync(
      path,
      `\ufeff${HEADER}\r\nJan 2026,ads,smb,"$1,500.00",120,30,4,"12,000"\r\n2026-02,ads,smb,1500,100,25,5,15000\r\n`,
    );
    const r = await readActuals(path);
    if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
    const c = r.value.cohorts[0]!;
    expect([...c.spend]).toEqual([1500, 1500]);
    expect([...c.arrivals[0]!]).toEqual([120, 100]);
    expect([...c.bookings]).toEqual([12000, 15000]);
    expect(r.value.periods).toEqual(['2026-01', '2026-02']);
  });

  it('names missing columns', async () => {
    const e = await errorsOf('missing.csv', [
      'period,channel,spend,leads,wins',
      '2026-01,ads,1,2,0',
    ]);
    expect(e[0]).toBe(
      'missing.csv:1: ✖ missing columns market, bookings; the header has period, channel, spend, leads, wins',
    );
  });

  it('refuses text in a number column, at its row and column', async () => {
    const e = await errorsOf('text.csv', [HEADER, '2026-01,ads,smb,100,12a,3,1,500']);
    expect(e).toEqual(['text.csv:2: ✖ expected a number, got "12a" → at row 1, column leads']);
  });

  it('refuses duplicate periods, naming the first row', async () => {
    const e = await errorsOf('dup.csv', [
      HEADER,
      '2026-01,ads,smb,100,12,3,1,500',
      '2026-02,ads,smb,100,12,3,1,500',
      '2026-02,ads,smb,100,12,3,1,500',
    ]);
    expect(e).toEqual([
      'dup.csv:4: ✖ 2026-02 for channel ads, market smb already appears in row 2 → at row 3, column period',
    ]);
  });

  it('refuses negative and fractional counts', async () => {
    const e = await errorsOf('neg.csv', [HEADER, '2026-01,ads,smb,100,-12,3.5,1,500']);
    expect(e).toEqual([
      'neg.csv:2: ✖ expected a count or amount ≥ 0, got -12 → at row 1, column leads',
      'neg.csv:2: ✖ expected a whole number of items, got 3.5 → at row 1, column sql',
    ]);
  });

  it('refuses a stage that receives more after the first 6 months than the stage before over the file', async () => {
    const months = Array.from({ length: 8 }, (_, t) => `2026-0${t + 1}`);
    const e = await errorsOf('swap.csv', [
      HEADER,
      ...months.map((m) => `${m},ads,smb,100,3,3,20,500`),
    ]);
    expect(e).toEqual([
      "swap.csv:9: ✖ channel ads, market smb: 40 wins from 2026-07 on but only 24 sql over the whole file; items in flight at the file's start reach the next stage within its first 6 months, so after them a stage cannot receive more items than the stage before it did (are two columns swapped?) → at row 8, column wins",
    ]);
  });

  it('allows more arrivals than the stage before over a short file: items in flight at its start', async () => {
    // the sample's first three months: 7 wins of channel events, market smb, from 6 opportunities
    const path = join(tmp, 'short.csv');
    const lines = readFileSync('scenarios/history/b2b-actuals.csv', 'utf8')
      .split('\n')
      .slice(0, 31);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const r = await readActuals(path);
    if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
    const c = r.value.cohorts.find((x) => x.channel === 'events' && x.market === 'smb')!;
    const total = (k: number) => c.arrivals[k]!.reduce((a, b) => a + b, 0);
    expect(total(4)).toBeGreaterThan(total(3));
    // calibrate takes it, and says so
    const cal = calibrate(r.value, null);
    expect(cal.notes).toContain(
      "more wins than opportunity over the file for channel events, market smb (7 against 6): taken as items in flight at the file's start; if none were, two columns may be swapped",
    );
  });

  it('refuses periods out of order and gaps', async () => {
    const e = await errorsOf('order.csv', [
      HEADER,
      '2026-03,ads,smb,100,12,3,1,500',
      '2026-01,ads,smb,100,12,3,1,500',
    ]);
    expect(e).toEqual([
      'order.csv:3: ✖ periods must not go backwards: 2026-01 comes after 2026-03; sort the file by period → at row 2, column period',
    ]);
    const g = await errorsOf('gap.csv', [
      HEADER,
      '2026-01,ads,smb,100,12,3,1,500',
      '2026-03,ads,smb,100,12,3,1,500',
    ]);
    expect(g[0]).toContain('no row for 2026-02 for channel ads, market smb');
  });

  it('reports CSV syntax errors with their line, row and column, and a missing file', async () => {
    const row = '2026-01,ads,smb,100,12,3,1,500';
    expect(await errorsOf('syntax.csv', [HEADER, row, '2026-02,ads,smb,100,12,3,1'])).toEqual([
      'syntax.csv:3: ✖ CSV syntax error: the row has a different number of fields than the header → at row 2, column bookings',
    ]);
    expect(await errorsOf('long.csv', [HEADER, `${row},9`])).toEqual([
      'long.csv:2: ✖ CSV syntax error: the row has a different number of fields than the header → at row 1, column 9 (the header has 8)',
    ]);
    expect(await errorsOf('quote.csv', [HEADER, row, '2026-02,"ads,smb,100,12,3,1,500'])).toEqual([
      'quote.csv:3: ✖ CSV syntax error: a quoted field is never closed (a " without its closing ") → at row 2, column channel',
    ]);
    const r = await readActuals(join(tmp, 'nope.csv'), { display: 'nope.csv' });
    expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([
      'nope.csv: ✖ cannot read nope.csv: no such file',
    ]);
  });

  it('checks the stage columns against a scenario funnel', async () => {
    const path = join(tmp, 'ok.csv');
    writeFileSync(path, `${HEADER}\n2026-01,ads,smb,100,12,3,1,500\n`);
    const r = await readActuals(path, { display: 'ok.csv', stages: ['lead', 'mql', 'won'] });
    expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([
      "ok.csv:1: ✖ the stage columns between leads and wins are sql, but the scenario's funnel has mql between its first and last stage",
    ]);
  });

  it('matches stage columns to the funnel without regard to case, naming them by its ids', async () => {
    const path = join(tmp, 'upper.csv');
    writeFileSync(
      path,
      `${HEADER.toUpperCase()}\n2026-01,ads,smb,100,12,3,1,500\n2026-02,ads,smb,100,10,2,1,400\n`,
    );
    const r = await readActuals(path, { display: 'upper.csv', stages: ['lead', 'sql', 'won'] });
    if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
    expect(r.value.stages).toEqual(['lead', 'sql', 'won']);
    // Without a funnel to match, the header's own spelling is all there is.
    const bare = await readActuals(path, { display: 'upper.csv' });
    expect(bare.ok && bare.value.stages).toEqual(['lead', 'SQL', 'won']);
  });
});
