/**
 * Makes the sample history in scenarios/history/ honestly: by simulating the bundled B2B
 * example item by item (src/history/synthesize.ts) over 2023-07 … 2026-12 and writing what
 * its CRM would hold — monthly actuals from 2024-01 (the first six months only fill the
 * funnel) and the deal-level export of every item — plus the parameter values the history
 * was drawn with, so calibration can be checked against the truth.
 *
 *   npm run make-history
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { synthesize } from '../src/history/synthesize.js';
import { actualsCsv, dealsCsv } from '../src/history/write-csv.js';
import { compileScenario } from '../src/scenario/index.js';
import { formatDiagnostic } from '../src/util/result.js';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'scenarios/history');
const WARM_UP = 6;
const SEED = 2026;

const doc = parseDocument(readFileSync(join(ROOT, 'scenarios/b2b-saas.yaml'), 'utf8'));
doc.setIn(['calendar'], doc.createNode({ start: '2023-07', periods: WARM_UP + 36 }));
// Past budgets moved quarter by quarter (so the response curves can be fitted) and the
// two flagship events happened every March and October; no AE hires are on record.
const T = WARM_UP + 36;
const quarterly = (levels: readonly number[]) =>
  Array.from({ length: T }, (_, t) => levels[Math.floor(t / 3) % levels.length]!);
doc.setIn(
  ['channels', 'paid_search', 'spend'],
  doc.createNode(
    quarterly([
      30000, 45000, 60000, 40000, 75000, 50000, 35000, 65000, 55000, 90000, 45000, 70000, 50000,
      60000,
    ]),
  ),
);
doc.setIn(
  ['channels', 'content', 'spend'],
  doc.createNode(quarterly([12000, 18000, 25000, 15000, 30000, 20000, 22000])),
);
doc.setIn(
  ['channels', 'social', 'spend'],
  doc.createNode(quarterly([8000, 15000, 20000, 12000, 25000, 10000])),
);
const events: Record<string, number> = { default: 12000 };
for (const y of [2023, 2024, 2025, 2026]) {
  if (y > 2023) events[`${y}-03`] = 70000;
  events[`${y}-10`] = 60000;
}
doc.setIn(['channels', 'events', 'spend'], doc.createNode(events));
doc.deleteIn(['team', 'ae', 'hires']);
// The history starts from an empty funnel and empty adstock (the warm-up fills both); the
// plan's own opening pipeline, spend before its horizon, targets and variants say nothing
// about the past.
for (const key of ['pipeline', 'targets', 'variants', 'allocation', 'quota']) doc.delete(key);
const channels = doc.get('channels');
if (isMap(channels)) {
  for (const { key } of channels.items) doc.deleteIn(['channels', String(key), 'spend_before']);
}
const compiled = compileScenario(doc.toString(), 'b2b-saas.yaml (history calendar)');
if (!compiled.ok) throw new Error(compiled.errors.map(formatDiagnostic).join('\n'));
const model = compiled.value;
const h = synthesize(model, { seed: SEED });

const keepFrom = (csv: string) => {
  const [header, ...lines] = csv.trimEnd().split('\n');
  const first = model.calendar.labels[WARM_UP]!;
  return `${[header, ...lines.filter((l) => l.slice(0, 7) >= first)].join('\n')}\n`;
};
writeFileSync(join(OUT, 'b2b-actuals.csv'), keepFrom(actualsCsv(model, h)));
writeFileSync(join(OUT, 'b2b-deals.csv'), dealsCsv(model, h));
const truth = Object.fromEntries(
  model.params
    .filter((p) => p.dist.kind !== 'fixed')
    .map((p) => [p.path, Number(h.params[model.params.indexOf(p)]!.toPrecision(6))]),
);
writeFileSync(
  join(OUT, 'b2b-truth.json'),
  `${JSON.stringify({ scenario: 'scenarios/b2b-saas.yaml', seed: SEED, calendar: { start: '2023-07', periods: WARM_UP + 36, actuals_from: model.calendar.labels[WARM_UP] }, drawn: truth }, null, 2)}\n`,
);
console.log(
  `wrote ${OUT}: ${h.deals.length} deals, ${model.calendar.periods - WARM_UP} months of actuals`,
);

// The first half of FY2027 as it happened in one simulated world: the B2B plan itself (its
// calendar, team, hires and opening pipeline) synthesized item by item, and the actuals of
// January … June written out — what `salesops reforecast` reads — with the whole year's
// outcome kept apart, so a reforecast can be checked against what the rest of the year did.
const PLAN_SEED = 2027;
const H1 = 6;
const planCompiled = compileScenario(
  readFileSync(join(ROOT, 'scenarios/b2b-saas.yaml'), 'utf8'),
  'b2b-saas.yaml',
);
if (!planCompiled.ok) throw new Error(planCompiled.errors.map(formatDiagnostic).join('\n'));
const plan = planCompiled.value;
const year = synthesize(plan, { seed: PLAN_SEED, deals: false });
const h1 = new Set(plan.calendar.labels.slice(0, H1));
const [planHeader, ...planLines] = actualsCsv(plan, year).trimEnd().split('\n');
writeFileSync(
  join(OUT, 'b2b-2027-h1-actuals.csv'),
  `${[planHeader, ...planLines.filter((l) => h1.has(l.slice(0, 7)))].join('\n')}\n`,
);
const monthly = plan.calendar.labels.map((label, t) => ({
  period: label,
  new_bookings: Number(year.cohorts.reduce((a, c) => a + c.bookings[t]!, 0).toFixed(2)),
  repeat_bookings: Number(year.repeatBookings[t]!.toFixed(2)),
  wins: year.cohorts.reduce((a, c) => a + c.arrivals.at(-1)![t]!, 0),
}));
writeFileSync(
  join(OUT, 'b2b-2027-truth.json'),
  `${JSON.stringify(
    {
      scenario: 'scenarios/b2b-saas.yaml',
      seed: PLAN_SEED,
      actuals: 'b2b-2027-h1-actuals.csv',
      actuals_months: H1,
      bookings: Number(
        monthly.reduce((a, m) => a + m.new_bookings + m.repeat_bookings, 0).toFixed(2),
      ),
      monthly,
      drawn: Object.fromEntries(
        plan.params
          .filter((p) => p.dist.kind !== 'fixed')
          .map((p) => [p.path, Number(year.params[plan.params.indexOf(p)]!.toPrecision(6))]),
      ),
    },
    null,
    2,
  )}\n`,
);
console.log(
  `wrote ${OUT}: FY2027 actuals of ${plan.calendar.labels[0]} … ${plan.calendar.labels[H1 - 1]}`,
);
