/** Bad values of command-line flags: one diagnostic shape, `--flag: ✖ message`, exit 2. */
import { InputError } from '../util/result.js';

/**
 * The error for a bad value of `flag` (its name as the user typed it, e.g. `--workers`).
 * @example throw flagError('--workers', 'expected a whole number from 1 to 256, got 0');
 */
export function flagError(flag: string, message: string): InputError {
  return new InputError([{ file: flag, line: null, path: '', message }]);
}
