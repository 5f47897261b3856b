// One benchmark measurement in a fresh process (so peak memory is this run's alone).
// Usage: node bench/one.js SCENARIO WORKERS [TRIALS]; prints one JSON line.
import { performance } from 'node:perf_hooks';
import { forecast, loadModel, simulate } from '../dist/index.js';
import { SimPool } from '../dist/sim/pool.js';

const [file, workersArg, trialsArg] = process.argv.slice(2);
const workers = Number(workersArg);
const model = await loadModel(file, trialsArg ? { trials: Number(trialsArg) } : {});
const trials = model.simulation.trials;
const periods = model.calendar.periods;
const noop = () => {};

// Cold: what one CLI run pays — threads start, code is compiled while it runs.
let t0 = performance.now();
await simulate(model, { workers }, noop);
const coldSeconds = (performance.now() - t0) / 1000;

// Warm: throughput once threads are up and the kernel is optimised (a pool reused by an
// analysis, or a long run).
let warmSeconds;
if (workers === 1) {
  t0 = performance.now();
  await simulate(model, { workers }, noop);
  warmSeconds = (performance.now() - t0) / 1000;
} else {
  const pool = new SimPool(model, workers);
  await pool.simulate(0, Math.min(trials, 2000), noop);
  t0 = performance.now();
  await pool.simulate(0, trials, noop);
  warmSeconds = (performance.now() - t0) / 1000;
  await pool.close();
}

// The whole forecast, cold: simulation plus summaries (moments, exact quantiles, targets).
t0 = performance.now();
await forecast(model, { workers });
const forecastSeconds = (performance.now() - t0) / 1000;

console.log(
  JSON.stringify({
    file,
    workers,
    trials,
    periods,
    coldSeconds,
    warmSeconds,
    warmRate: (trials * periods) / warmSeconds,
    forecastSeconds,
    peakMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
