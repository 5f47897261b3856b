// The sampler floor: how fast could the engine be if everything but the random draws were
// free? Records every sampler call (kind and arguments) that N trials of a scenario make,
// then replays exactly those calls through the real samplers and times them alone: sorted
// by kind and argument (the most favourable order), and in the order the kernel made them.
// Usage: node bench/sampler-floor.js [SCENARIO] [TRIALS]; prints one JSON line.
//
// Recording needs a copy of dist/ whose four sampler entry points push their arguments to
// a list first; the copy lives under node_modules/.cache (so it resolves our dependencies)
// and is removed afterwards.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadModel } from '../dist/index.js';
import { binomial } from '../dist/sim/samplers/binomial.js';
import { gamma } from '../dist/sim/samplers/gamma.js';
import { poisson } from '../dist/sim/samplers/poisson.js';
import { sumOfIid } from '../dist/sim/samplers/sum-of-iid.js';
import { StreamPlan, TrialStreams } from '../dist/sim/streams.js';

const [file = 'scenarios/b2b-saas.yaml', trialsArg = '4000'] = process.argv.slice(2);
const trials = Number(trialsArg);
// Per kind (its index in this list): the file and function of its sampler, and what a call records.
const ENTRY = [
  ['binomial.js', 'binomial', '[0, n, p]'],
  ['poisson.js', 'poisson', '[1, lambda]'],
  ['gamma.js', 'gamma', '[2, shape, scale]'],
  ['sum-of-iid.js', 'sumOfIid', '[3, n, dist, mean, variance]'],
];

mkdirSync('node_modules/.cache', { recursive: true });
const copy = mkdtempSync(join(process.cwd(), 'node_modules/.cache/salesops-floor-'));
let calls;
try {
  cpSync('dist', copy, { recursive: true });
  for (const [name, fn, record] of ENTRY) {
    const path = join(copy, 'sim/samplers', name);
    const text = readFileSync(path, 'utf8');
    const head = new RegExp(`export function ${fn}\\(([^)]*)\\) \\{`);
    if (!head.test(text)) throw new Error(`cannot find ${fn} in dist/sim/samplers/${name}`);
    writeFileSync(
      path,
      text.replace(head, (m) => `${m} globalThis.__calls.push(${record});`),
    );
  }
  globalThis.__calls = [];
  const url = (p) => pathToFileURL(join(copy, p)).href;
  const { TrialRunner } = await import(url('sim/runner.js'));
  const { loadModel: loadCopy } = await import(url('index.js'));
  const runner = new TrialRunner(await loadCopy(file));
  const rows = new Float64Array(250 * runner.layout.width);
  for (let from = 0; from < trials; from += 250)
    runner.run(from, Math.min(250, trials - from), rows);
  calls = globalThis.__calls;
} finally {
  rmSync(copy, { recursive: true, force: true });
}

const model = await loadModel(file);
const trialPeriods = trials * model.calendar.periods;
// One of the engine's own trial streams (the same generator and the same call site shape).
const plan = new StreamPlan(model);
const stream = new TrialStreams(plan);
stream.begin(1, 0);
stream.use(plan.leads);
const rng = stream.next;

// Everything flatters the samplers, so the result is a floor: one monomorphic loop per
// kind, calls sorted by their arguments (branches predictable), best of 7.
let sink = 0;
const perKind = {};
let floorMicros = 0;
for (let kind = 0; kind < ENTRY.length; kind++) {
  const mine = calls
    .filter((c) => c[0] === kind)
    .sort((x, y) => x[1] - y[1] || (kind === 3 ? x[3] - y[3] : (x[2] ?? 0) - (y[2] ?? 0)));
  const a = Float64Array.from(mine, (c) => c[1]);
  const b = Float64Array.from(mine, (c) => (kind === 3 ? c[3] : (c[2] ?? 0)));
  const v = Float64Array.from(mine, (c) => c[4] ?? 0);
  const d = mine.map((c) => c[2]);
  let best = Number.POSITIVE_INFINITY;
  for (let rep = 0; rep < 7; rep++) {
    const t0 = performance.now();
    if (kind === 0) for (let i = 0; i < a.length; i++) sink += binomial(rng, a[i], b[i]);
    else if (kind === 1) for (let i = 0; i < a.length; i++) sink += poisson(rng, a[i]);
    else if (kind === 2) for (let i = 0; i < a.length; i++) sink += gamma(rng, a[i], b[i]);
    else for (let i = 0; i < a.length; i++) sink += sumOfIid(rng, a[i], d[i], b[i], v[i]);
    best = Math.min(best, performance.now() - t0);
  }
  const micros = (best * 1000) / trialPeriods;
  floorMicros += micros;
  perKind[ENTRY[kind][1]] = {
    callsPerTrialPeriod: mine.length / trialPeriods,
    nsPerCall: mine.length > 0 ? (best * 1e6) / mine.length : 0,
    microsPerTrialPeriod: micros,
  };
}

// The same calls in the order the kernel makes them (kinds mixed, arguments unsorted), still
// with everything else free: what the draws cost where they really happen.
const kindOf = Int8Array.from(calls, (c) => c[0]);
const argA = Float64Array.from(calls, (c) => c[1]);
const argB = Float64Array.from(calls, (c) => (c[0] === 3 ? c[3] : (c[2] ?? 0)));
const argV = Float64Array.from(calls, (c) => c[4] ?? 0);
const dists = calls.map((c) => (c[0] === 3 ? c[2] : null));
let bestInOrder = Number.POSITIVE_INFINITY;
for (let rep = 0; rep < 7; rep++) {
  const t0 = performance.now();
  for (let i = 0; i < kindOf.length; i++) {
    const kind = kindOf[i];
    if (kind === 0) sink += binomial(rng, argA[i], argB[i]);
    else if (kind === 1) sink += poisson(rng, argA[i]);
    else if (kind === 2) sink += gamma(rng, argA[i], argB[i]);
    else sink += sumOfIid(rng, argA[i], dists[i], argB[i], argV[i]);
  }
  bestInOrder = Math.min(bestInOrder, performance.now() - t0);
}
const inOrderMicros = (bestInOrder * 1000) / trialPeriods;
if (!Number.isFinite(sink)) throw new Error('replay produced a non-finite sum');

console.log(
  JSON.stringify({
    file,
    trials,
    callsPerTrialPeriod: calls.length / trialPeriods,
    samplerMicrosPerTrialPeriod: floorMicros,
    // Two threads, perfect scaling, everything but the samplers free.
    ceilingTwoThreads: (2 * 1e6) / floorMicros,
    // The same calls replayed in the kernel's own order, and the ceiling that gives.
    inKernelOrderMicrosPerTrialPeriod: inOrderMicros,
    ceilingTwoThreadsInKernelOrder: (2 * 1e6) / inOrderMicros,
    perKind,
  }),
);
