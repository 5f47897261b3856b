/**
 * `salesops init [FILE]`: write the commented starter scenario to FILE (default
 * `scenario.yaml`), or to stdout with `-`. An existing file is never overwritten without
 * `--force`; refusing exits 2 (bad input), like every other input mistake. Missing folders
 * are created and the file is written all at once, as every output is (docs/errors.md).
 */
import { resolve } from 'node:path';
import { STARTER_SCENARIO, starterScenario } from '../../scenario/starter.js';
import { outputProblem, writeFileAtomically } from '../../util/output-paths.js';
import { InputError } from '../../util/result.js';
import { DEFAULT_INIT_FILE } from '../commands/init.js';
import type { CliContext, Command } from '../context.js';
import { EXIT } from '../context.js';
import { DASH } from '../scenario-arg.js';

const refuse = (message: string) =>
  new InputError([{ file: 'init', line: null, path: '', message }]);

/**
 * Write the starter scenario as `init` does and return the exit code. The file is written
 * to a temporary sibling and then put in place, so a failed write leaves any existing file
 * as it was; without `force` it is put in place only if nothing is there by then, so a file
 * that appears in between is not clobbered either.
 * @throws InputError (exit 2) when FILE exists without `force` or cannot be written there.
 *
 * @example
 * ```ts
 * const code = await runInit({ file: 'plan.yaml', force: false, json: false, quiet: false }, ctx); // 0
 * ```
 */
export async function runInit(
  opts: {
    readonly file: string;
    readonly force: boolean;
    readonly json: boolean;
    readonly quiet: boolean;
  },
  ctx: CliContext,
): Promise<number> {
  if (opts.file === '-') {
    ctx.out(STARTER_SCENARIO);
    return EXIT.ok;
  }
  const path = resolve(ctx.cwd, opts.file);
  const exists = `${opts.file} already exists; pass --force to overwrite it`;
  const problem = await outputProblem(path, 'file');
  if (problem !== null) throw refuse(problem);
  // The comments suggest commands on this very file.
  const text = starterScenario(opts.file);
  try {
    await writeFileAtomically(path, text, { overwrite: opts.force });
  } catch (e) {
    if ((e as { code?: unknown }).code === 'EEXIST') throw refuse(exists);
    throw e;
  }
  if (opts.json) {
    ctx.out(`${JSON.stringify({ file: path, bytes: Buffer.byteLength(text) })}\n`);
  } else if (!opts.quiet) {
    ctx.out(
      `Wrote ${opts.file}: a commented starter scenario.\n` +
        `Next: salesops validate ${opts.file}   then   salesops run ${opts.file}\n`,
    );
  }
  return EXIT.ok;
}

/** FILE as the user meant it: a lone `-` arrives as DASH (see scenario-arg.ts). */
function fileArg(value: unknown): string {
  if (value === DASH || value === '' || value === '-') return '-';
  return typeof value === 'string' ? value : DEFAULT_INIT_FILE;
}

/** What `salesops init` does; its options are in commands/init.ts. */
export const run: Command['run'] = async (args, ctx) =>
  runInit(
    {
      file: fileArg(args.file),
      force: args.force === true,
      json: args.json === true,
      quiet: args.quiet === true,
    },
    ctx,
  );
