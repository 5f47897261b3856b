// `npm run bench`: first the CLI as a user times it (bench/cli.js: `salesops forecast` of the
// B2B example, and `salesops --version`, each the median of 5 fresh processes); then for each
// bundled scenario, with 1 worker and with all cores: the simulation's time cold and warm,
// warm trial-periods per second, the whole forecast's time, and peak memory (RSS); the heap
// the kernel allocates per trial (bench/heap.js).
// `npm run bench -- --big` adds one forecast of 1,000,000 trials of the B2B example (memory bound).
// Then the allocation (bench/allocate.js): the B2B example at its default trials, and six
// channels × 10,000 trials × 12 periods; and the main job, `salesops run` of the B2B example,
// phase by phase (bench/job.js).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const cores = availableParallelism();
const scenarios = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const runs = scenarios.flatMap((f) => [1, cores].map((w) => [`scenarios/${f}`, w]));

// The whole command, in fresh processes: what `salesops forecast` costs a user.
const cli = JSON.parse(execFileSync(process.execPath, ['bench/cli.js'], { encoding: 'utf8' }));

const rows = [];
for (const [file, workers, trials] of runs) {
  const args = ['bench/one.js', file, String(workers), ...(trials ? [String(trials)] : [])];
  rows.push(JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })));
}
const fmt = (x, d = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`salesops bench — Node ${process.version}, ${cores} cores\n`);
console.log('whole process, wall seconds (median of 5 fresh processes; min–max):');
for (const c of cli) {
  console.log(
    `  ${c.command}: ${fmt(c.median, 3)} (${fmt(Math.min(...c.seconds), 3)}–${fmt(Math.max(...c.seconds), 3)})`,
  );
}
console.log('');
console.log(
  '| scenario | trials × periods | workers | simulation, cold s | simulation, warm s | warm trial-periods/s | forecast s | peak MiB |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.file.replace('scenarios/', '')} | ${fmt(r.trials)} × ${r.periods} | ${r.workers} | ${fmt(r.coldSeconds, 3)} | ${fmt(r.warmSeconds, 3)} | ${fmt(r.warmRate)} | ${fmt(r.forecastSeconds, 3)} | ${fmt(r.peakMiB)} |`,
  );
}
console.log(
  '\ncold: a fresh process (threads start, code compiles while it runs); warm: threads up, kernel optimised.',
);

// The prepared evaluator: many what-ifs on warm threads.
const ev = JSON.parse(execFileSync(process.execPath, ['bench/evaluate.js'], { encoding: 'utf8' }));
console.log(
  `\nprepared evaluator (b2b-saas.yaml): ${ev.evaluations} evaluations × ${fmt(ev.trials)} trials, each with another paid-search spend, in ${fmt(ev.totalSeconds, 2)} s in all` +
    ` (loading ${fmt(ev.loadSeconds, 2)} s; first evaluation, threads starting, ${fmt(ev.firstSeconds, 2)} s; then a median ${fmt(ev.medianSeconds, 3)} s each)`,
);

// The floor: what the random draws alone cost, replayed through the real samplers.
const floor = JSON.parse(
  execFileSync(process.execPath, ['bench/sampler-floor.js'], { encoding: 'utf8' }),
);
console.log(
  `\nsampler floor (b2b-saas.yaml): ${fmt(floor.callsPerTrialPeriod, 1)} sampler calls per trial-period cost ${fmt(floor.samplerMicrosPerTrialPeriod, 2)} µs on one thread by themselves;` +
    `\neven with everything else free and perfect scaling, 2 threads would reach at most ${fmt(floor.ceilingTwoThreads)} trial-periods/s.` +
    `\nThe same calls in the kernel's own order cost ${fmt(floor.inKernelOrderMicrosPerTrialPeriod, 2)} µs: at most ${fmt(floor.ceilingTwoThreadsInKernelOrder)} trial-periods/s on 2 threads;` +
    `\ngrouped by call site across batches of 250 trials (a lockstep kernel) ${fmt(floor.inLockstepOrderMicrosPerTrialPeriod, 2)} µs: at most ${fmt(floor.ceilingTwoThreadsInLockstepOrder)} trial-periods/s.`,
);

// The kernel with its draws taken from a tape: what the kernel's own work costs.
const split = JSON.parse(
  execFileSync(process.execPath, ['bench/kernel-split.js'], { encoding: 'utf8' }),
);
console.log(
  `\nkernel split (b2b-saas.yaml, one thread): ${fmt(split.realMicrosPerTrialPeriod, 2)} µs per trial-period in all;` +
    ` with every sampler call answered from a tape, ${fmt(split.tapeMicrosPerTrialPeriod, 2)} µs (the kernel's own work),` +
    ` so the draws cost ${fmt(split.drawsMicrosPerTrialPeriod, 2)} µs where the kernel makes them.`,
);

// What the kernel allocates per trial (bench/heap.js, with garbage collection kept aside).
const heap = execFileSync(
  process.execPath,
  ['--expose-gc', '--max-semi-space-size=256', '--min-semi-space-size=256', 'bench/heap.js'],
  { encoding: 'utf8' },
)
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
console.log(
  `\nheap allocated per trial (median of 7 batches of 250, after warm-up): ${heap
    .map((h) => `${h.file.replace('scenarios/', '')} ${fmt(h.bytesPerTrial / 1024, 1)} KiB`)
    .join(', ')}`,
);

// Allocation: the whole `salesops allocate` job, each in a fresh process. The machine may be
// shared: CPU seconds (every thread, user + system) say how much work it was, wall seconds
// how long it took here and now.
console.log(
  '\n| allocation | channels | trials × periods | wall s | CPU s (all threads) | simulation runs | trials simulated |',
);
console.log('|---|---|---|---|---|---|---|');
for (const which of ['b2b', 'six']) {
  const a = JSON.parse(
    execFileSync(process.execPath, ['bench/allocate.js', which], { encoding: 'utf8' }),
  );
  console.log(
    `| ${which === 'b2b' ? 'b2b-saas.yaml' : 'B2B with six paid channels'} | ${a.channels} | ${fmt(a.trials)} × ${a.periods} | ${fmt(a.seconds, 2)} | ${fmt(a.cpuSeconds, 2)} | ${a.runs} | ${fmt(a.simulated)} |`,
  );
}

// The main job, phase by phase (bench/job.js): how long each takes and how many cores it keeps busy.
const job = JSON.parse(execFileSync(process.execPath, ['bench/job.js'], { encoding: 'utf8' }));
console.log(
  `\nthe main job (salesops run ${job.file}): ${fmt(job.seconds, 1)} s, ${fmt(job.cpuSeconds, 1)} CPU-s (all threads)`,
);
console.log('\n| phase | wall s | CPU s | cores busy |');
console.log('|---|---|---|---|');
for (const p of job.phases) {
  console.log(
    `| ${p.name} | ${fmt(p.seconds, 2)} | ${fmt(p.cpuSeconds, 2)} | ${fmt(p.cpuSeconds / p.seconds, 2)} |`,
  );
}

if (process.argv.includes('--big')) {
  const big = JSON.parse(execFileSync(process.execPath, ['bench/big.js'], { encoding: 'utf8' }));
  console.log(
    `\n1,000,000 trials × 12 periods of b2b-saas.yaml, ${cores} workers: forecast ${fmt(big.seconds, 1)} s, peak ${fmt(big.peakMiB)} MiB`,
  );
}
