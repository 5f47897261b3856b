/**
 * `salesops allocate FILE` — the channel budget split that maximises the objective, with its
 * certificate, the honest uplift over the current plan, team capacity and the budget curve:
 * a terminal summary, `--json`, `--csv FILE`.
 */
import { resolve } from 'node:path';
import { allocate } from '../../analysis/allocate/allocate.js';
import { allocationToCsv } from '../../analysis/allocate/csv.js';
import { withDefaultAllocation } from '../../analysis/allocate/default-settings.js';
import { stringifyAllocation } from '../../analysis/allocate/json.js';
import { allocationOptionProblem } from '../../analysis/allocate/problem.js';
import type { AllocationObjective } from '../../model/types.js';
import { budgetProblems } from '../../scenario/allocation-check.js';
import { checkOutput, writeFileAtomically } from '../../util/output-paths.js';
import { InputError } from '../../util/result.js';
import { allocateTable } from '../allocate-table.js';
import type { Command } from '../context.js';
import { cliLogger, EXIT } from '../context.js';
import { flagError } from '../flag-error.js';
import { loadScenarioArg } from '../load-scenario-arg.js';
import { progressBar } from '../progress.js';

/** What `salesops allocate` does; its options are in commands/allocate.ts. */
export const run: Command['run'] = async (args, ctx) => {
  const objective = parseObjective(args.objective);
  const budget = parseBudget(args.budget);
  const loaded = await loadScenarioArg(args, ctx);
  const { shown } = loaded;
  if (loaded.model.allocation === null && budget === undefined) {
    throw new InputError([
      {
        file: shown,
        line: null,
        path: 'allocation',
        message:
          'the scenario has no allocation block: give the budget to split with --budget N, or add allocation: {budget, channels, objective, step}',
      },
    ]);
  }
  // Without a block, --budget alone splits over the block's defaults (docs/allocate.md).
  const model = withDefaultAllocation(loaded.model, budget, shown);
  const a = model.allocation!;
  if ((objective ?? a.objective) === 'target' && model.targets.bookings === null) {
    throw flagError('--objective', 'objective target needs targets.bookings in the scenario');
  }
  if (budget !== undefined) {
    const problems = budgetProblems({
      budget,
      ids: a.channels.map((c) => model.channels[c]!.id),
      minSpend: a.channels.map((c) => model.channels[c]!.minSpend),
      maxSpend: a.channels.map((c) => model.channels[c]!.maxSpend),
      maxShare: a.maxShare,
    });
    if (problems.length > 0) throw flagError('--budget', problems[0]!.message);
  }
  const csv = typeof args.csv === 'string' ? resolve(ctx.cwd, args.csv) : null;
  if (csv) await checkOutput('--csv', csv, 'file');
  const progress = progressBar(ctx, 'allocating', args.quiet === true);
  const result = await allocate(model, {
    ...(objective === undefined ? {} : { objective }),
    ...(budget === undefined ? {} : { budget }),
    ...(args.workers === undefined ? {} : { workers: args.workers }),
    onProgress: progress.update,
    logger: cliLogger(ctx, args.quiet === true),
  });
  progress.finish();
  if (csv) await writeFileAtomically(csv, allocationToCsv(result));
  if (args.json) ctx.out(`${stringifyAllocation(result)}\n`);
  else if (!args.quiet) ctx.out(allocateTable(result));
  return EXIT.ok;
};

function parseObjective(v: unknown): AllocationObjective | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  const problem = allocationOptionProblem.objective(s);
  if (problem !== null) throw flagError('--objective', problem);
  return s as AllocationObjective;
}

function parseBudget(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const problem = allocationOptionProblem.budget(v);
  if (problem !== null) throw flagError('--budget', problem);
  return v as number;
}
