// The CLI as a user times it: each command line in a fresh process, start-up included (node
// boot, loading the CLI and the scenario, starting the threads, simulating, summarising).
// Usage: node bench/cli.js [RUNS]; prints one JSON line with each command's wall seconds
// (one untimed run first, so every timed run finds the files in the page cache).
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const runs = Number(process.argv[2] ?? 5);
const commands = [['--version'], ['forecast', 'scenarios/b2b-saas.yaml', '--quiet']];

/** Wall seconds of `node dist/cli/main.js ...args`, run to its end. */
function wall(args) {
  const t0 = performance.now();
  execFileSync(process.execPath, ['dist/cli/main.js', ...args], { stdio: 'ignore' });
  return (performance.now() - t0) / 1000;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const results = commands.map((args) => {
  wall(args);
  const seconds = Array.from({ length: runs }, () => wall(args));
  return { command: `salesops ${args.join(' ')}`, seconds, median: median(seconds) };
});
console.log(JSON.stringify(results));
