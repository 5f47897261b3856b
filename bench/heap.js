// What the kernel allocates per trial: JavaScript heap bytes that 250 trials leave behind,
// with garbage collection kept out of the way (a 256 MiB young generation, a full collection
// before each measure). Run with --expose-gc. Most of it is numbers V8 boxes where a double
// crosses a call it does not inline (a sampler's argument or result), none of it kept.
// Usage: node --expose-gc --max-semi-space-size=256 --min-semi-space-size=256 bench/heap.js
// [SCENARIO ...]; prints one JSON line per scenario.
import { readdirSync } from 'node:fs';
import { loadModel } from '../dist/index.js';
import { TrialRunner } from '../dist/sim/runner.js';

if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
const BATCH = 250;
const files = process.argv.slice(2);
const scenarios = files.length
  ? files
  : readdirSync('scenarios')
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => `scenarios/${f}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const file of scenarios) {
  const model = await loadModel(file);
  const runner = new TrialRunner(model);
  const rows = new Float64Array(BATCH * runner.layout.width);
  // Warm up: the optimised kernel allocates less than the interpreter.
  for (let i = 0; i < 20; i++) runner.run(i * BATCH, BATCH, rows);
  const perTrial = [];
  for (let k = 0; k < 7; k++) {
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    runner.run(100_000 + k * BATCH, BATCH, rows);
    perTrial.push((process.memoryUsage().heapUsed - before) / BATCH);
  }
  const bytesPerTrial = median(perTrial);
  console.log(
    JSON.stringify({
      file,
      periods: model.calendar.periods,
      bytesPerTrial,
      bytesPerTrialPeriod: bytesPerTrial / model.calendar.periods,
    }),
  );
}
