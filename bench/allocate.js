// One allocation timed in a fresh process: `salesops allocate`'s whole job (search,
// certificate, confirmation, budget curve, response curves) through the library.
// Usage: node bench/allocate.js b2b | six; prints one JSON line.
//   b2b — scenarios/b2b-saas.yaml at its default trials (4 channels, 10,000 × 12)
//   six — the B2B funnel and team with six paid channels to split, 10,000 trials × 12 periods
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse, stringify } from 'yaml';
import { allocate, loadBundle } from '../dist/index.js';

/** The B2B example with two more paid channels (webinars, partners) and all six allocated. */
function sixChannels() {
  const doc = parse(readFileSync('scenarios/b2b-saas.yaml', 'utf8'));
  delete doc.variants;
  doc.channels.webinars = {
    spend: 10000,
    max_spend: 40000,
    response: { curve: 'hill', max_leads: 400, half_spend: 15000, shape: 1.2 },
    markets: { smb: 0.5, enterprise: 0.5 },
    rate_factors: { mql: 1.3 },
  };
  doc.channels.partners = {
    spend: 10000,
    max_spend: 40000,
    response: { curve: 'linear', cost_per_lead: '120 to 200' },
    markets: { smb: 0.3, enterprise: 0.7 },
  };
  doc.simulation.trials = 10000;
  doc.allocation = {
    budget: 125000,
    channels: ['paid_search', 'content', 'social', 'events', 'webinars', 'partners'],
    objective: 'revenue',
    step: 5000,
  };
  const dir = mkdtempSync(join(tmpdir(), 'salesops-bench-'));
  const file = join(dir, 'six-channels.yaml');
  writeFileSync(file, stringify(doc));
  return { file, dir };
}

const which = process.argv[2] ?? 'b2b';
const six = which === 'six' ? sixChannels() : null;
const file = six ? six.file : 'scenarios/b2b-saas.yaml';
try {
  const bundle = await loadBundle(file);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await allocate(bundle);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({
      case: which,
      channels: Object.keys(r.recommended).length,
      trials: r.trials,
      periods: bundle.base.calendar.periods,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      userSeconds: cpu.user / 1e6,
      runs: r.search.evaluations.runs,
      simulated: r.search.evaluations.trials,
      phases: r.search.evaluations.phases,
      expected: r.search.expected_evaluations,
      uplift: r.uplift,
    }),
  );
} finally {
  if (six) rmSync(six.dir, { recursive: true, force: true });
}
