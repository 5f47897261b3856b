/**
 * `salesops quota FILE` — the team target at the scenario's confidence, per-rep quotas and
 * attainment, as a terminal table, JSON (`--json`), a CSV a compensation system can import
 * (`--csv`), and charts with the result files in a folder (`--out`).
 */
import { join, resolve } from 'node:path';
import { quotaToCsv } from '../../analysis/quota/csv.js';
import { quotaWithForecast } from '../../analysis/quota/index.js';
import type { OverrideNames } from '../../analysis/quota/settings.js';
import { outputDirProblem, writeDirAtomically } from '../../report/atomic-dir.js';
import { checkOutput, outputProblem, writeFileAtomically } from '../../util/output-paths.js';
import { InputError } from '../../util/result.js';
import type { Command } from '../context.js';
import { cliLogger, EXIT } from '../context.js';
import { loadScenarioArg } from '../load-scenario-arg.js';
import { progressBar } from '../progress.js';
import { quotaTable } from '../quota-table.js';
import { decimalNumber } from '../typed-flags.js';

/**
 * A numeric flag as given, or undefined. The flags are read as text (yargs would turn
 * `--confidence high` into NaN), so a value that is not a number is named as the user wrote it.
 */
function numberFlag(args: Record<string, unknown>, flag: string): number | undefined {
  const v = args[flag];
  if (v === undefined) return undefined;
  const x = decimalNumber(String(v));
  if (x !== undefined) return x;
  throw new InputError([
    {
      file: `--${flag}`,
      line: null,
      path: '',
      message: `expected a decimal number, got ${JSON.stringify(String(v))}`,
    },
  ]);
}

/** What `salesops quota` does; its options are in commands/quota.ts. */
export const run: Command['run'] = async (args, ctx) => {
  const { model, shown } = await loadScenarioArg(args, ctx);
  const names: OverrideNames = {
    role: '--role',
    confidence: '--confidence',
    overAssignment: '--over-assignment',
    performanceCv: '--performance-cv',
    scenario: shown,
  };
  const overrides = {
    role: typeof args.role === 'string' ? args.role : undefined,
    confidence: numberFlag(args, 'confidence'),
    overAssignment: numberFlag(args, 'over-assignment'),
    performanceCv: numberFlag(args, 'performance-cv'),
  };
  // Every output path is checked before the simulation spends any time.
  const csv = typeof args.csv === 'string' ? resolve(ctx.cwd, args.csv) : null;
  if (csv) await checkOutput('--csv', csv, 'file');
  const dir = typeof args.out === 'string' ? resolve(ctx.cwd, args.out) : null;
  if (dir) {
    const problem = (await outputDirProblem(dir)) ?? (await outputProblem(dir, 'folder'));
    if (problem !== null)
      throw new InputError([{ file: '--out', line: null, path: '', message: problem }]);
  }
  const progress = progressBar(ctx, 'simulating', args.quiet === true || args.json === true);
  const { quota, forecast } = await quotaWithForecast(model, {
    ...overrides,
    names,
    ...(args.workers === undefined ? {} : { workers: args.workers }),
    onProgress: progress.update,
    logger: cliLogger(ctx, args.quiet === true),
  });
  progress.finish();
  if (csv) await writeFileAtomically(csv, quotaToCsv(quota));
  if (dir) {
    const { buildQuotaFiles } = await import('../../report/quota-files.js');
    const files = await buildQuotaFiles(quota, forecast);
    await writeDirAtomically(dir, files);
    if (!args.quiet && !args.json) ctx.err(`wrote ${files.length} files to ${join(dir, '')}\n`);
  }
  if (args.json) ctx.out(`${JSON.stringify(quota, null, 2)}\n`);
  else if (!args.quiet) ctx.out(quotaTable(quota));
  return EXIT.ok;
};
