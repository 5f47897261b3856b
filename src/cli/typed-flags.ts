/**
 * Checks of the command line as typed, before yargs' reading of it is used. yargs gathers a
 * flag given twice into a list (and for a number flag adds the values: `--trials 500
 * --trials 1` ran 501 trials), and turns `--budget abc` into NaN, so messages could only say
 * `got NaN`. These checks name the flag and quote what the user wrote.
 */
import { flagError } from './flag-error.js';

/** What the checks need to know of a command's options (yargs' own option table). */
export interface FlagTable {
  /** Options that repeat on purpose (`--set`, `--vary`, `--from`, …). */
  readonly array: readonly string[];
  /** Options that take no value (`--json`, `--quiet`, …). */
  readonly boolean: readonly string[];
  /** Options whose value is a number (`--trials`, `--budget`, …). */
  readonly number: readonly string[];
  /** Options whose value is text (`--csv`, `--out`, …). */
  readonly string?: readonly string[];
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

/** Each other name of an option (`h`) → its own name (`help`), in kebab case. */
function canonicalNames(table: FlagTable): Map<string, string> {
  const canonical = new Map<string, string>();
  for (const [key, others] of Object.entries(table.alias)) {
    for (const o of others) canonical.set(kebab(o), kebab(key));
  }
  return canonical;
}

/** A value flag as typed: its spelling (`--trials`) and each value given, in order. */
interface Typed {
  readonly flag: string;
  readonly values: string[];
}

/** The value flags of `argv` (up to `--`) by canonical name, switches left out. */
function typedFlags(argv: readonly string[], table: FlagTable): Map<string, Typed> {
  const canonical = canonicalNames(table);
  const boolean = new Set(table.boolean.map(kebab));
  const seen = new Map<string, Typed>();
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
    const entry = seen.get(name) ?? { flag: a.split('=')[0]!, values: [] };
    entry.values.push(value ?? '');
    seen.set(name, entry);
  }
  return seen;
}

/**
 * Throws an InputError naming the first flag that takes one value but was given more than
 * once in `argv` (everything after `--` is left alone), the first number flag given as
 * `--no-<flag>`, or the first number flag whose value is not a plain decimal number (`1e4` is
 * one, `0x10` is not), quoted as typed. Options of `table.array` may repeat; a switch given twice
 * (`--json --json`) says the same thing twice and is let through.
 * @example
 * checkTypedFlags(['quota', 'f.yaml', '--trials', '500', '--trials', '1'],
 *   { array: ['set'], boolean: ['json'], number: ['trials'], alias: {} });
 * // throws: --trials: ✖ given twice (500 and 1): give it once
 */
export function checkTypedFlags(argv: readonly string[], table: FlagTable): void {
  const array = new Set(table.array.map(kebab));
  const number = new Set(table.number.map(kebab));
  checkNegatedValues(argv, table, new Set([...number, ...(table.string ?? []).map(kebab)]));
  const flags = typedFlags(argv, table);
  for (const [name, { flag, values }] of flags) {
    if (values.length < 2 || array.has(name) || JOINED.has(name)) continue;
    const times = values.length === 2 ? 'twice' : `${values.length} times`;
    const shown = values.map((v) => (v === '' ? '""' : v));
    const list = `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
    throw flagError(flag, `given ${times} (${list}): give it once`);
  }
  for (const [name, { flag, values }] of flags) {
    if (!number.has(name)) continue;
    const bad = values.find((v) => decimalNumber(v) === undefined);
    if (bad !== undefined) {
      throw flagError(flag, `expected a decimal number, got ${JSON.stringify(bad)}`);
    }
  }
}

/**
 * A number as people write it: decimal digits with an optional sign, point and exponent
 * (`2000`, `-1`, `0.5`, `1e4`). JavaScript's Number() also reads `0x10`, `0b11`, `0o7` and
 * blanks around the digits, so `--trials 0x10` ran 16 trials.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The finite number `text` writes as a plain decimal number, or undefined (`0x10`, `' 5'`,
 * `abc`, `Infinity`): for flags read as text and parsed by their command.
 * @example decimalNumber('1e4') // 10000; decimalNumber('0x10') // undefined
 */
export function decimalNumber(text: string): number | undefined {
  const x = Number(text);
  return DECIMAL.test(text) && Number.isFinite(x) ? x : undefined;
}

/**
 * Throws an InputError naming `--no-<flag>` for a flag that takes a value: yargs reads it as
 * the flag set to false, which for a number became 0 (reported as `--trials … got 0`) and for
 * text was silently ignored (`--no-csv` wrote no CSV and said nothing).
 */
function checkNegatedValues(
  argv: readonly string[],
  table: FlagTable,
  valued: ReadonlySet<string>,
): void {
  const canonical = canonicalNames(table);
  const number = new Set(table.number.map(kebab));
  for (const a of argv) {
    if (a === '--') break;
    const m = /^--no-([A-Za-z][\w-]*)(=.*)?$/s.exec(a);
    if (m === null) continue;
    const name = canonical.get(kebab(m[1]!)) ?? kebab(m[1]!);
    if (!valued.has(name)) continue;
    const what = number.has(name) ? 'a number' : 'a value';
    const example = number.has(name) ? 'N' : 'VALUE';
    throw flagError(
      `--no-${m[1]}`,
      `--${m[1]} takes ${what} and cannot be turned off: leave it out for the default, or give --${m[1]} ${example}`,
    );
  }
}
