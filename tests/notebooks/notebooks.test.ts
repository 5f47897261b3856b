/**
 * The notebooks run headless, as `npm run notebooks` runs them: notebooks/jupyter/execute.py
 * (Jupyter's client, filing every output under its cell even when the Deno kernel sends it
 * after the cell's idle status, which nbconvert drops) executes each one with the
 * repository's Deno kernelspec (notebooks/jupyter), against the built
 * library in dist/. Every notebook must run without an error output; each notebook's numbers
 * must be the library's for the same file, seed and options. Skipped only when
 * Jupyter is absent outside CI (.ci/run installs it).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/allocate/allocate.js';
import { prepare } from '../../src/analysis/evaluator.js';
import { forecast } from '../../src/analysis/forecast.js';
import { goalSeek } from '../../src/analysis/goal/seek.js';
import { quotaWithForecast } from '../../src/analysis/quota/index.js';
import { type SensitivityOptions, sensitivity } from '../../src/analysis/sensitivity/index.js';
import type { ForecastResult } from '../../src/analysis/types.js';
import { formatMoney } from '../../src/charts/format.js';
import { backtest } from '../../src/history/backtest.js';
import { calibrate } from '../../src/history/calibrate.js';
import { mergeYaml } from '../../src/history/fragment.js';
import { loadHistory } from '../../src/history/load-history.js';
import { readActualsFor } from '../../src/history/reforecast/read.js';
import { reforecast } from '../../src/history/reforecast/reforecast.js';
import type { Model } from '../../src/model/types.js';
import { compileScenario, loadBundle, loadModel } from '../../src/scenario/index.js';
import { buildLayout } from '../../src/sim/layout.js';
import { runChild } from '../helpers/child.js';

const ROOT = resolve(import.meta.dirname, '../..');
const NOTEBOOKS = join(ROOT, 'notebooks');
const JUPYTER = '/usr/bin/jupyter';
const run = existsSync(JUPYTER) || process.env.CI !== undefined;
/** The Python Jupyter runs on (its launcher's interpreter line, e.g. `/usr/bin/env python3`), which has jupyter_client. */
const [PYTHON, ...PYTHON_ARGS] = existsSync(JUPYTER)
  ? readFileSync(JUPYTER, 'utf8')
      .split('\n')[0]!
      .replace(/^#!\s*/, '')
      .trim()
      .split(/\s+/)
  : ['python3'];

interface Output {
  readonly output_type: string;
  readonly text?: string | string[];
  readonly data?: Record<string, string | string[]>;
  readonly ename?: string;
  readonly evalue?: string;
}
/** A notebook's printed bookings interval and target probability. */
interface Band {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly target: number;
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
      // The deadline is for a hang; the executor is killed on every path, and it shuts its
      // kernel down when terminated.
      const { code, output } = await runChild(
        PYTHON!,
        [...PYTHON_ARGS, join(NOTEBOOKS, 'jupyter/execute.py'), out, join(NOTEBOOKS, file)],
        900_000,
        { env: { ...process.env, JUPYTER_PATH: join(NOTEBOOKS, 'jupyter') } },
      );
      expect(code, `executing ${file} failed:\n${output}`).toBe(0);
      executed.set(file, JSON.parse(readFileSync(join(out, file), 'utf8')) as Notebook);
    }
  }, 3_600_000);

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
    // The charts name plans by their labels.
    const labels = model.variants.map((v) => v.label);
    for (const label of labels) expect(svgs[1]).toContain(`>${label}<`);
    for (const label of ['Base plan', ...labels]) expect(svgs[2]).toContain(`>${label}<`);
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

  it('finance-quota: the team target, quotas and chances of reaching them are the library’s', async () => {
    const nb = executed.get('finance-quota.ipynb')!;
    const [line, goalLine] = jsonLines(nb) as [
      {
        trials: number;
        seed: number;
        team_target: number;
        total_quota: number;
        share_reaching: number;
        reps: [string, number, number][];
      },
      {
        goal: {
          value: number | null;
          achieved: number;
          current: number;
          current_probability: number;
        };
      },
    ];
    const model = await loadModel(join(ROOT, 'scenarios/b2b-saas.yaml'));
    const { quota: q } = await quotaWithForecast(model);
    expect([line.trials, line.seed]).toEqual([q.trials, q.seed]);
    // Money to 1e-12 (Deno's V8 may round Math.exp differently in the last bit); shares of
    // trials exactly, as no credited amount sits within a last bit of its quota.
    expect(Math.abs(line.team_target / q.team_target - 1)).toBeLessThan(1e-12);
    expect(Math.abs(line.total_quota / q.total_quota - 1)).toBeLessThan(1e-12);
    expect(line.share_reaching).toBe(q.share_reaching_quota.mean);
    expect(line.reps.map(([id]) => id)).toEqual(q.reps.map((r) => r.id));
    line.reps.forEach(([, quota, p], i) => {
      expect(Math.abs(quota / q.reps[i]!.quota - 1)).toBeLessThan(1e-12);
      expect(p).toBe(q.reps[i]!.probability_reaching);
    });
    // Goal-seek: the same search on the same trials gives the same answer.
    const ev = prepare(await loadBundle(join(ROOT, 'scenarios/b2b-saas.yaml')), { threadMin: 0 });
    try {
      const g = await goalSeek(ev, {
        lever: 'allocation.budget',
        bounds: { max: 400_000 },
        metric: 'bookings',
        target: 11_000_000,
        probability: 0.8,
        trials: 2000,
      });
      expect(goalLine.goal).toEqual({
        value: g.value,
        achieved: g.achieved_probability,
        current: g.current,
        current_probability: g.current_probability,
      });
      expect(g.value).not.toBeNull();
    } finally {
      await ev.close();
    }
    const svgs = outputsOf(nb)
      .map((o) => joined(o.data?.['image/svg+xml']))
      .filter((s) => s !== '');
    expect(svgs).toHaveLength(4);
    expect(svgs[2]).toContain('Quota per rep and month: AE');
    expect(svgs[3]).toContain('What it takes');
    const tables = outputsOf(nb)
      .map((o) => joined(o.data?.['text/markdown']))
      .filter((s) => s !== '');
    expect(tables[0]).toContain('| ae-10 | 2027-07 (hire) |');
  }, 180_000);
  it('calibrate-and-backtest: the calibration, both forecasts and the backtest are the library’s', async () => {
    const nb = executed.get('calibrate-and-backtest.ipynb')!;
    const [fit, forecasts, rf, scores] = jsonLines(nb) as [
      {
        stages: { id: string; successes: number; trials: number; lag: number[] }[];
        markets: { id: string; mu: number; sigma: number }[];
        pipeline: number;
      },
      { plan: number; calibrated: number },
      {
        months: number;
        plan: Band;
        reforecast: Band;
        outcome: number;
        inside: { plan: boolean; reforecast: boolean };
      },
      { metric: string; n: number; coverage50: number; coverage80: number; crps: number | null }[],
    ];
    const history = await loadHistory({
      actuals: {
        path: join(ROOT, 'scenarios/history/b2b-actuals.csv'),
        display: 'b2b-actuals.csv',
      },
      deals: { path: join(ROOT, 'scenarios/history/b2b-deals.csv'), display: 'b2b-deals.csv' },
      scenario: { path: join(ROOT, 'scenarios/b2b-saas.yaml'), display: 'b2b-saas.yaml' },
    });
    const base = history.base!;
    const cal = calibrate(history.actuals, history.deals, { base: base.model });
    // counts exactly; fitted sizes to 1e-12 (Deno's V8 may round Math.log in the last bit)
    expect(fit.stages).toEqual(
      cal.stages.slice(1).map((s) => ({
        id: s.id,
        successes: s.rate!.successes,
        trials: s.rate!.trials,
        lag: s.lag,
      })),
    );
    expect(fit.pipeline).toBe(cal.pipeline.reduce((a, p) => a + p.count, 0));
    fit.markets.forEach((m, i) => {
      expect(m.id).toBe(cal.markets[i]!.id);
      expect(Math.abs(m.mu / cal.markets[i]!.dealSize!.mu - 1)).toBeLessThan(1e-12);
      expect(Math.abs(m.sigma / cal.markets[i]!.dealSize!.sigma - 1)).toBeLessThan(1e-12);
    });
    const compiled = compileScenario(
      mergeYaml(cal, base.text, 'b2b-saas.yaml'),
      'calibrated.yaml',
      { trials: 4000 },
    );
    const plan = compileScenario(base.text, 'b2b-saas.yaml', { trials: 4000 });
    if (!compiled.ok || !plan.ok) throw new Error('the notebook’s scenarios do not compile');
    const planResult = await forecast(plan.value);
    const p50 = async (m: Model) => (await forecast(m)).metrics.bookings.total.p50;
    expect(Math.abs(forecasts.plan / planResult.metrics.bookings.total.p50 - 1)).toBeLessThan(
      1e-12,
    );
    expect(Math.abs(forecasts.calibrated / (await p50(compiled.value)) - 1)).toBeLessThan(1e-12);
    // the reforecast from the first half of FY2027: the library's numbers for the same plan,
    // actuals and seed, the outcome the truth file's, and "inside" what the numbers say
    const reforecasted = await reforecast(
      plan.value,
      await readActualsFor(plan.value, join(ROOT, 'scenarios/history/b2b-2027-h1-actuals.csv')),
    );
    const band = (r: ForecastResult): Band => {
      const b = r.metrics.bookings.total;
      return { p10: b.p10, p50: b.p50, p90: b.p90, target: r.targets.bookings!.probability };
    };
    for (const [printed, library] of [
      [rf.plan, band(planResult)],
      [rf.reforecast, band(reforecasted.forecast)],
    ] as const) {
      expect(printed.target).toBe(library.target);
      for (const q of ['p10', 'p50', 'p90'] as const)
        expect(Math.abs(printed[q] / library[q] - 1)).toBeLessThan(1e-12);
    }
    expect(rf.months).toBe(6);
    const truth = JSON.parse(
      readFileSync(join(ROOT, 'scenarios/history/b2b-2027-truth.json'), 'utf8'),
    ) as { bookings: number };
    expect(rf.outcome).toBe(truth.bookings);
    const within = (b: Band) => rf.outcome >= b.p10 && rf.outcome <= b.p90;
    expect(rf.inside).toEqual({ plan: within(rf.plan), reforecast: within(rf.reforecast) });
    const bt = await backtest(history.actuals, { base, horizon: 3, step: 3, trials: 300, seed: 7 });
    expect(scores.map(({ crps, ...rest }) => rest)).toEqual(
      bt.summary.map((s) => ({
        metric: s.metric,
        n: s.n,
        coverage50: s.coverage50,
        coverage80: s.coverage80,
      })),
    );
    scores.forEach((s, i) => {
      const crps = bt.summary[i]!.crps;
      if (s.crps === null) expect(Number.isNaN(crps)).toBe(true);
      else expect(Math.abs(s.crps / crps - 1)).toBeLessThan(1e-9);
    });
    const svgs = outputsOf(nb)
      .map((o) => joined(o.data?.['image/svg+xml']))
      .filter((x) => x !== '');
    expect(svgs).toHaveLength(4);
    expect(svgs[0]).toContain('Stage rates with 90% intervals');
    expect(svgs[1]).toContain('Deal sizes: won amounts against the fitted lognormal');
    expect(svgs[2]).toContain('Monthly bookings: actuals and reforecast');
    expect(svgs[3]).toContain('Backtest: how often outcomes fell inside the forecast intervals');
    const tables = outputsOf(nb)
      .map((o) => joined(o.data?.['text/markdown']))
      .filter((x) => x !== '');
    expect(tables[0]).toMatch(/\d+ of 15 true rates lie inside their 90% intervals/);
    const rfTable = tables.find((t) => t.includes('with actuals to 2027-06'))!;
    const yesNo = (b: boolean) => (b ? 'yes' : 'no');
    expect(rfTable).toMatch(
      new RegExp(`\\| plan, no actuals \\|.*\\| ${yesNo(rf.inside.plan)} \\|`),
    );
    expect(rfTable).toMatch(
      new RegExp(`\\| with actuals to 2027-06 \\|.*\\| ${yesNo(rf.inside.reforecast)} \\|`),
    );
  }, 120_000);

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
