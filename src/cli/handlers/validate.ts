/**
 * `salesops validate FILE...` — checks scenario files (and every variant of each): prints
 * `✓ FILE: name (N periods, …)` per valid file, every problem of a bad file in the one
 * diagnostic format on stderr, and exits 2 if any file is bad.
 */
import type { Model } from '../../model/types.js';
import { compileScenarioFile } from '../../scenario/index.js';
import { type Diagnostic, formatDiagnostic } from '../../util/result.js';
import type { CliContext, Command } from '../context.js';
import { EXIT } from '../context.js';
import { scenarioArg } from '../scenario-arg.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one-line summary of a valid scenario. */
export function summarize(file: string, m: Model): string {
  return (
    `✓ ${file}: ${m.name} (${plural(m.calendar.periods, 'period')}, ` +
    `${plural(m.channels.length, 'channel')}, ${plural(m.stages.length, 'stage')}, ` +
    `${plural(m.variants.length, 'variant')})`
  );
}

/** Validates `files` (relative to `ctx.cwd`) and reports as the command does; returns the exit code. */
export async function runValidate(
  files: readonly string[],
  opts: { readonly json: boolean; readonly quiet: boolean },
  ctx: CliContext,
): Promise<number> {
  const report: { file: string; valid: boolean; errors: readonly Diagnostic[] }[] = [];
  for (const arg of files) {
    const { path, shown: file } = scenarioArg(arg, ctx);
    const r = await compileScenarioFile(path, { displayName: file });
    report.push({ file, valid: r.ok, errors: r.ok ? [] : r.errors });
    if (opts.json) continue;
    if (r.ok) {
      if (!opts.quiet) ctx.out(`${summarize(file, r.value)}\n`);
    } else {
      for (const d of r.errors) ctx.err(`${formatDiagnostic(d)}\n`);
    }
  }
  if (opts.json) ctx.out(`${JSON.stringify({ files: report }, null, 2)}\n`);
  return report.every((f) => f.valid) ? EXIT.ok : EXIT.badInput;
}

/** What `salesops validate` does; its options are in commands/validate.ts. */
export const run: Command['run'] = (args, ctx) => {
  const files = (Array.isArray(args.files) ? args.files : [args.files]).map(String);
  return runValidate(files, { json: args.json === true, quiet: args.quiet === true }, ctx);
};
