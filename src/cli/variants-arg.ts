/**
 * `--variants a,b` (compare): which variants to compare with the base, in that order; empty
 * (`--variants=`) compares none, e.g. only a `--set` what-if. Names are checked by `compare`.
 */
import { flagError } from './flag-error.js';

/**
 * The names of `--variants`, or undefined (every variant) when it is absent.
 * @example parseVariants('hire_q2,recession') // ['hire_q2', 'recession']
 */
export function parseVariants(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const text = (Array.isArray(value) ? value : [value]).map(String).join(',');
  if (text.trim() === '') return [];
  const names = text.split(',').map((s) => s.trim());
  if (names.some((s) => s === '')) {
    throw flagError(
      '--variants',
      `expected variant names separated by commas (e.g. hire_q2,recession), got ${JSON.stringify(text)}`,
    );
  }
  return names;
}
