/**
 * How a value the user gave is shown in a message, by every layer: the scenario's fields,
 * the CLI's flags and the library's options.
 */

/**
 * How a found value is shown: `string "abc"`, `number 1.5`, `a list`, `a map`, `nothing`.
 * @example describeValue('abc') // 'string "abc"'
 */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'nothing (an empty value)';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN (not a number)';
    if (!Number.isFinite(v)) return v > 0 ? 'infinity' : '-infinity';
    return `number ${v}`;
  }
  if (typeof v === 'string') {
    const s = v.length > 60 ? `${v.slice(0, 57)}…` : v;
    return `string ${JSON.stringify(s)}`;
  }
  if (typeof v === 'boolean') return `boolean ${v}`;
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (v instanceof Uint8Array) return 'binary data';
  if (typeof v === 'object') return 'a map';
  return typeof v;
}
