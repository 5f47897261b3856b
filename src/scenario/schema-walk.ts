/**
 * Walks the zod schema along a field path, following the document to choose between union
 * options. Used to name the valid fields of a map (for "did you mean") and to decide
 * whether a variant's `set` path names a field the format has.
 */
import type { z } from 'zod';
import type { Segment } from './path.js';

// zod 4 keeps its definition under `_zod.def`; only the fields read here are typed.
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
}

const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The schema with optional/default/pipe wrappers removed, union options chosen by `value`. */
export function unwrap(schema: z.ZodType, value: unknown): z.ZodType {
  for (let guard = 0; guard < 64; guard++) {
    const d = def(schema);
    if (d.innerType !== undefined) schema = d.innerType;
    else if (d.type === 'pipe' && d.in !== undefined) schema = d.in;
    else if (d.type === 'union' && d.options !== undefined) {
      const pick = pickOption(d, value);
      if (pick === null) return schema;
      schema = pick;
    } else return schema;
  }
  return schema;
}

function pickOption(d: Def, value: unknown): z.ZodType | null {
  const options = d.options ?? [];
  if (d.discriminator !== undefined && isPlainObject(value)) {
    const tag = value[d.discriminator];
    for (const o of options) {
      const lit = def(unwrap(o, undefined)).shape?.[d.discriminator];
      if (lit !== undefined && (def(lit).values ?? []).includes(tag)) return o;
    }
    return null;
  }
  const want = Array.isArray(value) ? 'array' : isPlainObject(value) ? 'object' : typeof value;
  for (const o of options) {
    const t = def(unwrap(o, undefined)).type;
    if (t === want || (want === 'object' && t === 'record')) return o;
  }
  return null;
}

/** Schema of the field at `segments` (following `doc`), or null when the format has no such field. */
export function schemaAt(
  root: z.ZodType,
  segments: readonly Segment[],
  doc: unknown,
): z.ZodType | null {
  let schema: z.ZodType = root;
  let value: unknown = doc;
  for (const seg of segments) {
    const s = unwrap(schema, value);
    const d = def(s);
    if (d.type === 'object' && typeof seg === 'string' && d.shape && seg in d.shape) {
      schema = d.shape[seg]!;
    } else if (d.type === 'record' && typeof seg === 'string' && d.valueType) {
      schema = d.valueType;
    } else if (d.type === 'array' && typeof seg === 'number' && d.element) {
      schema = d.element;
    } else if (d.type === 'tuple' && typeof seg === 'number' && d.items?.[seg]) {
      schema = d.items[seg]!;
    } else {
      return null;
    }
    value = isPlainObject(value) || Array.isArray(value) ? (value as never)[seg] : undefined;
  }
  return schema;
}

/** The fields an object schema at `segments` accepts, or null when it is not an object. */
export function fieldsAt(
  root: z.ZodType,
  segments: readonly Segment[],
  doc: unknown,
): string[] | null {
  const s = schemaAt(root, segments, doc);
  if (s === null) return null;
  const d = def(unwrap(s, valueAt(doc, segments)));
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : null;
}

/** Kind of the schema: 'object', 'record', 'array', 'tuple' or a leaf type name. */
export function kindOf(schema: z.ZodType, value: unknown): string {
  return def(unwrap(schema, value)).type;
}

/** The value at `segments` in a plain document, or undefined. */
export function valueAt(doc: unknown, segments: readonly Segment[]): unknown {
  let v = doc;
  for (const seg of segments) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isPlainObject(v) && Object.hasOwn(v, String(seg))) v = v[String(seg)];
    else return undefined;
  }
  return v;
}
