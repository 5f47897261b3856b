/**
 * The variant a compiled plan is (`model.variant`) is the one every result names: an analysis
 * that takes a plan checks a `variant` option against it instead of using it as a label, so
 * base numbers can never be reported as a variant's (or the reverse).
 */
import type { Model } from '../model/types.js';
import { InputError } from '../util/result.js';
import { whatIfMsg } from './messages.js';

/**
 * Throws an InputError (named `fn: what`) when `variant` is given and is not the variant
 * `model` was compiled as (null: the base plan).
 * @example checkOwnVariant('forecast', model, opts.variant)
 */
export function checkOwnVariant(
  fn: string,
  model: Model,
  variant: string | null | undefined,
  what = 'options.variant',
): void {
  if (variant === undefined || variant === model.variant) return;
  throw new InputError([
    {
      file: `${fn}: ${what}`,
      line: null,
      path: '',
      message: whatIfMsg.notOwnVariant(variant, model.variant),
    },
  ]);
}
