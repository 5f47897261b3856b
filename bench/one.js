// One benchmark measurement in a fresh process (so peak memory is this run's alone).
// Usage: node bench/one.js SCENARIO WORKERS [TRIALS]; prints one JSON line.
import { performance } from 'node:perf_hooks';
import { forecast, loadModel, simulate } from '../dist/index.js';

const [file, workersArg, trialsArg] = process.argv.slice(2);
const workers = Number(workersArg);
const model = await loadModel(file, trialsArg ? { trials: Number(trialsArg) } : {});
const trials = model.simulation.trials;
const periods = model.calendar.periods;

// Simulation alone: the kernel on every trial, rows consumed by a no-op.
let t0 = performance.now();
await simulate(model, { workers }, () => {});
const simSeconds = (performance.now() - t0) / 1000;

// The whole forecast: simulation plus summaries (moments, exact quantiles, targets).
t0 = performance.now();
await forecast(model, { workers });
const forecastSeconds = (performance.now() - t0) / 1000;

const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    file,
    workers,
    trials,
    periods,
    simSeconds,
    forecastSeconds,
    trialPeriodsPerSecond: (trials * periods) / simSeconds,
    peakMiB,
  }),
);
