/**
 * `salesops init [FILE]`: write the commented starter scenario to FILE (default
 * `scenario.yaml`), or to stdout with `-`. An existing file is never overwritten without
 * `--force`; refusing exits 2 (bad input), like every other input mistake.
 */
import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STARTER_SCENARIO, starterScenario } from '../../scenario/starter.js';
import type { CliContext, Command } from '../context.js';
import { EXIT } from '../context.js';
import { DASH } from '../scenario-arg.js';

/** File `salesops init` writes when none is named. */
export const DEFAULT_INIT_FILE = 'scenario.yaml';

/** Node error codes that mean the user named a place we cannot write to: bad input, not a failed run. */
const BAD_PATH_CODES: Readonly<Record<string, string>> = {
  EEXIST: 'already exists; pass --force to overwrite it',
  ENOENT: 'cannot be created: its folder does not exist',
  ENOTDIR: 'cannot be created: part of its path is a file, not a folder',
  EISDIR: 'is a folder; name a file such as scenario.yaml',
  EACCES: 'cannot be written: permission denied',
  EPERM: 'cannot be written: permission denied',
};

function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  return typeof e.code === 'string' ? e.code : undefined;
}

/**
 * Write the starter scenario as `init` does and return the exit code.
 * `wx` makes the existence check and the write one atomic step, so a file that appears
 * in between is not clobbered either.
 *
 * @example
 * ```ts
 * const code = runInit({ file: 'plan.yaml', force: false }, ctx); // 0, or 2 if plan.yaml exists
 * ```
 */
export function runInit(
  opts: {
    readonly file: string;
    readonly force: boolean;
    readonly json: boolean;
    readonly quiet: boolean;
  },
  ctx: CliContext,
): number {
  if (opts.file === '-') {
    ctx.out(STARTER_SCENARIO);
    return EXIT.ok;
  }
  const path = resolve(ctx.cwd, opts.file);
  // The comments suggest commands on this very file.
  const text = starterScenario(opts.file);
  try {
    writeFileSync(path, text, { encoding: 'utf8', flag: opts.force ? 'w' : 'wx' });
  } catch (e) {
    let code = errorCode(e) ?? '';
    // `wx` reports a folder as EEXIST; say what is really in the way.
    if (code === 'EEXIST' && statSync(path, { throwIfNoEntry: false })?.isDirectory())
      code = 'EISDIR';
    const why = BAD_PATH_CODES[code];
    if (why === undefined) throw e;
    ctx.err(`salesops init: ${opts.file} ${why}\n`);
    return EXIT.badInput;
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
