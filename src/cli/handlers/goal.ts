/**
 * `salesops goal FILE --lever PATH --target METRIC=VALUE --probability P` — what does it take?
 * The smallest lever value within bounds that reaches the target with that probability, or
 * a plain statement that none does (still exit 0: a true answer, not a failure).
 */
import { join, resolve } from 'node:path';
import { prepare } from '../../analysis/evaluator.js';
import { GOAL_FLAGS } from '../../analysis/goal/lever.js';
import { type GoalResult, goalSeek } from '../../analysis/goal/seek.js';
import { formatError, formatMoney, formatPercent } from '../../charts/format.js';
import { buildGoalChart } from '../../charts/goal.js';
import { unitText } from '../../charts/unit-text.js';
import { outputDirProblem, writeDirAtomically } from '../../report/atomic-dir.js';
import { outputProblem } from '../../util/output-paths.js';
import type { Command } from '../context.js';
import { cliLogger, EXIT } from '../context.js';
import { flagError } from '../flag-error.js';
import { loadScenarioArg } from '../load-scenario-arg.js';
import { progressBar } from '../progress.js';
import { decimalNumber } from '../typed-flags.js';

/** `METRIC=VALUE` of `--target`, checked against the plan's metrics. */
function parseTarget(text: unknown): { metric: string; value: number } {
  const s = String(text ?? '');
  const eq = s.lastIndexOf('=');
  const metric = eq > 0 ? s.slice(0, eq).trim() : '';
  const raw =
    eq > 0
      ? s
          .slice(eq + 1)
          .trim()
          .replace(/_/g, '')
      : '';
  const value = decimalNumber(raw);
  if (metric === '' || value === undefined) {
    throw flagError(
      '--target',
      `expected METRIC=VALUE (e.g. bookings=9000000), got ${JSON.stringify(s)}`,
    );
  }
  return { metric, value };
}

/**
 * A lever value in the terminal as the goal chart writes it: money compact in the currency
 * ("$15k"), a rate as a percentage ("−2.00%"), other numbers plain with up to `decimals`
 * decimals; negatives with a true minus sign.
 */
function leverText(g: GoalResult, x: number, currency: string, decimals: number): string {
  if (g.unit !== 'number') return unitText(g.unit, x, currency);
  return x.toLocaleString('en-US', { maximumFractionDigits: decimals }).replace(/^-/, '−');
}

/** The bisection's tolerance: money as money, a rate's in percentage points. */
function toleranceText(g: GoalResult, currency: string): string {
  const digits = (x: number) => x.toLocaleString('en-US', { maximumSignificantDigits: 3 });
  if (g.unit === 'money') return formatMoney(g.tolerance, currency);
  return g.unit === 'percent' ? `${digits(100 * g.tolerance)} pp` : digits(g.tolerance);
}

/** The terminal lines of a goal-seek, lever values in the lever's unit. */
function goalLines(g: GoalResult, currency: string): string {
  const pct = (p: number) => formatPercent(p, 1);
  const lines = [g.sentence];
  if (g.value !== null) {
    const [search, fresh] =
      g.trials === 1
        ? ['1 trial', '1 fresh trial']
        : [`${g.trials.toLocaleString('en-US')} trials`, 'fresh trials'];
    lines.push(
      `  on the search's ${search} (seed ${g.seed}): ${pct(g.search_probability ?? Number.NaN)}; on ${fresh} (seed ${g.confirm_seed}): ${pct(g.achieved_probability)} ± ${formatError(g.achieved_se, (se) => `${(100 * se).toFixed(1)} pp`)}`,
    );
  }
  if (g.current !== null && g.current_probability !== null) {
    lines.push(
      `  the plan's own value, ${leverText(g, g.current, currency, 2)}, reaches it with ${pct(g.current_probability)}`,
    );
  }
  lines.push(
    `  searched ${leverText(g, g.bounds.min, currency, 3)} … ${leverText(g, g.bounds.max, currency, 3)} to within ${toleranceText(g, currency)}, ${g.points.length} values on the same trials`,
  );
  return `${lines.join('\n')}\n`;
}

/** What `salesops goal` does; its options are in commands/goal.ts. */
export const run: Command['run'] = async (args, ctx) => {
  const target = parseTarget(args.target);
  const out = typeof args.out === 'string' ? resolve(ctx.cwd, args.out) : null;
  if (out) {
    const problem = (await outputDirProblem(out)) ?? (await outputProblem(out, 'folder'));
    if (problem !== null) throw flagError('--out', problem);
  }
  const { model, bundle, variant, edits } = await loadScenarioArg(args, ctx);
  const progress = progressBar(ctx, 'goal-seeking', args.quiet === true || args.json === true);
  // The plan (with its --variant and --set) is the evaluator's base; every lever value runs
  // on the same trials.
  const ev = prepare(bundle, {
    ...(args.workers === undefined ? {} : { workers: args.workers }),
    logger: cliLogger(ctx, args.quiet === true),
    threadMin: 0,
    label: '--set',
    variant,
    sets: edits.map(([set, value]) => ({ set, value })),
  });
  let result: GoalResult;
  try {
    result = await goalSeek(ev, {
      lever: String(args.lever),
      bounds: { min: args.min as number | undefined, max: args.max as number | undefined },
      metric: target.metric,
      target: target.value,
      probability: args.probability as number,
      ...(args.tolerance === undefined ? {} : { tolerance: args.tolerance as number }),
      onProgress: progress.update,
      // The probability, bounds, tolerance, metric and lever are checked there, named as flags.
      names: GOAL_FLAGS,
    });
  } finally {
    progress.finish();
    await ev.close();
  }
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (out) {
    const chart = buildGoalChart(result, model.currency, model.name);
    const { renderSvg } = await import('../../render/svg.js');
    const { svgToPng } = await import('../../render/png.js');
    const svg = await renderSvg(chart.spec);
    await writeDirAtomically(out, [
      { path: 'goal.json', content: json },
      { path: 'goal.vl.json', content: `${JSON.stringify(chart.spec, null, 2)}\n` },
      { path: 'goal.svg', content: svg },
      { path: 'goal.png', content: svgToPng(svg) },
    ]);
  }
  if (args.json) ctx.out(json);
  else if (!args.quiet) {
    ctx.out(goalLines(result, model.currency));
    if (out) ctx.out(`wrote ${join(out, 'goal.png')} and the rest of the chart and JSON\n`);
  }
  return EXIT.ok;
};
