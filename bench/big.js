// Memory check behind `npm run bench -- --big`: one forecast of N trials (default 1,000,000)
// of the B2B example in a fresh process; prints time and peak RSS.
import { performance } from 'node:perf_hooks';
import { forecast, loadModel } from '../dist/index.js';

const trials = Number(process.argv[2] ?? 1_000_000);
const model = await loadModel('scenarios/b2b-saas.yaml', { trials });
const t0 = performance.now();
const r = await forecast(model);
const seconds = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify({
    trials,
    seconds,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    p50: r.metrics.bookings.total.p50,
  }),
);
