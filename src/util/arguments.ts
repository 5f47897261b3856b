/**
 * The check of a library function's required arguments: one that is missing or of the wrong
 * kind (a number where a path goes, a bundle where a compiled model goes, options without a
 * field they need) is refused at the function's entry, naming the function, the argument and
 * what it takes, instead of failing as a TypeError deep inside — JavaScript callers and
 * notebooks have no compiler to tell them. Its diagnostic has the shape of the option-name
 * check's (option-names.ts), `FUNCTION: ARGUMENT: ✖ expected …, got …`, and like it lives
 * below every layer. Each check is a shape test of a few fields, once per call.
 */
import {
  type ArgumentKind,
  isBundle,
  isEvaluator,
  isFields,
  isForecast,
  isModel,
} from './argument-kinds.js';
import { describeValue } from './describe-value.js';
import { type Diagnostic, InputError } from './result.js';

/** The library's own objects, named when one is given where another kind goes. */
const KNOWN: readonly (readonly [string, (v: unknown) => boolean])[] = [
  ['a compiled model', isModel],
  ['a scenario bundle', isBundle],
  ['an evaluator', isEvaluator],
  ['a forecast result', isForecast],
];

/**
 * How a wrong argument is shown: one of the library's objects by name, a promise with the
 * advice to await it (`forecast(loadModel(file))`), an object by its first fields, anything
 * else as {@link describeValue} shows a value.
 * @example describeArgument({ model: 1, text: 'x' }) // 'a map with model, text'
 */
export function describeArgument(v: unknown): string {
  for (const [name, is] of KNOWN) if (is(v)) return name;
  if (v instanceof Promise) return 'a promise (await it first)';
  if (v instanceof URL) return 'a URL (pass a path string: fileURLToPath(url))';
  if (ArrayBuffer.isView(v))
    return `a ${v.constructor.name}${'length' in v ? ` of ${v.length}` : ''}`;
  if (typeof v === 'function') return 'a function';
  if (isFields(v)) {
    const keys = Object.keys(v);
    const plain = Object.values(v).every(
      (x) => x === null || ['number', 'boolean'].includes(typeof x),
    );
    // A small map of numbers is shown whole: `{ k: 3, n: 2 }` says what is wrong with it.
    if (plain && keys.length > 0 && keys.length <= 4)
      return `a map { ${keys.map((k) => `${k}: ${String(v[k])}`).join(', ')} }`;
    const shown = keys.slice(0, 6).join(', ') + (keys.length > 6 ? ', …' : '');
    return keys.length === 0 ? 'a map with no fields' : `a map with ${shown}`;
  }
  return describeValue(v);
}

/**
 * What is wrong with `value`, the argument `at` of `fn` (a parameter such as `model`, or a
 * field of one such as `options.stages`), or null when it is of `kind`.
 * @example argumentProblem('forecast', 'model', undefined, ARG.model)
 * // { file: 'forecast: model', message: "expected a compiled model (loadModel(file), or a bundle's base), got nothing", … }
 */
export function argumentProblem(
  fn: string,
  at: string,
  value: unknown,
  kind: ArgumentKind,
): Diagnostic | null {
  if (kind.is(value)) return null;
  return {
    file: `${fn}: ${at}`,
    line: null,
    path: '',
    message: `expected ${kind.expected}, got ${describeArgument(value)}`,
  };
}

/**
 * Throws the {@link argumentProblem} of `value`, if any: for functions that throw on bad
 * input (those that return a result carry the diagnostic instead).
 * @throws InputError `loadModel: path: ✖ expected a file path (a non-empty string), got number 42`
 * @example checkArgument('loadModel', 'path', path, ARG.path)
 */
export function checkArgument(fn: string, at: string, value: unknown, kind: ArgumentKind): void {
  const problem = argumentProblem(fn, at, value, kind);
  if (problem !== null) throw new InputError([problem]);
}
