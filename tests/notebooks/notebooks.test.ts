/**
 * The notebooks run headless, as `npm run notebooks` runs them: Jupyter's nbconvert executes
 * each one with the repository's Deno kernelspec (notebooks/jupyter), against the built
 * library in dist/. Every notebook must run without an error output; the forecast notebook's
 * numbers must be exactly the library's for the same file and seed. Skipped only when
 * Jupyter is absent outside CI (.ci/run installs it).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/allocate/allocate.js';
import { forecast } from '../../src/analysis/forecast.js';
import type { ForecastResult } from '../../src/analysis/types.js';
import { formatMoney } from '../../src/charts/format.js';
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
        { env: { ...process.env, JUPYTER_PATH: join(NOTEBOOKS, 'jupyter') }, timeout: 300_000 },
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

  it('forecast-and-variants: the numbers are the library’s for the same file and seed, and both charts are SVG', async () => {
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
    const svgs = outputsOf(nb)
      .map((o) => joined(o.data?.['image/svg+xml']))
      .filter((s) => s !== '');
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(svgs[0]).toContain('Monthly bookings forecast');
    for (const name of ['plan', ...variants.map((v) => v.name)]) {
      expect(svgs[1]).toContain(`>${name}<`);
    }
    const tables = outputsOf(nb)
      .map((o) => joined(o.data?.['text/markdown']))
      .filter((s) => s !== '');
    expect(tables[0]).toContain(`| ${result.quarters[0]} |`);
  }, 60_000);

  it('allocation: the recommendation, uplift, marginal returns and budget curve are the library’s, and the four charts are SVG', async () => {
    const nb = executed.get('allocation.ipynb')!;
    const [line] = jsonLines(nb) as [
      {
        recommended: Record<string, number>;
        uplift: { mean: number; lo: number; hi: number; se: number };
        probability_better: number;
        marginal: Record<string, number>;
        next: { budget: number; gain: number; se: number; per_unit: number };
        runs: number;
      },
    ];
    const r = await allocate(await loadBundle(join(ROOT, 'scenarios/b2b-saas.yaml')), {
      trials: 4000,
    });
    // The search's decisions and counts exactly; money to 1e-9 (Deno's V8 may round a sum of
    // deal sizes differently in the last bit; docs/model.md, Summaries).
    expect(line.recommended).toEqual(r.recommended);
    expect(line.runs).toBe(r.search.evaluations.runs);
    const close = (a: number, b: number) =>
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
    close(line.uplift.mean, r.uplift.mean);
    close(line.uplift.se, r.uplift.se);
    close(line.probability_better, r.probability_better);
    for (const [id, m] of Object.entries(r.marginal)) close(line.marginal[id]!, m!);
    close(line.next.gain, r.budget_curve.next_10_percent!.gain);
    const svgs = outputsOf(nb)
      .map((o) => joined(o.data?.['image/svg+xml']))
      .filter((s) => s !== '');
    expect(svgs).toHaveLength(4);
    for (const [i, title] of [
      'Recommended budget split',
      'Response curves by channel',
      'Budget curve',
      'Uplift of the recommendation, trial by trial',
    ].entries()) {
      expect(svgs[i]).toContain(title);
    }
    const tables = outputsOf(nb)
      .map((o) => joined(o.data?.['text/markdown']))
      .filter((s) => s !== '');
    expect(tables).toHaveLength(4);
    expect(tables[0]).toContain(`**${formatMoney(r.recommended.events!, r.currency)}**`);
    expect(tables[1]).toMatch(/equal within tolerance/);
  }, 240_000);
});
