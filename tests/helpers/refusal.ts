/** Test helpers for library calls that refuse bad options: the error they throw or return. */
import { expect } from 'vitest';
import { formatDiagnostic, InputError, type Result } from '../../src/util/result.js';

/** What a JavaScript caller can pass: any object at all (options no type allows). */
// biome-ignore lint/suspicious/noExplicitAny: the point is options no type allows
export type Loose = any;

/**
 * The InputError message `f` throws or rejects with (fails the test on a result or another
 * error).
 */
export async function refusal(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError, got a result');
}

/** The one diagnostic of a failed result, formatted. */
export function only(r: Result<unknown>): string {
  if (r.ok) throw new Error('expected a failed result');
  expect(r.errors).toHaveLength(1);
  return formatDiagnostic(r.errors[0]!);
}
