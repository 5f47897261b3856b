/**
 * The check of option names: an option a library function does not take is refused, not
 * ignored (JavaScript callers and notebooks have no compiler to tell them). It lives below
 * every layer so that the loaders (scenario, history) use the same check, with the same
 * wording, as the analyses, and the scenario layer need not load any analysis code.
 */
import { describeValue } from './describe-value.js';
import { type Diagnostic, InputError } from './result.js';
import { closest } from './suggest.js';

/**
 * Every option name of an options type, as an object the compiler holds complete (a name
 * missing or not in the type is a type error): `{ trials: true, seed: true, … }`.
 */
export type OptionNames<T> = { readonly [K in keyof T]-?: true };

/** `a, b and c`; one name alone. */
const listed = (names: readonly string[]): string =>
  names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * What is wrong with the names of `opts` (given), or null: it is not an object, or has a key
 * that is none of `fn`'s options. The diagnostic names the function, the key, the closest
 * option and every option; `hint` (a clause) says where a value the caller may have meant is
 * set instead. `at` is how the argument is called: `options` (the message then says what
 * `fn` takes), or another name or a nested object such as `inputs.actuals` (it says what that
 * takes).
 * @example optionNamesProblem('readActuals', { dispaly: 'a.csv' }, READ_ACTUALS_OPTIONS)
 * // { file: 'readActuals: options.dispaly', message: 'unknown option dispaly; did you mean display? (readActuals takes …)', … }
 */
export function optionNamesProblem<T>(
  fn: string,
  opts: unknown,
  names: OptionNames<T>,
  hint = '',
  at = 'options',
): Diagnostic | null {
  if (opts === undefined) return null;
  const problem = (where: string, message: string): Diagnostic => ({
    file: `${fn}: ${where}`,
    line: null,
    path: '',
    message,
  });
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts))
    return problem(at, `expected an object of options, got ${describeValue(opts)}`);
  const known = Object.keys(names);
  // What takes the names: the function, or the argument or nested object `at` names.
  const taker = at === 'options' ? fn : at;
  for (const key of Object.keys(opts)) {
    if (Object.hasOwn(names, key)) continue;
    const near = closest(key, known);
    return problem(
      `${at}.${key}`,
      `unknown option ${key}${near === null ? '' : `; did you mean ${near}?`} (${taker} takes ${listed(known)})${hint === '' ? '' : `; ${hint}`}`,
    );
  }
  return null;
}

/**
 * Throws the {@link optionNamesProblem} of `opts`, if any: for functions that throw on bad
 * input (those that return a result carry the diagnostic instead).
 * @throws InputError `allocate: options.seeds: ✖ unknown option seeds; did you mean seed? (allocate takes …)`
 * @example checkOptionNames('compare', opts, COMPARE_OPTIONS)
 */
export function checkOptionNames<T>(
  fn: string,
  opts: unknown,
  names: OptionNames<T>,
  hint = '',
  at = 'options',
): void {
  const problem = optionNamesProblem(fn, opts, names, hint, at);
  if (problem !== null) throw new InputError([problem]);
}
