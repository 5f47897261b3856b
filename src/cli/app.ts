/**
 * The CLI factory: `createCli(ctx)` returns a function from argv to an exit code, so tests
 * run the whole command line in-process and read stdout, stderr and the code.
 */
import yargs from 'yargs';
import { SimulationError } from '../sim/errors.js';
import { formatDiagnostic, InputError } from '../util/result.js';
import { closest } from '../util/suggest.js';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';
import { checkCommonArgs, checkOutputFlags } from './common-args.js';
import {
  type CliContext,
  type Command,
  type CommonArgs,
  type CommonFlag,
  EXIT,
} from './context.js';
import { markDashes, scenarioArg } from './scenario-arg.js';
import { checkTypedFlags, type FlagTable } from './typed-flags.js';

export function createCli(ctx: CliContext): (argv: readonly string[]) => Promise<number> {
  return async (argv) => {
    let code: number = EXIT.ok;
    let failure: string | null = null;
    const args = markDashes(argv);
    const unknown = unknownCommand(args);
    if (unknown !== null) {
      ctx.err(`salesops: ${unknown}\n`);
      return EXIT.badInput;
    }
    let y = yargs(args)
      .scriptName('salesops')
      .version(VERSION)
      .help()
      .alias('h', 'help')
      .strict()
      .exitProcess(false)
      .wrap(Math.min(100, process.stdout.columns ?? 100))
      .option('trials', {
        type: 'number',
        requiresArg: true,
        describe: 'Monte Carlo trials (overrides the scenario)',
      })
      .option('seed', {
        type: 'number',
        requiresArg: true,
        describe: 'random seed (overrides the scenario)',
      })
      .option('json', {
        type: 'boolean',
        describe: 'print one machine-readable JSON object on stdout',
      })
      .option('workers', {
        type: 'number',
        requiresArg: true,
        describe: 'worker threads (default: all cores)',
      })
      .option('quiet', { type: 'boolean', describe: 'print nothing but errors' })
      .demandCommand(1, 'Name a command: salesops --help lists them.')
      .fail((msg, err) => {
        // yargs' own parse errors (a flag without its value) are usage errors like msg ones;
        // anything else was thrown by a command and is reported as it is.
        if (err && err.name !== 'YError') throw err;
        failure = msg ?? err?.message ?? 'bad arguments';
      });
    for (const c of COMMANDS) {
      y = y.command(
        c.command,
        c.describe,
        (cy) => hideUnused(c, c.builder(cy)),
        async (args) => {
          // yargs still calls the handler after a failed check (an unknown or misspelt flag):
          // run nothing then, the error is reported below.
          if (failure !== null) return;
          checkTypedFlags(argv, optionTable(y));
          checkUsedFlags(c, args as Record<string, unknown>);
          checkCommonArgs(args as CommonArgs);
          checkOutputFlags(args as Record<string, unknown>);
          try {
            code = await c.run(args as Record<string, unknown>, ctx);
          } catch (e) {
            // A plan that cannot be simulated is reported against the scenario it came from.
            if (e instanceof SimulationError && e.file === undefined && args.file !== undefined) {
              e.file = scenarioArg(args.file, ctx).shown;
            }
            throw e;
          }
        },
      );
    }
    try {
      let helpText = '';
      await y.parseAsync(args, {}, (_err, _args, output) => {
        helpText = output;
      });
      if (failure !== null) {
        if (helpText) ctx.err(`${helpText}\n`);
        ctx.err(`salesops: ${failure}\n`);
        return EXIT.badInput;
      }
      if (helpText) ctx.out(`${helpText}\n`);
      return code;
    } catch (e) {
      return reportError(e, ctx);
    }
  };
}

/**
 * yargs' table of the options it knows, the running command's included. `getOptions` is
 * part of yargs' runtime API but missing from its type declarations.
 */
function optionTable(y: unknown): FlagTable {
  return (y as { getOptions(): FlagTable }).getOptions();
}

/** Common flags that take a value (their value is not a command name). */
const VALUE_FLAGS = new Set(['--trials', '--seed', '--workers']);
const ALL_FLAGS: readonly CommonFlag[] = ['trials', 'seed', 'json', 'workers', 'quiet'];

/**
 * "unknown command …" with the closest command and the list of real ones, when the first
 * word that is not a flag names no command; null otherwise (help and version included).
 */
export function unknownCommand(argv: readonly string[]): string | null {
  let word: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (VALUE_FLAGS.has(a)) i++;
      continue;
    }
    word = a;
    break;
  }
  if (word === undefined) return null;
  const names = COMMANDS.map((c) => c.command.split(' ')[0]!);
  if (names.includes(word)) return null;
  const near = closest(word, names);
  return `unknown command "${word}"${near === null ? '' : `; did you mean ${near}?`} Commands: ${names.join(', ')} (salesops --help describes them)`;
}

/**
 * The command's options with the common flags it refuses (checkUsedFlags) left out of its
 * --help page, so the page lists only what the command accepts.
 */
// biome-ignore lint/suspicious/noExplicitAny: yargs builders are typed per command
function hideUnused(c: Command, y: import('yargs').Argv<any>): import('yargs').Argv<any> {
  for (const f of ALL_FLAGS) if (!c.flags.includes(f)) y.hide(f);
  return y;
}

/** Throws an InputError naming a common flag that was given but that the command does not use. */
function checkUsedFlags(c: Command, args: Record<string, unknown>): void {
  const name = c.command.split(' ')[0]!;
  const unused = ALL_FLAGS.filter((f) => args[f] !== undefined && !c.flags.includes(f));
  if (unused.length === 0) return;
  throw new InputError(
    unused.map((f) => ({
      file: `--${f}`,
      line: null,
      path: '',
      message: `${name} does not use --${f}${c.flags.length > 0 ? `; it takes ${c.flags.map((x) => `--${x}`).join(', ')}` : ''}`,
    })),
  );
}

/** Input errors exit 2 with their diagnostics; anything else exits 1 with one line (stack only with SALESOPS_DEBUG). */
export function reportError(e: unknown, ctx: CliContext): number {
  if (e instanceof InputError) {
    for (const d of e.diagnostics) ctx.err(`${formatDiagnostic(d)}\n`);
    return EXIT.badInput;
  }
  // A scenario whose numbers cannot be simulated (e.g. 1e15 leads a month) is bad input.
  if (e instanceof SimulationError) {
    const d = { file: e.file ?? 'salesops', line: null, path: e.path, message: e.message };
    ctx.err(`${formatDiagnostic(d)}\n`);
    return EXIT.badInput;
  }
  const message = e instanceof Error ? e.message : String(e);
  ctx.err(`salesops: ${message}\n`);
  if (process.env.SALESOPS_DEBUG && e instanceof Error && e.stack) ctx.err(`${e.stack}\n`);
  return EXIT.failed;
}
