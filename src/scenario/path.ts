/**
 * Field paths: a list of segments (map keys and list indices) and their two spellings —
 * `funnel[3].rate` in messages, and dot paths (`funnel.won.rate`, `funnel.3.rate`) in
 * variants and correlations.
 */

/** One step into a document: a map key or a list index. */
export type Segment = string | number;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * The message spelling of a path: keys joined by dots, indices in brackets, odd keys quoted.
 * @example formatPath(['funnel', 3, 'rate']) // 'funnel[3].rate'
 */
export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (PLAIN_KEY.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * Splits a dot path into segments; `a[3]` and `a.3` both give the index 3 (a bare number
 * segment is kept as a string, the resolver decides whether it indexes a list).
 * @example splitDotPath('funnel[3].rate') // ['funnel', 3, 'rate']
 */
export function splitDotPath(path: string): Segment[] | null {
  const out: Segment[] = [];
  const re = /(^|\.)([^.[\]]+)|\[(\d+)\]/y;
  let pos = 0;
  while (pos < path.length) {
    re.lastIndex = pos;
    const m = re.exec(path);
    if (m === null) return null;
    out.push(m[3] !== undefined ? Number(m[3]) : m[2]!);
    pos = re.lastIndex;
  }
  return out.length === 0 ? null : out;
}

/** Keys that must never be followed or created through a path (prototype pollution). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);
