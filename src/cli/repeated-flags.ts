/**
 * A flag that takes one value, given more than once, is bad input. yargs would gather the
 * values into a list (and for a number flag add them: `--trials 500 --trials 1` ran 501
 * trials), so the CLI reads the command line as typed and names the flag instead.
 */
import { flagError } from './flag-error.js';

/** What the check needs to know of a command's options (yargs' own option table). */
export interface FlagTable {
  /** Options that repeat on purpose (`--set`, `--vary`, `--from`, …). */
  readonly array: readonly string[];
  /** Options that take no value (`--json`, `--quiet`, …). */
  readonly boolean: readonly string[];
  /** Other names of each option (`help` → `h`). */
  readonly alias: Readonly<Record<string, readonly string[]>>;
}

/**
 * Flags that are not yargs arrays but whose repeats add up on purpose: `--variants a,b` is a
 * list written with commas, and `--variants a --variants b` says the same.
 */
const JOINED = new Set(['variants']);

/** `overAssignment` and `over-assignment` are one flag to yargs. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Throws an InputError naming the first flag that takes one value but was given more than
 * once in `argv` (everything after `--` is left alone). Options of `table.array` may repeat;
 * an option without a value (`--json --json`) says the same thing twice and is let through.
 * @example
 * checkRepeatedFlags(['quota', 'f.yaml', '--trials', '500', '--trials', '1'],
 *   { array: ['set'], boolean: ['json'], alias: {} });
 * // throws: --trials: ✖ given twice (500 and 1): give it once
 */
export function checkRepeatedFlags(argv: readonly string[], table: FlagTable): void {
  const canonical = new Map<string, string>();
  for (const [key, others] of Object.entries(table.alias)) {
    for (const o of others) canonical.set(kebab(o), kebab(key));
  }
  const array = new Set(table.array.map(kebab));
  const boolean = new Set(table.boolean.map(kebab));
  const seen = new Map<string, { typed: string; values: string[] }>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const m = /^--?([A-Za-z][\w-]*)(=(.*))?$/s.exec(a);
    if (m === null) continue;
    const typed = m[1]!;
    const name = canonical.get(kebab(typed)) ?? kebab(typed);
    if (boolean.has(name) || (typed.startsWith('no-') && boolean.has(typed.slice(3)))) continue;
    // The value is what follows `=`, or the next word.
    let value = m[3];
    if (value === undefined && i + 1 < argv.length && argv[i + 1] !== '--') value = argv[++i];
    if (array.has(name) || JOINED.has(name)) continue;
    const entry = seen.get(name) ?? { typed: a.split('=')[0]!, values: [] };
    entry.values.push(value ?? '');
    seen.set(name, entry);
  }
  for (const { typed, values } of seen.values()) {
    if (values.length < 2) continue;
    const times = values.length === 2 ? 'twice' : `${values.length} times`;
    const shown = values.map((v) => (v === '' ? '""' : v));
    const list = `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
    throw flagError(typed, `given ${times} (${list}): give it once`);
  }
}
