// The main job, `salesops run scenarios/b2b-saas.yaml`, phase by phase in one fresh process,
// through the library as the command runs it: the forecast with its quota, the allocation,
// the what-ifs (compare the variants, what drives the plan) and the report's files (charts as
// SVG and PNG, HTML, JSON, CSV; built in memory, not written to disk). Per phase: wall seconds, and CPU seconds of every thread
// (user + system), whose ratio says how many of the cores the phase kept busy.
// Usage: node bench/job.js [SCENARIO]; prints one JSON line.
import { performance } from 'node:perf_hooks';
import { quotaWithForecast } from '../dist/analysis/quota/index.js';
import { allocate, forecast as forecastOnly, loadBundle, whatIfAnalyses } from '../dist/index.js';
import { buildRunFiles } from '../dist/report/run-files.js';

const file = process.argv[2] ?? 'scenarios/b2b-saas.yaml';
const phases = [];
async function phase(name, work) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await work();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  phases.push({ name, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
  return out;
}

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const bundle = await phase('load', () => loadBundle(file));
const model = bundle.base;
const { forecast, quota } = await phase('forecast', async () =>
  model.quota ? quotaWithForecast(model, {}) : { forecast: await forecastOnly(model, {}) },
);
const allocation = model.allocation
  ? await phase('allocation', () => allocate(model, {}))
  : undefined;
const whatIfs = await phase('what-ifs', () => whatIfAnalyses(bundle, { trials: forecast.trials }));
await phase('files', () =>
  buildRunFiles(forecast, model, {
    ...(quota ? { quota } : {}),
    ...(allocation ? { allocation } : {}),
    ...whatIfs,
  }),
);
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    file,
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    phases,
  }),
);
