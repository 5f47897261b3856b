// Where a trial's time goes: the random draws, or the kernel's own work around them?
// Runs N trials of a scenario twice on one thread, in one process, alternating:
//   real  — the engine as it is;
//   tape  — the same kernel, but each of the four samplers (binomial, Poisson, gamma, sums
//           of deal sizes) returns the next value of a tape recorded from a real run, in
//           the order the kernel asked for them, instead of drawing.
// real − tape is what the samplers cost where the kernel calls them; tape is the kernel's
// own work (bookkeeping, loops, stream switching, its own uniforms for lags one by one and
// capacity shares, and reading the tape).
// Usage: node bench/kernel-split.js [SCENARIO] [TRIALS]; prints one JSON line.
//
// The tape needs a copy of dist/ whose samplers are wrapped (see dist-copy.js).
import { withDistCopy } from './dist-copy.js';

const [file = 'scenarios/b2b-saas.yaml', trialsArg = '4000'] = process.argv.slice(2);
const trials = Number(trialsArg);
const BATCH = 250;
// Per sampler: its file, function and parameters.
const SAMPLERS = [
  ['binomial.js', 'binomial', 'rng, n, p'],
  ['poisson.js', 'poisson', 'rng, lambda'],
  ['gamma.js', 'gamma', 'rng, shape, scale'],
  ['sum-of-iid.js', 'sumOfIid', 'rng, n, dist, mean, variance'],
];

// The tape: Float64Array values, a read index, and a mode (0 draw and record, 1 replay).
const tape = { values: new Float64Array(1 << 23), at: 0, mode: 0 };
globalThis.__tape = tape;
// Each sampler becomes `<name>Drawn`, behind a wrapper of its old name that reads or writes
// the tape (declared before it; function declarations are hoisted).
const wrap = (fn, params) => `export function ${fn}(${params}) {
  const tape = globalThis.__tape;
  if (tape.mode === 1) {
    const x = tape.values[tape.at];
    tape.at = tape.at + 1 === tape.values.length ? 0 : tape.at + 1;
    return x;
  }
  const x = ${fn}Drawn(${params});
  if (tape.at < tape.values.length) tape.values[tape.at++] = x;
  return x;
}
function ${fn}Drawn(${params}) {`;
const result = await withDistCopy(
  'split',
  SAMPLERS.map(([name, fn, params]) => [
    `sim/samplers/${name}`,
    `export function ${fn}(${params}) {`,
    () => wrap(fn, params),
  ]),
  async (load) => {
    const { TrialRunner } = await load('sim/runner.js');
    const { loadModel } = await load('index.js');
    const model = await loadModel(file);
    const runner = new TrialRunner(model);
    const rows = new Float64Array(BATCH * runner.layout.width);
    const runAll = () => {
      const t0 = performance.now();
      for (let from = 0; from < trials; from += BATCH)
        runner.run(from, Math.min(BATCH, trials - from), rows);
      return performance.now() - t0;
    };
    // Record the tape (and warm the kernel up) with real draws.
    tape.mode = 0;
    tape.at = 0;
    runAll();
    const recorded = tape.at;
    tape.values = tape.values.slice(0, Math.max(1, recorded));
    const real = [];
    const taped = [];
    for (let rep = 0; rep < 7; rep++) {
      tape.mode = 0;
      tape.at = tape.values.length; // draws only, nothing recorded
      real.push(runAll());
      tape.mode = 1;
      tape.at = 0;
      taped.push(runAll());
    }
    const tp = trials * model.calendar.periods;
    const best = (xs) => Math.min(...xs);
    return {
      file,
      trials,
      samplerCallsPerTrialPeriod: recorded / tp,
      realMicrosPerTrialPeriod: (best(real) * 1000) / tp,
      tapeMicrosPerTrialPeriod: (best(taped) * 1000) / tp,
      drawsMicrosPerTrialPeriod: ((best(real) - best(taped)) * 1000) / tp,
    };
  },
);
console.log(JSON.stringify(result));
