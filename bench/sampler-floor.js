// The sampler floor: how fast could the engine be if everything but the random draws were
// free? Records every sampler call (kind and arguments) that N trials of a scenario make,
// then replays exactly those calls through the real samplers and times them alone: sorted
// by kind and argument (the most favourable order), and in the order the kernel made them.
// A third order asks what running trials in lockstep would gain: within each batch of 250
// trials, the j-th call of one call site in every trial, then the next site's — as a kernel
// that loops over a batch of trials at each draw site would make them.
// Usage: node bench/sampler-floor.js [SCENARIO] [TRIALS]; prints one JSON line.
//
// Recording needs a copy of dist/ whose four sampler entry points push their arguments (and
// the trial and call site of each call, for the lockstep order) to a list first (see
// dist-copy.js).
import { loadModel } from '../dist/index.js';
import { binomial } from '../dist/sim/samplers/binomial.js';
import { gamma } from '../dist/sim/samplers/gamma.js';
import { poisson } from '../dist/sim/samplers/poisson.js';
import { sumOfIid } from '../dist/sim/samplers/sum-of-iid.js';
import { StreamPlan, TrialStreams } from '../dist/sim/streams.js';
import { withDistCopy } from './dist-copy.js';

const [file = 'scenarios/b2b-saas.yaml', trialsArg = '4000'] = process.argv.slice(2);
const trials = Number(trialsArg);
// Per kind (its index in this list): the file and function of its sampler, and what a call records.
const ENTRY = [
  [
    'binomial.js',
    'binomial',
    '[0, n, p, undefined, undefined, globalThis.__trial, globalThis.__slot]',
  ],
  [
    'poisson.js',
    'poisson',
    '[1, lambda, undefined, undefined, undefined, globalThis.__trial, globalThis.__slot]',
  ],
  [
    'gamma.js',
    'gamma',
    '[2, shape, scale, undefined, undefined, globalThis.__trial, globalThis.__slot]',
  ],
  [
    'sum-of-iid.js',
    'sumOfIid',
    '[3, n, dist, mean, variance, globalThis.__trial, globalThis.__slot]',
  ],
];
// Indices into a recorded call: its trial and the stream slot it drew from.
const TRIAL = 5;
const SLOT = 6;

globalThis.__calls = [];
const calls = await withDistCopy(
  'floor',
  [
    ...ENTRY.map(([name, fn, record]) => [
      `sim/samplers/${name}`,
      new RegExp(`export function ${fn}\\(([^)]*)\\) \\{`),
      (m) => `${m} globalThis.__calls.push(${record});`,
    ]),
    // The call site of a draw is told by the stream it draws from (TrialStreams.use) and the
    // sampler: each stream serves one purpose (docs/model.md, "Random streams").
    ['sim/streams.js', /begin\(seed, trial\) \{/, (m) => `${m} globalThis.__trial = trial;`],
    ['sim/streams.js', /use\(slot\) \{/, (m) => `${m} globalThis.__slot = slot;`],
  ],
  async (load) => {
    const { TrialRunner } = await load('sim/runner.js');
    const { loadModel: loadCopy } = await load('index.js');
    const runner = new TrialRunner(await loadCopy(file));
    const rows = new Float64Array(250 * runner.layout.width);
    for (let from = 0; from < trials; from += 250)
      runner.run(from, Math.min(250, trials - from), rows);
    return globalThis.__calls;
  },
);

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
/** The calls `order` (indices into `calls`) as arrays read in sequence by {@link replay}. */
function inOrder(order) {
  return {
    kind: Int8Array.from(order, (i) => calls[i][0]),
    a: Float64Array.from(order, (i) => calls[i][1]),
    b: Float64Array.from(order, (i) => (calls[i][0] === 3 ? calls[i][3] : (calls[i][2] ?? 0))),
    v: Float64Array.from(order, (i) => calls[i][4] ?? 0),
    dist: order.map((i) => (calls[i][0] === 3 ? calls[i][2] : null)),
  };
}
/** Milliseconds to make every call of `r` once. */
function replay(r) {
  const t0 = performance.now();
  for (let i = 0; i < r.kind.length; i++) {
    const kind = r.kind[i];
    if (kind === 0) sink += binomial(rng, r.a[i], r.b[i]);
    else if (kind === 1) sink += poisson(rng, r.a[i]);
    else if (kind === 2) sink += gamma(rng, r.a[i], r.b[i]);
    else sink += sumOfIid(rng, r.a[i], r.dist[i], r.b[i], r.v[i]);
  }
  return performance.now() - t0;
}
const kernelOrder = inOrder(calls.map((_, i) => i));

// Lockstep: per batch of 250 trials, the j-th call of site s of every trial together, groups
// in the order they come in an average trial of the batch.
const lockstep = [];
for (let from = 0; from < trials; from += 250) {
  const groups = new Map();
  const seen = new Map();
  let trial = -1;
  let at = 0;
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i];
    if (c[TRIAL] < from || c[TRIAL] >= from + 250) continue;
    if (c[TRIAL] !== trial) {
      trial = c[TRIAL];
      seen.clear();
      at = 0;
    }
    const site = 4 * c[SLOT] + c[0];
    const j = seen.get(site) ?? 0;
    seen.set(site, j + 1);
    const key = `${site}:${j}`;
    if (!groups.has(key)) groups.set(key, { position: 0, members: [] });
    const g = groups.get(key);
    g.position += at++;
    g.members.push(i);
  }
  const ordered = [...groups.values()].sort(
    (x, y) => x.position / x.members.length - y.position / y.members.length,
  );
  for (const g of ordered) lockstep.push(...g.members);
}
const lockstepOrder = inOrder(lockstep);

// The two orders alternate, so a machine that slows down mid-run slows both alike.
let bestInOrder = Number.POSITIVE_INFINITY;
let bestLockstep = Number.POSITIVE_INFINITY;
for (let rep = 0; rep < 7; rep++) {
  bestInOrder = Math.min(bestInOrder, replay(kernelOrder));
  bestLockstep = Math.min(bestLockstep, replay(lockstepOrder));
}
const inOrderMicros = (bestInOrder * 1000) / trialPeriods;
const lockstepMicros = (bestLockstep * 1000) / trialPeriods;
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
    // The same calls grouped by call site across batches of 250 trials (a lockstep kernel).
    inLockstepOrderMicrosPerTrialPeriod: lockstepMicros,
    ceilingTwoThreadsInLockstepOrder: (2 * 1e6) / lockstepMicros,
    perKind,
  }),
);
