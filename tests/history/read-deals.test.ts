/**
 * The deal-level export: sufficient statistics worked by hand on a small file, per-cell
 * errors, and a large file read in bounded memory (a child process with a small heap reads a
 * file far larger than that heap).
 */
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { DateOrder } from '../../src/history/parse-values.js';
import { readDeals } from '../../src/history/read-deals.js';
import { formatDiagnostic } from '../../src/util/result.js';

const tmp = mkdtempSync(join(tmpdir(), 'salesops-deals-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const STAGES = ['lead', 'sql', 'won'];
const AS_OF = 2026 * 12 + 5; // June 2026
const HEADER = 'id,account,channel,market,created,stage,entered_sql,closed,outcome,amount';

async function read(name: string, lines: readonly string[], dates?: DateOrder) {
  const path = join(tmp, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return readDeals(path, {
    display: name,
    stages: STAGES,
    asOf: AS_OF,
    ...(dates ? { dates } : {}),
  });
}

describe('readDeals', () => {
  it('reads an export separated by semicolons (decimal commas), or with US times, Excel serials and YYYYMMDD, as the same deals', async () => {
    const lines = [
      HEADER,
      'D1,A,ads,smb,2026-01-05,won,2026-01-20,2026-02-10,won,"12,500.50"',
      'D2,B,ads,smb,2026-01-07,sql,2026-01-25,2026-03-01,lost,',
      'D3,C,ads,smb,2026-02-02,won,2026-02-10,2026-04-15,won,1500',
      'D4,D,ads,smb,2026-03-01,sql,2026-03-09,,open,',
    ];
    const european = [
      HEADER.replaceAll(',', ';'),
      'D1;A;ads;smb;05.01.2026;won;20.01.2026;10.02.2026;won;12.500,50',
      'D2;B;ads;smb;07.01.2026;sql;25.01.2026;01.03.2026;lost;',
      'D3;C;ads;smb;02.02.2026;won;10.02.2026;15.04.2026;won;1.500',
      'D4;D;ads;smb;01.03.2026;sql;09.03.2026;;open;',
    ];
    // Salesforce-style: US dates with a time of day, Excel serials where a column was saved
    // as General, and a warehouse's YYYYMMDD.
    const exported = [
      HEADER,
      'D1,A,ads,smb,1/5/2026 9:30 AM,won,46042,20260210,won,"USD 12,500.50"',
      'D2,B,ads,smb,1/7/2026 11:02 PM,sql,1/25/2026 8:00 AM,3/1/2026 12:00 PM,lost,',
      'D3,C,ads,smb,2/2/2026 10:15 AM,won,2/10/2026 3:45 PM,4/15/2026 5:00 PM,won,1500',
      'D4,D,ads,smb,3/1/2026 9:00 AM,sql,3/9/2026 9:00 AM,,open,',
    ];
    const a = await read('commas.csv', lines);
    const b = await read('semicolons.csv', european);
    // 1/5/2026 could be either order; 1/25/2026 in the same file can only be month first,
    // so that is how the file is read, with no --dates needed.
    const c = await read('salesforce.csv', exported);
    if (!c.ok) throw new Error(c.errors.map(formatDiagnostic).join('\n'));
    if (!a.ok || !b.ok) throw new Error('every file should read');
    expect({ ...b.value, file: '' }).toEqual({ ...a.value, file: '' });
    expect({ ...c.value, file: '' }).toEqual({ ...a.value, file: '' });
  });

  it('reads ambiguous slashed dates in the one order the file allows, or says it allows none', async () => {
    const plain = await read('iso.csv', [
      HEADER,
      'D1,A,ads,smb,2026-01-05,won,2026-01-20,2026-02-10,won,100',
      'D2,B,ads,smb,2026-03-04,sql,2026-03-09,2026-03-11,lost,',
    ]);
    if (!plain.ok) throw new Error('the ISO file should read');
    // Day first, proved only by the second row's 20/01.
    const dmy = await read('dmy.csv', [
      HEADER,
      'D1,A,ads,smb,05/01/2026,won,20/01/2026,10/02/2026,won,100',
      'D2,B,ads,smb,04/03/2026,sql,09/03/2026,11/03/2026,lost,',
    ]);
    if (!dmy.ok) throw new Error(dmy.errors.map(formatDiagnostic).join('\n'));
    expect({ ...dmy.value, file: '' }).toEqual({ ...plain.value, file: '' });
    // Both orders proved: one message names a cell of each; the ambiguous cells follow.
    const both = await read('both.csv', [
      HEADER,
      'D1,A,ads,smb,05/01/2026,won,20/01/2026,02/10/2026,won,100',
      'D2,B,ads,smb,03/04/2026,sql,03/09/2026,03/11/2026,lost,',
      'D3,C,ads,smb,01/02/2026,sql,01/13/2026,,open,',
    ]);
    expect(both.ok).toBe(false);
    const messages = both.ok ? [] : both.errors.map(formatDiagnostic);
    expect(messages[0]).toBe(
      'both.csv: ✖ expected slashed dates in one order, got day first ("20/01/2026" at row 1, column entered_sql) and month first ("01/13/2026" at row 3, column entered_sql); pass --dates dmy or --dates mdy to say how to read the others',
    );
    expect(messages.slice(1).every((m) => m.includes('--dates dmy or --dates mdy'))).toBe(true);
    // No date proves an order: each ambiguous cell is refused with the hint, as before.
    const none = await read('none.csv', [HEADER, 'D1,A,ads,smb,05/01/2026,sql,06/01/2026,,open,']);
    expect(none.ok ? [] : none.errors.map((e) => e.message)).toEqual([
      'expected an unambiguous date (is 05/01/2026 day/month or month/day? write 2026-03-14, or pass --dates dmy or --dates mdy), got "05/01/2026"',
      'expected an unambiguous date (is 06/01/2026 day/month or month/day? write 2026-03-14, or pass --dates dmy or --dates mdy), got "06/01/2026"',
    ]);
    // --dates wins over what the file shows.
    const told = await read(
      'told.csv',
      [HEADER, 'D1,A,ads,smb,05/01/2026,sql,06/01/2026,,open,'],
      'dmy',
    );
    expect(told.ok).toBe(true);
  });

  it('tallies resolutions, times in stage (open ones censored), sizes and the open pipeline', async () => {
    const r = await read('small.csv', [
      HEADER,
      'a1,Acme,ads,smb,2026-01-05,won,2026-02-10,2026-04-01,won,"1,000"',
      'a2,Beta,ads,smb,2026-01-20,sql,2026-01-25,2026-03-03,lost,',
      'a3,Gamma,ads,smb,2026-03-02,lead,,2026-03-09,lost,',
      'a4,Delta,ads,ent,2026-04-11,sql,2026-05-01,,open,5000',
      'a5,Eps,ads,ent,2026-06-30,lead,,,open,',
      'a6,Zeta,ads,smb,2026-02-01,won,2026-02-01,2026-02-28,won,4000',
    ]);
    if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
    const [lead, sql] = r.value.transitions;
    // lead stage: a1, a2, a4, a6 advanced (0 or 1 month), a3 lost after 0 months, a5 open since June
    expect(lead!.total).toEqual({ trials: 5, successes: 4 });
    expect([...lead!.events.slice(0, 3)]).toEqual([3, 2, 0]); // a2 0, a3 0, a4 1, a6 0, a1 1
    expect([...lead!.censored.slice(0, 3)]).toEqual([0, 1, 0]); // a5: lag ≥ 1 (June seen in full)
    // sql stage: a1 won after 2 months, a6 after 0, a2 lost after 2, a4 open since May (lag ≥ 2)
    expect(sql!.total).toEqual({ trials: 3, successes: 2 });
    expect([...sql!.events.slice(0, 3)]).toEqual([1, 0, 2]);
    expect([...sql!.censored.slice(0, 3)]).toEqual([0, 0, 1]);
    expect(sql!.byCohort.get('ads\u0000smb')).toEqual({ trials: 3, successes: 2 });
    const smb = r.value.sizes.get('smb')!;
    expect(smb.n).toBe(2);
    expect(smb.sumLog).toBeCloseTo(Math.log(1000) + Math.log(4000), 12);
    // open at the start of July: a4 in sql since May (age 2), a5 in lead since June (age 1)
    expect([...r.value.open]).toEqual([
      ['1\u0000ads\u0000ent\u00002', 1],
      ['0\u0000ads\u0000ent\u00001', 1],
    ]);
  });

  it('refuses bad rows at their row and column, without quoting ids or customer names', async () => {
    const r = await read('bad.csv', [
      HEADER,
      'SECRET-1,Secret Corp,ads,smb,2026-01-05,demo,,2026-02-01,lost,',
      'SECRET-2,Secret Corp,ads,smb,2026-01-05,sql,2026-01-01,2026-02-01,lost,',
      'SECRET-3,Secret Corp,ads,smb,2026-01-05,won,2026-01-09,2026-07-02,won,10',
      'SECRET-4,Secret Corp,ads,smb,2026-01-05,won,2026-01-09,2026-03-02,won,',
      'SECRET-5,Secret Corp,ads,smb,2026-01-05,lead,,,maybe,',
      'SECRET-6,Secret Corp,ads,smb,2026-31-05,lead,,2026-02-01,lost,',
      'SECRET-7,Secret Corp,ads,smb,2026-01-05,sql,,2026-02-01,won,12',
    ]);
    const e = r.ok ? [] : r.errors.map(formatDiagnostic);
    expect(e).toEqual([
      'bad.csv:2: ✖ expected a stage of the funnel (lead, sql, won), got "demo" → at row 1, column stage',
      'bad.csv:3: ✖ the entered_sql date is before the created date: dates must not go backwards along a deal → at row 2, column entered_sql',
      'bad.csv:4: ✖ the closed date is after the end of the history (2026-06); pass --as-of if the export is newer → at row 3, column closed',
      'bad.csv:5: ✖ a won deal needs its amount (> 0) → at row 4, column amount',
      'bad.csv:6: ✖ expected won, lost or open, got "maybe" → at row 5, column outcome',
      'bad.csv:7: ✖ expected a date such as 2026-03-14, got "2026-31-05" → at row 6, column created',
      'bad.csv:8: ✖ a won deal has reached the last stage won, but its stage is "sql" → at row 7, column stage',
    ]);
    expect(e.join('\n')).not.toMatch(/SECRET|Secret/);
  });

  it('refuses a deal given twice, naming the rows and not the id', async () => {
    const row = 'SECRET-1,Secret Corp,ads,smb,2026-01-05,sql,2026-01-09,2026-02-01,lost,';
    const r = await read('twice.csv', [
      HEADER,
      row,
      'SECRET-2,Secret Corp,ads,smb,2026-01-05,lead,,2026-02-01,lost,',
      row,
      ' SECRET-2 ,Other,ads,smb,2026-01-06,lead,,2026-02-01,lost,',
      ',Blank,ads,smb,2026-01-06,lead,,2026-02-01,lost,',
      ',Blank,ads,smb,2026-01-06,lead,,2026-02-01,lost,',
    ]);
    const e = r.ok ? [] : r.errors.map(formatDiagnostic);
    expect(e).toEqual([
      'twice.csv:4: ✖ this row repeats the deal id of row 1: each deal must appear once (an export joined with another, or a deal on two lines?) → at row 3, column id',
      'twice.csv:5: ✖ this row repeats the deal id of row 2: each deal must appear once (an export joined with another, or a deal on two lines?) → at row 4, column id',
    ]);
    expect(e.join('\n')).not.toMatch(/SECRET|Secret/);
  });

  it('names missing columns', async () => {
    const r = await read('cols.csv', [
      'id,channel,market,created,outcome',
      'x,ads,smb,2026-01-01,open',
    ]);
    expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([
      'cols.csv:1: ✖ missing columns stage, closed, amount; the header has id, channel, market, created, outcome',
    ]);
  });

  it('streams a large file in bounded memory', async () => {
    // ~40 MB of deals read by a process whose heap is capped at 24 MB: reading the file whole
    // (as one string, or keeping its rows) could not fit; streaming keeps only the tallies.
    const path = join(tmp, 'large.csv');
    const out = createWriteStream(path);
    out.write(`${HEADER}\n`);
    // Every deal id distinct (a repeated one is refused): the block's ids carry its number.
    const block = (k: number) => {
      const lines: string[] = [];
      for (let i = 0; i < 5000; i++)
        lines.push(
          `id-${k}-${i},Customer number ${i} with a long name,ads,smb,2026-0${1 + (i % 5)}-0${1 + (i % 9)},sql,2026-0${1 + (i % 5)}-1${i % 9},2026-06-2${i % 9},lost,${1000 + i}`,
        );
      return `${lines.join('\n')}\n`;
    };
    let bytes = 0;
    let blocks = 0;
    while (bytes < 40 * 2 ** 20) {
      const chunk = block(blocks);
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      bytes += chunk.length;
      blocks += 1;
    }
    await new Promise<void>((r) => out.end(r));
    const script = `import { readDeals } from ${JSON.stringify(resolve('dist/history/read-deals.js'))};
const r = await readDeals(${JSON.stringify(path)}, { stages: ['lead', 'sql', 'won'], asOf: ${AS_OF} });
if (!r.ok) { console.error(JSON.stringify(r.errors[0])); process.exit(3); }
console.log(JSON.stringify({ rows: r.value.rows, heap: process.memoryUsage().heapUsed }));`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--max-old-space-size=24', '--max-semi-space-size=1', '--input-type=module', '-e', script],
      // Killed before the test's own timeout, so a hang never outlives the test.
      { timeout: 240_000, killSignal: 'SIGKILL' },
    );
    const { rows } = JSON.parse(stdout) as { rows: number; heap: number };
    expect(rows).toBe(blocks * 5000);
    expect(bytes).toBeGreaterThan(40 * 2 ** 20);
  }, 300_000);
});
