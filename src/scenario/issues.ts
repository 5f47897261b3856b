/**
 * zod issues → {@link Diagnostic}s in the one message format: what was expected, what was
 * found (read from the document), the field path and its line. Unions report the option
 * that matches the value's type; unknown fields name the closest valid field.
 */
import type { z } from 'zod';
import { describeValue } from '../util/describe-value.js';
import type { Diagnostic } from '../util/result.js';
import { closest } from '../util/suggest.js';
import { expected, msg } from './messages.js';
import { formatPath, type Segment } from './path.js';
import { fieldsAt, valueAt } from './schema-walk.js';
import type { SourceMap } from './source-map.js';

/** Message zod writes where no schema phrase applies; the mapper writes its own then. */
export const NO_PHRASE = '\u0000';

type Issue = z.core.$ZodIssue;

/** Where diagnostics are reported: the file, the document, its schema and source map. */
export interface IssueContext {
  readonly file: string;
  readonly doc: unknown;
  readonly schema: z.ZodType;
  readonly source: SourceMap;
}

const TYPE_PHRASE: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'a map',
  array: 'a list',
  record: 'a map',
  tuple: 'a list',
};

/** A diagnostic at `segments`, with the line the source map knows. */
export function diagnosticAt(
  ctx: Pick<IssueContext, 'file' | 'source'>,
  segments: readonly Segment[],
  message: string,
): Diagnostic {
  return { file: ctx.file, line: ctx.source.lineOf(segments), path: formatPath(segments), message };
}

const phraseOf = (i: { message: string }, fallback: string): string =>
  i.message === NO_PHRASE || i.message === '' ? fallback : i.message;

function bound(i: { minimum?: unknown; maximum?: unknown; inclusive?: boolean }, small: boolean) {
  const b = Number(small ? i.minimum : i.maximum);
  const op = small ? (i.inclusive ? '≥' : '>') : i.inclusive ? '≤' : '<';
  return { op, b };
}

/**
 * Turns zod issues (paths relative to `prefix`) into diagnostics. A required field reported
 * missing where an unknown field next to it is its likely misspelling ("deal_sise" for
 * "deal_size") is left to the unknown field's "did you mean", so the fix reads as one edit.
 */
export function issuesToDiagnostics(
  issues: readonly Issue[],
  ctx: IssueContext,
  prefix: readonly Segment[] = [],
): Diagnostic[] {
  const suggested = new Set<string>();
  const out = collect(issues, ctx, prefix, suggested);
  return out
    .filter((d) => !(d.missing === true && suggested.has(d.path)))
    .map(({ missing: _, ...d }) => d);
}

type Collected = Diagnostic & { missing?: boolean };

function collect(
  issues: readonly Issue[],
  ctx: IssueContext,
  prefix: readonly Segment[],
  suggested: Set<string>,
): Collected[] {
  const out: Collected[] = [];
  for (const i of issues) {
    const path: Segment[] = [
      ...prefix,
      ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    ];
    const value = valueAt(ctx.doc, path);
    const at = (message: string, p: readonly Segment[] = path) =>
      out.push(diagnosticAt(ctx, p, message));
    const missing = (what: string) =>
      out.push({ ...diagnosticAt(ctx, path, msg.missing(what)), missing: true });
    switch (i.code) {
      case 'custom':
        at(i.message);
        break;
      case 'unrecognized_keys': {
        const known = fieldsAt(ctx.schema, path, ctx.doc) ?? [];
        for (const key of i.keys) {
          const guess = closest(key, known);
          if (guess !== null) suggested.add(formatPath([...path, guess]));
          at(msg.unknownField(key, guess, known), [...path, key]);
        }
        break;
      }
      case 'invalid_union': {
        const note = i as Issue & { discriminator?: string; options?: unknown[] };
        if (note.discriminator !== undefined) {
          const opts = note.options ?? [];
          if (value === undefined) missing(`one of ${opts.join(', ')}`);
          else at(msg.oneOf(opts, value));
          break;
        }
        const matching = i.errors.filter(
          (errs) =>
            !(errs.length === 1 && errs[0]!.code === 'invalid_type' && errs[0]!.path.length === 0),
        );
        if (value !== undefined && matching.length > 0) {
          const best = matching.reduce((a, b) => (b.length < a.length ? b : a));
          out.push(...collect(best, ctx, path, suggested));
        } else if (value === undefined) missing(i.message);
        else at(expected(i.message, value));
        break;
      }
      case 'invalid_type': {
        const phrase = phraseOf(i, TYPE_PHRASE[i.expected] ?? i.expected);
        if (value === undefined) missing(phrase);
        else at(expected(phrase, value));
        break;
      }
      case 'too_small':
      case 'too_big': {
        const small = i.code === 'too_small';
        if (i.origin === 'array' || i.origin === 'set') {
          const n = Array.isArray(value) ? value.length : 0;
          const { b } = bound(i, small);
          if (i.message !== NO_PHRASE && !i.message.startsWith('a number'))
            at(expected(i.message, value));
          else at(small ? msg.tooFewItems(b, n) : msg.tooManyItems(b, n));
        } else if (i.origin === 'string') {
          at(
            expected(
              small ? 'non-empty text' : `text of at most ${Number(i.maximum)} characters`,
              value,
            ),
          );
        } else {
          const { op, b } = bound(i, small);
          // A bound's own phrase ("a probability strictly between 0 and 1"), else the type's.
          const own = ![NO_PHRASE, '', 'a number', 'a whole number'].includes(i.message);
          const what = i.message === 'a whole number' ? 'a whole number' : 'a number';
          at(expected(own ? i.message : `${what} ${op} ${b}`, value));
        }
        break;
      }
      case 'invalid_format':
        at(expected(phraseOf(i, `text matching ${i.format}`), value));
        break;
      case 'invalid_value':
        at(i.message === NO_PHRASE ? msg.oneOf(i.values, value) : expected(i.message, value));
        break;
      case 'invalid_key': {
        const key = path[path.length - 1];
        const inner = i.issues[0];
        if (
          typeof key === 'string' &&
          inner?.code === 'invalid_format' &&
          inner.message === 'a name'
        ) {
          at(msg.badName(key));
        } else {
          at(expected(`${phraseOf(inner ?? i, 'a valid key')} as key`, key));
        }
        break;
      }
      case 'invalid_element':
        out.push(...collect(i.issues, ctx, path, suggested));
        break;
      default:
        at(`invalid value: ${describeValue(value)}`);
    }
  }
  return out;
}
