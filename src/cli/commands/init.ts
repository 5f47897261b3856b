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
import type { CliContext, Command } from '../context.js';
import { EXIT } from '../context.js';
import { DASH } from '../scenario-arg.js';

/** File `salesops init` writes when none is named. */
export const DEFAULT_INIT_FILE = 'scenario.yaml';

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

/** The `init` subcommand. */
export const initCommand: Command = {
  command: 'init [file]',
  describe: 'Write a commented starter scenario (to stdout with -)',
  flags: ['json', 'quiet'],
  builder: (y) =>
    y
      // No yargs default: yargs re-parses a lone `-` positional as an empty flag value,
      // so '' means `-` and undefined means "not given" (see fileArg).
      .positional('file', {
        type: 'string',
        describe: `file to write (default ${DEFAULT_INIT_FILE}), or - for stdout`,
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'overwrite FILE if it exists',
      }),
  run: async (args, ctx) =>
    runInit(
      {
        file: fileArg(args.file),
        force: args.force === true,
        json: args.json === true,
        quiet: args.quiet === true,
      },
      ctx,
    ),
};
