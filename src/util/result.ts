/**
 * Expected failures are values: a {@link Result} carries either a value or diagnostics.
 * Only the API and CLI edges turn errors into exceptions or exit codes.
 */

import { ARG } from './argument-kinds.js';
import { describeValue } from './describe-value.js';

/** One problem with user input, located as precisely as the parser knows. */
export interface Diagnostic {
  /** File name as the user gave it, or `<input>`. */
  readonly file: string;
  /** 1-based line, or null where the parser cannot know (e.g. JSON given as an object). */
  readonly line: number | null;
  /** Field path, e.g. `channels.paid_search.response.half_spend`; '' for the whole file. */
  readonly path: string;
  /** What was expected and what was found, one sentence. */
  readonly message: string;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(errors: readonly Diagnostic[]): Result<T> => ({
  ok: false,
  errors,
});

/** `file:line: ✖ message → at path` — the one format for every user-facing input error. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  // Checked here rather than with util/arguments.ts, which builds on this module.
  if (!ARG.diagnostic.is(diagnostic)) {
    const message = `expected ${ARG.diagnostic.expected}, got ${describeValue(diagnostic)}`;
    throw new InputError([{ file: 'formatDiagnostic: diagnostic', line: null, path: '', message }]);
  }
  const where =
    diagnostic.line === null ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}`;
  const at = diagnostic.path === '' ? '' : ` → at ${diagnostic.path}`;
  return `${where}: ✖ ${diagnostic.message}${at}`;
}

/** Thrown only at API edges: carries the diagnostics so the CLI can print them and exit 2. */
export class InputError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}
