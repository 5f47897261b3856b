/**
 * `-` as a file argument: standard input for a scenario (`gen-plan | salesops forecast -`),
 * standard output for `init -`. yargs mangles a lone `-` (an empty string for a single
 * positional, dropped altogether from a list such as `validate`'s), so the CLI swaps it for
 * {@link DASH} before yargs sees it, except where it is the value of an option.
 */
import { basename, extname, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { STDIN } from '../scenario/stdin.js';
import type { CliContext } from './context.js';

/** What a lone `-` positional becomes: NUL cannot be part of a real path. */
export const DASH = '\u0000-';

/** Options that take no value: a `-` after one of them is a positional. */
const FLAGS = new Set([
  '--json',
  '--quiet',
  '--force',
  '--svg',
  '--png',
  '--help',
  '-h',
  '--version',
]);

/** Commands whose file argument may be `-`. */
const TAKES_DASH = new Set([
  'forecast',
  'allocate',
  'run',
  'validate',
  'init',
  'compare',
  'sensitivity',
]);

/** argv with each lone `-` positional of a command that takes one replaced by {@link DASH}. */
export function markDashes(argv: readonly string[]): string[] {
  // The command is the first word that names one (global flags may come before it).
  if (!TAKES_DASH.has(argv.find((a) => TAKES_DASH.has(a) || a === '-') ?? '')) return [...argv];
  return argv.map((a, i) => {
    if (a !== '-') return a;
    const before = argv[i - 1];
    const isValue = before?.startsWith('-') && !before.includes('=') && !FLAGS.has(before);
    return isValue ? a : DASH;
  });
}

/** Where to read the scenario named by `arg`, and the name messages show for it. */
export function scenarioArg(arg: unknown, ctx: CliContext): { path: string; shown: string } {
  const text = String(arg ?? '');
  if (text === DASH || text === '') return { path: STDIN, shown: 'stdin' };
  return { path: resolve(ctx.cwd, text), shown: text };
}

/**
 * A file-safe name for outputs: any run of characters other than letters and digits (in
 * any script) becomes `-`, lower case; `scenario` when nothing is left.
 * @example slug('Acme FY2027 plan') // 'acme-fy2027-plan'
 */
export function slug(text: string): string {
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return s === '' ? 'scenario' : s;
}

/**
 * The default output name of a scenario read from `file`: its file name without extension,
 * or, for standard input (which has no name), the slug of the scenario's name.
 * @example outputName('plans/acme.yaml', 'Acme plan') // 'acme'
 */
export function outputName(file: string, scenarioName: string): string {
  return file === STDIN || file === '' ? slug(scenarioName) : basename(file, extname(file));
}

/** The `file` positional and `--variant` of the commands that run one scenario. */
export function scenarioOptions<T>(y: Argv<T>) {
  return y
    .positional('file', {
      type: 'string',
      describe: 'scenario file (YAML or JSON); - reads standard input',
    })
    .option('variant', {
      type: 'string',
      requiresArg: true,
      describe: 'run a variant of the scenario instead of the base',
    })
    .option('set', {
      type: 'string',
      array: true,
      requiresArg: true,
      describe: 'PATH=VALUE: a one-off what-if (repeatable), checked like a variant',
    });
}
