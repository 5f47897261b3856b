/**
 * `salesops run FILE` — the main job: validate, forecast, then write the report, the JSON
 * core, the CSV and every chart (spec, SVG, PNG) into one output folder, atomically.
 * `salesops run --from SHARD...` draws the same report from the Arrow files of a sharded
 * run (`forecast --shard K/N`), merged into exactly the forecast of one run.
 */
import { basename, join, resolve } from 'node:path';
import type { AllocationResult } from '../../analysis/allocate/types.js';
import type { QuotaResult } from '../../analysis/quota/index.js';
import type { ForecastResult } from '../../analysis/types.js';
import { uniqueLabels } from '../../charts/common.js';
import {
  formatMoney,
  formatPercent,
  formatProbability,
  formatTrials,
} from '../../charts/format.js';
import { formatObjectiveChange } from '../../charts/objective-format.js';
import type { Model } from '../../model/types.js';
import { outputDirProblem, writeDirAtomically } from '../../report/atomic-dir.js';
import { executiveSummary, type SummarySentence } from '../../report/executive-summary.js';
import type { ScenarioBundle } from '../../scenario/load.js';
import { outputProblem } from '../../util/output-paths.js';
import { InputError } from '../../util/result.js';
import type { CliContext, Command, CommonArgs } from '../context.js';
import { cliLogger, EXIT } from '../context.js';
import { flagError } from '../flag-error.js';
import { loadScenarioArg } from '../load-scenario-arg.js';
import { progressBar } from '../progress.js';
import { readRunActuals, runReforecast } from '../reforecast-run.js';
import { DASH, outputName } from '../scenario-arg.js';
import { runWhatIfs } from '../what-ifs-arg.js';

/** The short summary returned under `summary` by `--json`. */
export function runSummary(result: ForecastResult, sentences: readonly SummarySentence[] = []) {
  const b = result.metrics.bookings.total;
  const t = result.targets.bookings;
  return {
    scenario: result.scenario,
    trials: result.trials,
    seed: result.seed,
    bookings: { p10: b.p10, p50: b.p50, p90: b.p90, mean: b.mean, se: b.se },
    target: t === undefined ? null : { value: t.value, probability: t.probability, se: t.se },
    sentences: sentences.map((s) => s.text),
  };
}

function summaryLines(result: ForecastResult, sentences: readonly SummarySentence[]): string {
  const t = result.targets.bookings;
  return [
    `${result.scenario}: ${formatTrials(result.trials)}, seed ${result.seed}`,
    ...sentences.map((s) => `• ${s.text}`),
    ...(t === undefined
      ? []
      : [
          `  P(bookings ≥ ${formatMoney(t.value, result.currency)}) = ${formatProbability(t.probability, t.se)} (± one Monte Carlo standard error)`,
        ]),
  ].join('\n');
}

/** One line on the recommended split (channels by their labels) and its uplift. */
function allocationLine(a: AllocationResult, model: Model): string {
  const change = (v: number) => formatObjectiveChange(a.objective, v, a.currency);
  const labels = uniqueLabels(model.channels);
  const split = Object.entries(a.recommended)
    .map(([id, v]) => `${labels.get(id) ?? id} ${formatMoney(v, a.currency)}`)
    .join(', ');
  return `recommended split of ${formatMoney(a.budget, a.currency)} a period: ${split} (${a.objective} ${change(a.uplift.mean)}, ${Number.isFinite(a.uplift.se) ? `90% ${change(a.uplift.lo)} to ${change(a.uplift.hi)}` : 'no 90% interval with 1 trial'})`;
}

/** The allocation of a run's plan (docs/allocate.md), with its own progress bar. */
async function runAllocation(
  model: Model,
  args: Record<string, unknown> & CommonArgs,
  ctx: CliContext,
  quiet: boolean,
): Promise<AllocationResult> {
  const progress = progressBar(ctx, 'allocating', quiet || args.json === true);
  const { allocate } = await import('../../analysis/allocate/allocate.js');
  const a = await allocate(model, {
    ...(args.workers === undefined ? {} : { workers: args.workers }),
    onProgress: progress.update,
    logger: cliLogger(ctx, quiet),
  });
  progress.finish();
  return a;
}

/** Flags that choose or shape a simulation: meaningless when the trials come from shard files. */
const SIMULATION_FLAGS = ['trials', 'seed', 'variant', 'set', 'workers'] as const;

/** The main job's quota takes its settings from the scenario alone: its problems name the file. */
function quotaNames(file: string) {
  return {
    role: file,
    confidence: file,
    overAssignment: file,
    performanceCv: file,
    scenario: file,
  };
}

/**
 * The forecast to report on — simulated from FILE, or merged from `--from` shard files — and,
 * for a scenario with a `quota` block, the quota from the same trials (unless `withQuota` is
 * false: a run with actuals leaves the quota out).
 */
async function obtain(
  args: Record<string, unknown> & CommonArgs,
  ctx: CliContext,
  quiet: boolean,
  withQuota: boolean,
): Promise<{
  result: ForecastResult;
  quota: QuotaResult | undefined;
  model: Model;
  /** The scenario's base and variants, when simulated from FILE (not from shard files). */
  bundle: ScenarioBundle | null;
  folder: string;
  source: string;
  dirCheck: (dir: string) => Promise<void>;
}> {
  const dirCheck = async (dir: string) => {
    const problem = (await outputDirProblem(dir)) ?? (await outputProblem(dir, 'folder'));
    if (problem !== null) throw flagError('--out', problem);
  };
  const from = Array.isArray(args.from) ? args.from.map(String) : [];
  if (from.length > 0) {
    if (args.file !== undefined)
      throw flagError('--from', 'give either a scenario FILE or --from SHARD..., not both');
    for (const f of SIMULATION_FLAGS) {
      if (args[f] !== undefined)
        throw flagError(
          `--${f}`,
          `not used with --from: the shard files fix the scenario, variant, trials and seed`,
        );
    }
    const { mergeShards, readShards, shardTrialRows } = await import('../../analysis/shard.js');
    const { recordedPlan } = await import('../../scenario/recorded.js');
    const set = await readShards(from.map((p) => resolve(ctx.cwd, p)));
    const plan = recordedPlan(set.meta);
    if (!plan.ok) throw new InputError(plan.errors);
    const logger = cliLogger(ctx, quiet);
    // With a quota block, the quota reads the shards' rows as it would a simulation's.
    const { quotaWithForecast } = await import('../../analysis/quota/index.js');
    const { forecast: result, quota } = plan.value.quota
      ? await quotaWithForecast(plan.value, {
          rows: shardTrialRows(set, plan.value, logger),
          logger,
          names: quotaNames(set.meta.file),
        })
      : { forecast: await mergeShards(set, plan.value, logger), quota: undefined };
    const name = outputName(set.meta.file, plan.value.name);
    const variant = set.meta.variant;
    return {
      result,
      quota,
      model: plan.value,
      bundle: null,
      folder: variant === null ? name : `${name}.${variant}`,
      source: set.meta.file === '-' ? 'standard input' : basename(set.meta.file),
      dirCheck,
    };
  }
  if (args.file === undefined)
    throw flagError(
      'run',
      'name a scenario FILE (or - for standard input), or give --from SHARD...',
    );
  const { model, shown, name, variant, bundle } = await loadScenarioArg(args, ctx);
  // A variant's default folder is its own, so running the base and its what-ifs one after
  // another keeps every report.
  const folder = variant === undefined ? name : `${name}.${variant}`;
  const dir = resolve(ctx.cwd, typeof args.out === 'string' ? args.out : join('out', folder));
  // Refuse a folder we may not replace before spending time on the simulation.
  await dirCheck(dir);
  const { forecast } = await import('../../analysis/forecast.js');
  const { quotaWithForecast } = await import('../../analysis/quota/index.js');
  const progress = progressBar(ctx, 'simulating', quiet || args.json === true);
  const run = {
    ...(args.workers === undefined ? {} : { workers: args.workers }),
    onProgress: progress.update,
    logger: cliLogger(ctx, quiet),
  };
  // With a quota block, the quota is computed from the same trials as the forecast.
  const { forecast: result, quota } =
    model.quota && withQuota
      ? await quotaWithForecast(model, { ...run, names: quotaNames(shown) })
      : { forecast: await forecast(model, run), quota: undefined };
  progress.finish();
  return {
    result,
    quota,
    model,
    bundle,
    folder,
    source: args.file === DASH ? 'standard input' : basename(shown),
    dirCheck,
  };
}

/** What `salesops run` does; its options are in commands/run.ts. */
export const run: Command['run'] = async (args, ctx) => {
  const quiet = args.quiet === true;
  // Loaded on use (vega, resvg and the report assets would slow every other command's
  // start), but from now on: the modules load while the worker threads simulate.
  const reportModules = import('../../report/run-files.js');
  reportModules.catch(() => {}); // a failure surfaces at the await below
  // With --actuals the report is the reforecast's; the actuals are checked before simulating.
  const actuals = await readRunActuals(args, ctx);
  // With actuals, the quota, the allocation and the what-ifs are left out: each simulates
  // the plan from its first month, so its numbers would not count what is already booked
  // (and would set a quota or split a budget for months that are past).
  const obtained = await obtain(args, ctx, quiet, actuals === undefined);
  const { quota, model, bundle, folder, source, dirCheck } = obtained;
  const rf =
    actuals === undefined
      ? undefined
      : await runReforecast(model, actuals, obtained.result, args, ctx, quiet);
  const result = rf?.result.forecast ?? obtained.result;
  const dir = resolve(ctx.cwd, typeof args.out === 'string' ? args.out : join('out', folder));
  await dirCheck(dir);
  // With an allocation block the report gets its Allocation section (docs/allocate.md).
  const allocation =
    model.allocation === null || rf !== undefined
      ? undefined
      : await runAllocation(model, args, ctx, quiet);
  // The What-ifs and What drives it sections (docs/what-ifs.md); shard files carry no
  // variants.
  const whatIfs =
    args['what-ifs'] === false || bundle === null || rf !== undefined
      ? {}
      : await runWhatIfs(bundle, result.trials, args, ctx);
  const { buildRunFiles, summaryExtras } = await reportModules;
  const files = await buildRunFiles(result, model, {
    source,
    ...(quota === undefined ? {} : { quota }),
    ...(allocation === undefined ? {} : { allocation }),
    ...whatIfs,
    ...(rf === undefined ? {} : { reforecast: rf }),
  });
  await writeDirAtomically(dir, files);
  const report = join(dir, 'report.html');
  const sentences = executiveSummary(
    result,
    model,
    summaryExtras({ ...(allocation === undefined ? {} : { allocation }), ...whatIfs }),
  );
  if (args.json) {
    const payload = {
      report,
      files: files.map((f) => join(dir, f.path)),
      summary: runSummary(result, sentences),
      ...(rf === undefined
        ? {}
        : {
            reforecast: {
              actuals_periods: rf.result.actuals.periods,
              through: rf.result.actuals.through,
              plan_bookings: rf.plan.metrics.bookings.total,
            },
          }),
      ...(quota === undefined
        ? {}
        : {
            quota: {
              role: quota.role,
              confidence: quota.confidence,
              team_target: quota.team_target,
              total_quota: quota.total_quota,
              share_reaching_quota: quota.share_reaching_quota.mean,
            },
          }),
      ...(allocation === undefined
        ? {}
        : {
            allocation: {
              objective: allocation.objective,
              recommended: allocation.recommended,
              uplift: allocation.uplift,
            },
          }),
    };
    ctx.out(`${JSON.stringify(payload, null, 2)}\n`);
  } else if (!quiet) {
    const quotaLine =
      quota === undefined
        ? ''
        : `\nquota (${quota.role_label}): team target ${formatMoney(quota.team_target, quota.currency)} at ${formatPercent(quota.confidence)} confidence, total quota ${formatMoney(quota.total_quota, quota.currency)}; ${formatPercent(quota.share_reaching_quota.mean)} of reps expected to reach quota`;
    const allocationText = allocation === undefined ? '' : `\n${allocationLine(allocation, model)}`;
    ctx.out(
      `${summaryLines(result, sentences)}${quotaLine}${allocationText}\nreport: ${report}\ncharts for slides: ${join(dir, 'charts')}/*.png\n`,
    );
  }
  return EXIT.ok;
};
