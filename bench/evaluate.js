// The prepared evaluator's bench: 20 evaluations of the B2B example at 2,000 trials each, a
// different paid-search spend each time, through one prepared evaluator (threads start once,
// on the first evaluation, and stay warm). Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { loadBundle, prepare } from '../dist/index.js';

const t0 = performance.now();
const bundle = await loadBundle('scenarios/b2b-saas.yaml');
const ev = prepare(bundle, { threadMin: 0 });
const loaded = performance.now();
const seconds = [];
let sink = 0;
for (let i = 0; i < 20; i++) {
  const s = performance.now();
  const e = await ev.evaluate([{ spend: 'paid_search', value: 20_000 + 5_000 * i }], {
    trials: 2000,
    metrics: ['bookings', 'profit'],
  });
  sink += e.summary.bookings.mean;
  seconds.push((performance.now() - s) / 1000);
}
await ev.close();
const total = (performance.now() - t0) / 1000;
if (!Number.isFinite(sink)) throw new Error('evaluations gave a non-finite mean');
const usage = process.resourceUsage();
console.log(
  JSON.stringify({
    evaluations: 20,
    trials: 2000,
    loadSeconds: (loaded - t0) / 1000,
    totalSeconds: total,
    firstSeconds: seconds[0],
    medianSeconds: seconds.slice().sort((a, b) => a - b)[10],
    userCpuSeconds: usage.userCPUTime / 1e6,
  }),
);
