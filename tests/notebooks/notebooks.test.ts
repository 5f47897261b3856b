/**
 * The notebooks run headless, as `npm run notebooks` runs them: Jupyter's nbconvert executes
 * each one with the repository's Deno kernelspec (notebooks/jupyter), against the built
 * library in dist/. Every notebook must run without an error output; each notebook's numbers
 * must be the library's for the same file, seed and options. Skipped only when
 * Jupyter is absent outside CI (.ci/run installs it).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecast } from '../../src/analysis/forecast.js';
import { type SensitivityOptions, sensitivity } from '../../src/analysis/sensitivity/index.js';
import type { ForecastResult } from '../../src/analysis/types.js';
import type { Model } from '../../src/model/types.js';
import { loadBundle, loadModel } from '../../src/scenario/index.js';
import { buildLayout } from '../../src/sim/layout.js';

const ROOT = resolve(import.meta.dirname, '../..');
const NOTEBOOKS = join(ROOT, 'notebooks');
const JUPYTER = '/usr/bin/jupyter';
const run = existsSync(JUPYTER) || process.env.CI !== undefined;

interface Output {
  readonly output_type: string;
  readonly text?: string | string[];
  readonly data?: Record<string, string | string[]>;
  readonly ename?: string;
  readonly evalue?: string;
}
interface Notebook {
  readonly cells: { readonly cell_type: string; readonly outputs?: Output[] }[];
}

const joined = (t: string | string[] | undefined): string =>
  Array.isArray(t) ? t.join('') : (t ?? '');

/** Every code cell's outputs, in order. */
function outputsOf(nb: Notebook): Output[] {
  return nb.cells.filter((c) => c.cell_type === 'code').flatMap((c) => c.outputs ?? []);
}

/** The JSON lines a notebook printed, parsed. */
function jsonLines(nb: Notebook): unknown[] {
  return outputsOf(nb)
    .filter((o) => o.output_type === 'stream')
    .flatMap((o) => joined(o.text).split('\n'))
    .filter((l) => l.startsWith('{') || l.startsWith('['))
    .map((l) => JSON.parse(l) as unknown);
}

/** Every SVG a notebook displayed, in order, each checked to be one whole SVG document. */
function svgsOf(nb: Notebook): string[] {
  const svgs = outputsOf(nb)
    .map((o) => joined(o.data?.['image/svg+xml']))
    .filter((s) => s !== '');
  for (const svg of svgs) expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  return svgs;
}

/** The forecast, and every trial's horizon bookings in trial order (from the rows it simulates). */
async function withTrials(model: Model): Promise<{ result: ForecastResult; trials: Float64Array }> {
  const layout = buildLayout(model);
  const T = layout.periods;
  const at = layout.metric.bookings * T;
  const out = new Float64Array(model.simulation.trials);
  const result = await forecast(model, {
    tee: (from, count, rows) => {
      for (let i = 0; i < count; i++) {
        let sum = 0;
        for (let t = 0; t < T; t++) sum += rows[i * layout.width + at + t]!;
        out[from + i] = sum;
      }
    },
  });
  return { result, trials: out };
}

describe.skipIf(!run)('notebooks, executed headless by nbconvert with the Deno kernel', () => {
  const out = mkdtempSync(join(tmpdir(), 'salesops-notebooks-'));
  const files = readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.ipynb'));
  const executed = new Map<string, Notebook>();

  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'dist/index.js')), 'notebooks import ../dist: build first').toBe(
      true,
    );
    for (const file of files) {
      await promisify(execFile)(
        JUPYTER,
        ['nbconvert', '--to', 'notebook', '--execute', join(NOTEBOOKS, file), '--output-dir', out],
        { env: { ...process.env, JUPYTER_PATH: join(NOTEBOOKS, 'jupyter') }, timeout: 240_000 },
      );
      executed.set(file, JSON.parse(readFileSync(join(out, file), 'utf8')) as Notebook);
    }
  }, 600_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('has notebooks, and each runs to the end without an error output', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const outputs = outputsOf(executed.get(file)!);
      expect(outputs.filter((o) => o.output_type === 'error')).toEqual([]);
      expect(outputs.length).toBeGreaterThan(0);
    }
  });

  it('forecast-and-variants: the numbers are the library’s for the same file and seed, and its three charts are SVG', async () => {
    const nb = executed.get('forecast-and-variants.ipynb')!;
    const [plan, variants] = jsonLines(nb) as [
      {
        trials: number;
        seed: number;
        leads: number;
        wins: number;
        p50: number;
        probability: number;
      },
      {
        name: string;
        probability: number;
        difference: { mean: number; lo: number; hi: number };
        probabilityBetter: number;
      }[],
    ];
    const file = join(ROOT, 'scenarios/b2b-saas.yaml');
    const model = await loadModel(file);
    const { result, trials: planTrials } = await withTrials(model);
    // Counts and probabilities exactly; money to 1e-12, as Deno's V8 may round Math.exp
    // differently in the last bit (docs/model.md, Summaries).
    const { p50, ...exact } = plan;
    expect(exact).toEqual({
      trials: result.trials,
      seed: result.seed,
      leads: result.metrics.leads.total.mean,
      wins: result.metrics.wins.total.mean,
      probability: result.targets.bookings?.probability,
    });
    expect(Math.abs(p50 / result.metrics.bookings.total.p50 - 1)).toBeLessThan(1e-12);
    // Paired comparison: recomputed here from per-trial horizon bookings (forecast's tee).
    expect(variants.map((v) => v.name)).toEqual(model.variants.map((v) => v.name));
    for (const v of variants) {
      const { result: r, trials } = await withTrials(await loadModel(file, { variant: v.name }));
      expect(v.probability).toBe(r.targets.bookings?.probability);
      const d = trials.map((y, i) => y - planTrials[i]!);
      const mean = d.reduce((a, b) => a + b, 0) / d.length;
      const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1));
      const half = (1.6448536 * sd) / Math.sqrt(d.length);
      expect(v.difference.mean).toBeCloseTo(mean, 3);
      expect(v.difference.hi - v.difference.lo).toBeCloseTo(2 * half, 3);
      // Exactly as counted here, but for trials whose difference is within rounding of 0:
      // under common random numbers many trials tie, and Deno's V8 may round a sum of deal
      // sizes differently in the last bit (docs/model.md, Summaries).
      const noise = (i: number) => 1e-9 * Math.abs(planTrials[i]!);
      const surely = d.filter((x, i) => x > noise(i)).length / d.length;
      const maybe = d.filter((x, i) => x > -noise(i)).length / d.length;
      expect(v.probabilityBetter).toBeGreaterThanOrEqual(surely);
      expect(v.probabilityBetter).toBeLessThanOrEqual(maybe);
    }
    const svgs = svgsOf(nb);
    expect(svgs).toHaveLength(3);
    expect(svgs[0]).toContain('Monthly bookings forecast');
    expect(svgs[1]).toContain('Difference to the base');
    expect(svgs[2]).toContain('Chance of reaching the bookings target by plan');
    for (const v of variants) expect(svgs[1]).toContain(`>${v.name}<`);
    for (const name of ['base', ...variants.map((v) => v.name)]) {
      expect(svgs[2]).toContain(`>${name}<`);
    }
    const tables = outputsOf(nb)
      .map((o) => joined(o.data?.['text/markdown']))
      .filter((s) => s !== '');
    expect(tables[0]).toContain(`| ${result.quarters[0]} |`);
  }, 60_000);

  it('what-drives-it: the tornado and the shares are the library’s for the same options, and all three charts are SVG', async () => {
    const nb = executed.get('what-drives-it.ipynb')!;
    const [printed] = jsonLines(nb) as [
      {
        options: SensitivityOptions;
        metric: string;
        base: number;
        noise: number;
        inputs: { path: string; swing: number; share: number }[];
      },
    ];
    const s = await sensitivity(await loadBundle(join(ROOT, 'scenarios/b2b-saas.yaml')), {
      ...printed.options,
      workers: 2,
    });
    // Money and shares to 1e-9 (Deno's V8 may round Math.exp differently in the last bit,
    // docs/model.md, Summaries); the order of the inputs exactly.
    const close = (a: number, b: number) =>
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
    expect(printed.metric).toBe(s.metric);
    expect(printed.inputs.map((i) => i.path)).toEqual(s.inputs.map((i) => i.path));
    close(printed.base, s.base);
    close(printed.noise, s.noise.share);
    printed.inputs.forEach((i, k) => {
      close(i.swing, s.inputs[k]!.swing);
      close(i.share, s.inputs[k]!.variance_share);
    });
    const svgs = svgsOf(nb);
    expect(svgs).toHaveLength(3);
    expect(svgs[0]).toContain('What moves horizon bookings most');
    expect(svgs[1]).toContain('Where the uncertainty in horizon bookings comes from');
    expect(svgs[2]).toContain('Horizon bookings as each top input moves from its P10 to its P90');
    const tables = outputsOf(nb)
      .map((o) => joined(o.data?.['text/markdown']))
      .filter((t) => t !== '');
    expect(tables[0]).toContain(`| \`${s.inputs[0]!.path}\` |`);
  }, 120_000);
});
