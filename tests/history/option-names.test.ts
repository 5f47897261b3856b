/**
 * The history loaders refuse an option they do not take, before reading any file, the way
 * each reports bad input: readActuals and readDeals return it as their one diagnostic,
 * readActualsFor and loadHistory throw an InputError. Before, `loadHistory({ actuals, deal })`
 * calibrated without the deals and `readActuals(path, { stage: […] })` read the file
 * without the scenario's stages, without a word.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHistory } from '../../src/history/load-history.js';
import { readActuals } from '../../src/history/read-actuals.js';
import { readDeals } from '../../src/history/read-deals.js';
import { readActualsFor } from '../../src/history/reforecast/read.js';
import type { Model } from '../../src/model/types.js';
import { loadModel } from '../../src/scenario/index.js';
import { type Loose, only, refusal } from '../helpers/refusal.js';

const ROOT = join(import.meta.dirname, '../..');
const B2B = join(ROOT, 'scenarios/b2b-saas.yaml');
const ACTUALS = join(ROOT, 'scenarios/history/b2b-actuals.csv');
const H1 = join(ROOT, 'scenarios/history/b2b-2027-h1-actuals.csv');
const MISSING = join(ROOT, 'no-such-file.csv');

const tmp = mkdtempSync(join(tmpdir(), 'salesops-history-options-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const DEALS = join(tmp, 'deals.csv');
writeFileSync(
  DEALS,
  'id,account,channel,market,created,stage,entered_sql,closed,outcome,amount\n' +
    'a1,Acme,ads,smb,2026-01-05,won,2026-02-10,2026-04-01,won,1000\n',
);
const AS_OF = 2026 * 12 + 5; // June 2026

describe('readActuals and readDeals', () => {
  it('return a misspelt option as their one diagnostic, before reading the file', async () => {
    expect(only(await readActuals(MISSING, { stage: ['lead', 'won'] } as Loose))).toBe(
      'readActuals: options.stage: ✖ unknown option stage; did you mean stages? (readActuals takes display, stages, dates and stageTotals)',
    );
    expect(only(await readActuals(ACTUALS, { dispaly: 'a.csv' } as Loose))).toMatch(
      /^readActuals: options\.dispaly: ✖ unknown option dispaly; did you mean display\? /,
    );
    const deals = { stages: ['lead', 'sql', 'won'], asof: AS_OF } as Loose;
    expect(only(await readDeals(MISSING, deals))).toBe(
      'readDeals: options.asof: ✖ unknown option asof; did you mean asOf? (readDeals takes display, stages, inferEnds, asOf and dates)',
    );
  });

  it('return options that are not an object as a diagnostic', async () => {
    expect(only(await readActuals(ACTUALS, 'a.csv' as Loose))).toBe(
      'readActuals: options: ✖ expected an object of options, got string "a.csv"',
    );
  });

  it('take every option they know', async () => {
    const a = await readActuals(ACTUALS, { display: 'a.csv', dates: 'auto', stageTotals: true });
    expect(a.ok && a.value.file).toBe('a.csv');
    const d = await readDeals(DEALS, {
      display: 'd.csv',
      stages: ['lead', 'sql', 'won'],
      inferEnds: false,
      asOf: AS_OF,
      dates: 'auto',
    });
    expect(d.ok && d.value.file).toBe('d.csv');
  });
});

describe('readActualsFor', () => {
  let model: Model;
  beforeAll(async () => {
    model = await loadModel(B2B, { trials: 50 });
  });

  it("refuses readActuals' own options and misspelt ones, before reading the file", async () => {
    expect(await refusal(() => readActualsFor(model, MISSING, { stages: [] } as Loose))).toBe(
      "readActualsFor: options.stages: ✖ unknown option stages (readActualsFor takes display and dates); the stages are the model's",
    );
    expect(await refusal(() => readActualsFor(model, H1, { date: 'dmy' } as Loose))).toMatch(
      /^readActualsFor: options\.date: ✖ unknown option date; did you mean dates\? /,
    );
  });

  it('takes every option it knows', async () => {
    const actuals = await readActualsFor(model, H1, { display: 'h1.csv', dates: 'auto' });
    expect(actuals.file).toBe('h1.csv');
  });
});

describe('loadHistory', () => {
  it('refuses an input it does not take, naming the closest', async () => {
    const inputs = { actuals: { path: ACTUALS }, deal: { path: DEALS } } as Loose;
    expect(await refusal(() => loadHistory(inputs))).toBe(
      'loadHistory: inputs.deal: ✖ unknown option deal; did you mean deals? (inputs takes actuals, deals, scenario, asOf and dates)',
    );
  });

  it("refuses a name a file's input does not take, before reading any file", async () => {
    expect(await refusal(() => loadHistory({ actuals: { file: MISSING } } as Loose))).toBe(
      'loadHistory: inputs.actuals.file: ✖ unknown option file (inputs.actuals takes path and display)',
    );
    const scenario = { path: B2B, dispaly: 'plan.yaml' };
    expect(
      await refusal(() => loadHistory({ actuals: { path: MISSING }, scenario } as Loose)),
    ).toMatch(
      /^loadHistory: inputs\.scenario\.dispaly: ✖ unknown option dispaly; did you mean display\? /,
    );
    expect(await refusal(() => loadHistory({ actuals: ACTUALS } as Loose))).toMatch(
      /^loadHistory: inputs\.actuals: ✖ expected a file \{ path, display\? \}, got string /,
    );
  });

  it('takes every input it knows', async () => {
    const h = await loadHistory({
      actuals: { path: ACTUALS, display: 'a.csv' },
      deals: null,
      scenario: { path: B2B, display: 'plan.yaml' },
      asOf: null,
      dates: 'auto',
    });
    expect([h.actuals.file, h.base?.file]).toEqual(['a.csv', 'plan.yaml']);
  });
});
