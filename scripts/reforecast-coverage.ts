/**
 * How often a reforecast's intervals hold the year that happened, over synthetic worlds of a
 * scenario (docs/model.md, "On the B2B sample"): for each seed, one world of the plan
 * synthesized item by item (src/history/synthesize.ts), its first MONTHS months (default 6)
 * written as actuals, the reforecast from them, and whether the world's whole year falls
 * inside the reforecast's P10–P90 and P25–P75; and the spread of the years standardised by
 * the reforecast's mean and sd (1 when the reforecast's spread is right), beside the same for
 * the plan without actuals. Prints one JSON line.
 *
 *     npx tsx scripts/reforecast-coverage.ts [SCENARIO] [FIRST_SEED] [END_SEED] [TRIALS] [MONTHS]
 *     npx tsx scripts/reforecast-coverage.ts scenarios/b2b-saas.yaml 500 820 400 6
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forecast } from '../src/analysis/forecast.js';
import { readActualsFor } from '../src/history/reforecast/read.js';
import { reforecast } from '../src/history/reforecast/reforecast.js';
import { synthesize } from '../src/history/synthesize.js';
import { actualsCsv } from '../src/history/write-csv.js';
import { compileScenario } from '../src/scenario/index.js';
import { formatDiagnostic } from '../src/util/result.js';

const [file = 'scenarios/b2b-saas.yaml', first = '500', end = '820', trials = '400', months = '6'] =
  process.argv.slice(2);
const MONTHS = Number(months);
const compiled = compileScenario(readFileSync(file, 'utf8'), file, {
  trials: Number(trials),
});
if (!compiled.ok) throw new Error(compiled.errors.map(formatDiagnostic).join('\n'));
const model = compiled.value;
const tmp = mkdtempSync(join(tmpdir(), 'salesops-coverage-'));
const counts = { worlds: 0, in80: 0, in50: 0, below80: 0, above80: 0 };
const plan = (await forecast(model, {})).metrics.bookings.total;
/** Each world's year standardised by the reforecast's mean and sd, and by the plan's. */
const z: number[] = [];
const zPlan: number[] = [];
try {
  const months = new Set(model.calendar.labels.slice(0, MONTHS));
  for (let seed = Number(first); seed < Number(end); seed++) {
    const world = synthesize(model, { seed, deals: false });
    const [header, ...lines] = actualsCsv(model, world).trimEnd().split('\n');
    const path = join(tmp, `world-${seed}.csv`);
    writeFileSync(
      path,
      `${[header, ...lines.filter((l) => months.has(l.slice(0, 7)))].join('\n')}\n`,
    );
    let year = 0;
    for (let t = 0; t < model.calendar.periods; t++) {
      year += world.repeatBookings[t]!;
      for (const cohort of world.cohorts) year += cohort.bookings[t]!;
    }
    const b = (await reforecast(model, await readActualsFor(model, path), {})).forecast.metrics
      .bookings.total;
    counts.worlds += 1;
    z.push((year - b.mean) / b.sd!);
    zPlan.push((year - plan.mean) / plan.sd!);
    if (year >= b.p10 && year <= b.p90) counts.in80 += 1;
    if (year >= b.p25 && year <= b.p75) counts.in50 += 1;
    if (year < b.p10) counts.below80 += 1;
    if (year > b.p90) counts.above80 += 1;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
/** Sample standard deviation. */
const sd = (xs: readonly number[]) => {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
};
console.log(
  JSON.stringify({
    file,
    seeds: [Number(first), Number(end) - 1],
    trials: Number(trials),
    months: MONTHS,
    ...counts,
    sdStandardised: sd(z),
    sdStandardisedPlan: sd(zPlan),
  }),
);
