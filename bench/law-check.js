// Law check between two builds of the kernel: every column of the per-trial row (each series
// in each period) of every bundled scenario, simulated by build A and by build B on
// independent trials, must agree in mean: |z| = |mean_A − mean_B| / √(se_A² + se_B²) ≤ 4;
// columns that never vary must be equal. Used to show that a change in which draws the
// kernel makes keeps the model's law (docs/samplers.md). Prints one line per scenario.
// Usage: node bench/law-check.js DIST_A DIST_B [TRIALS=20000]
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const [a, b, trialsArg = '20000'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: node bench/law-check.js DIST_A DIST_B [TRIALS]');
const trials = Number(trialsArg);
const Z = 4;

/** Per-column mean and se of `trials` trials of `file` under build `dist`, with `seed`. */
async function moments(dist, file, seed) {
  const { loadModel, simulate } = await import(`${resolve(dist)}/index.js`);
  const model = await loadModel(file, { trials, seed });
  let w = 0;
  let sum;
  let sq;
  await simulate(model, {}, (_from, count, rows) => {
    w ||= rows.length / count;
    sum ??= new Float64Array(w);
    sq ??= new Float64Array(w);
    for (let i = 0; i < count; i++) {
      for (let j = 0; j < w; j++) {
        const x = rows[i * w + j];
        sum[j] += x;
        sq[j] += x * x;
      }
    }
  });
  const { buildLayout } = await import(`${resolve(dist)}/index.js`);
  const layout = buildLayout(model);
  const names = layout.series.flatMap((s) => model.calendar.labels.map((l) => `${s.key}@${l}`));
  const mean = sum.map((s) => s / trials);
  const se = sq.map((q, j) => Math.sqrt(Math.max(0, q / trials - mean[j] ** 2) / (trials - 1)));
  return { names, mean, se };
}

let failed = 0;
for (const f of readdirSync('scenarios')
  .filter((x) => x.endsWith('.yaml'))
  .sort()) {
  const file = `scenarios/${f}`;
  const A = await moments(a, file, 1);
  const B = await moments(b, file, 2);
  if (A.names.join() !== B.names.join())
    throw new Error(`${f}: the two builds lay rows out differently`);
  let worst = { z: 0, name: '' };
  let over = 0;
  for (let j = 0; j < A.names.length; j++) {
    const se = Math.hypot(A.se[j], B.se[j]);
    const d = Math.abs(A.mean[j] - B.mean[j]);
    const z = se > 0 ? d / se : d === 0 ? 0 : Number.POSITIVE_INFINITY;
    if (z > worst.z) worst = { z, name: A.names[j] };
    if (z > Z) over += 1;
  }
  failed += over;
  console.log(
    `${f}: ${A.names.length} columns, ${trials} trials each; largest |z| ${worst.z.toFixed(2)} (${worst.name}); above ${Z}: ${over}`,
  );
}
process.exitCode = failed > 0 ? 1 : 0;
