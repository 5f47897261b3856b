/**
 * `-` as a file argument: standard input for a scenario (`gen-plan | salesops forecast -`),
 * standard output for `init -`. yargs mangles a lone `-` (an empty string for a single
 * positional, dropped altogether from a list such as `validate`'s), so the CLI swaps it for
 * {@link DASH} before yargs sees it, except where it is the value of an option.
 */
import { resolve } from 'node:path';
import { STDIN } from '../scenario/index.js';
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
const TAKES_DASH = new Set(['forecast', 'run', 'validate', 'init']);

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
