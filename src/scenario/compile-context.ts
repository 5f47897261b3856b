/**
 * What the compile steps share: the parameter table, the calendar, the id → index maps and
 * an error sink that records a diagnostic at a field path.
 */
import type { Calendar } from '../model/types.js';
import { closest } from '../util/suggest.js';
import { msg } from './messages.js';
import type { ParamTable } from './params.js';
import type { Segment } from './path.js';

/** Shared state of one compilation. */
export interface CompileContext {
  readonly params: ParamTable;
  readonly calendar: Calendar;
  readonly markets: ReadonlyMap<string, number>;
  readonly stages: ReadonlyMap<string, number>;
  readonly roles: ReadonlyMap<string, number>;
  readonly channels: ReadonlyMap<string, number>;
  /** Records a problem at a field path. */
  err(path: readonly Segment[], message: string): void;
}

/** Index of `id` in `ids`, or -1 after reporting "no KIND ID; did you mean …?" at `path`. */
export function resolveRef(
  ctx: CompileContext,
  ids: ReadonlyMap<string, number>,
  kind: string,
  id: string,
  path: readonly Segment[],
): number {
  const i = ids.get(id);
  if (i !== undefined) return i;
  const known = [...ids.keys()];
  ctx.err(path, msg.unknownRef(kind, id, closest(id, known), known));
  return -1;
}

/** Index map of the keys of a record, in file order. */
export const indexOf = (keys: readonly string[]): Map<string, number> =>
  new Map(keys.map((k, i) => [k, i]));
