#!/usr/bin/env node
/**
 * Writes the "What the numbers give" table of scenarios/README.md from real forecasts: each
 * bundled scenario with its own trials and seed (mean horizon bookings, P10 – P90, the
 * chance of reaching its bookings target). Run after `npm run build`:
 *
 *     npm run scenarios:numbers            # rewrite the table between its markers
 *     npm run scenarios:numbers -- --check # exit 1 if the table is out of date
 *
 * Numbers do not depend on the worker count (same file + seed = same numbers).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forecast, formatMoney, formatPercent, loadModel } from '../dist/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(ROOT, 'scenarios', 'README.md');
const FILES = ['b2b-saas.yaml', 'consumer-brand.yaml', 'distributor.yaml', 'minimal.yaml'];
const START = '<!-- numbers: written by scripts/scenario-numbers.js, do not edit by hand -->';
const END = '<!-- /numbers -->';

const rows = [];
for (const file of FILES) {
  const model = await loadModel(join(ROOT, 'scenarios', file));
  const r = await forecast(model, {});
  const b = r.metrics.bookings.total;
  const money = (x) => formatMoney(x, r.currency);
  const years = r.periods.length > 12 ? ` (${r.periods.length / 12} years)` : '';
  const t = r.targets.bookings;
  rows.push(
    `| \`${file}\` | ${money(b.mean)}${years} | ${money(b.p10)} – ${money(b.p90)} | ${t ? `${formatPercent(t.probability)} of ${money(t.value)}` : 'no target'} | ${r.trials.toLocaleString('en-US')} / ${r.seed} |`,
  );
  process.stderr.write(`${file}: done\n`);
}
const table = [
  START,
  '| file | mean bookings | P10 – P90 | P(target) | trials / seed |',
  '|---|---|---|---|---|',
  ...rows,
  END,
].join('\n');

const text = readFileSync(README, 'utf8');
const a = text.indexOf(START);
const z = text.indexOf(END);
if (a < 0 || z < 0) throw new Error(`${README}: the table markers are missing`);
const next = `${text.slice(0, a)}${table}${text.slice(z + END.length)}`;
if (process.argv.includes('--check')) {
  if (next !== text) {
    process.stderr.write(
      'scenarios/README.md: the numbers table is out of date; run npm run scenarios:numbers\n',
    );
    process.exit(1);
  }
  process.stderr.write('scenarios/README.md: the numbers table is up to date\n');
} else {
  writeFileSync(README, next);
  process.stderr.write('scenarios/README.md: numbers table written\n');
}
