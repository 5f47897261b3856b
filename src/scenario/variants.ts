/**
 * Variants and dot-path edits of a scenario document. `setPath` returns an edited copy;
 * a path must name a field the format has (a new key may be added to an object section or
 * to a map of numbers, but not a new market, channel, role, …), and an unknown path names
 * the closest valid one.
 */
import type { Diagnostic, Result } from '../util/result.js';
import { fail, ok } from '../util/result.js';
import { closest } from '../util/suggest.js';
import { msg } from './messages.js';
import { FORBIDDEN_KEYS, formatPath, type Segment, splitDotPath } from './path.js';
import { scenarioSchema } from './schema.js';
import { kindOf, schemaAt } from './schema-walk.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Resolves a dot path against a document: `funnel.won.rate`, `funnel.3.rate` and
 * `funnel[3].rate` give `['funnel', 3, 'rate']`. Returns the segments, or the message of
 * why the path names no field.
 */
export function resolvePath(doc: unknown, dotPath: string): Segment[] | string {
  const raw = splitDotPath(dotPath);
  if (raw === null) return msg.variantBadPath(dotPath);
  const out: Segment[] = [];
  let node: unknown = doc;
  for (let i = 0; i < raw.length; i++) {
    let seg = raw[i]!;
    const rest = raw.slice(i + 1);
    const noField = (candidates: Iterable<string>): string => {
      const best = closest(String(seg), candidates);
      const suggestion = best === null ? null : joinDotPath([...raw.slice(0, i), best, ...rest]);
      return msg.variantNoField(dotPath, suggestion);
    };
    if (typeof seg === 'string' && FORBIDDEN_KEYS.has(seg)) return noField([]);
    if (Array.isArray(node)) {
      if (typeof seg === 'string' && /^\d+$/.test(seg)) seg = Number(seg);
      if (typeof seg === 'string') {
        const ids = node.map((s) =>
          isPlainObject(s) && typeof s.stage === 'string' ? s.stage : null,
        );
        const k = ids.indexOf(seg);
        if (k < 0) return noField(ids.filter((x): x is string => x !== null));
        seg = k;
      }
      if (seg >= node.length) return noField([]);
      out.push(seg);
      node = node[seg];
      continue;
    }
    const key = String(seg);
    const schema = schemaAt(scenarioSchema, [...out, key], doc);
    const parentKind = kindOf(schemaAt(scenarioSchema, out, doc) ?? scenarioSchema, node);
    const exists = isPlainObject(node) && Object.hasOwn(node, key);
    // a new key: a field of an object section, or an entry of a map of plain values
    const creatable =
      schema !== null &&
      (parentKind === 'object' ||
        (parentKind === 'record' && !['object', 'record'].includes(kindOf(schema, undefined))));
    if (!exists && !creatable) {
      const fromDoc = isPlainObject(node) ? Object.keys(node) : [];
      const fromSchema: string[] = [];
      const parent = schemaAt(scenarioSchema, out, doc);
      if (parent !== null && kindOf(parent, node) === 'object') {
        const shape = (parent as unknown as { _zod: { def: { shape?: object } } })._zod.def.shape;
        if (shape) fromSchema.push(...Object.keys(shape));
      }
      return noField([...fromDoc, ...fromSchema]);
    }
    if (node !== undefined && !isPlainObject(node)) return noField([]);
    out.push(key);
    node = exists ? (node as Record<string, unknown>)[key] : undefined;
  }
  return out;
}

/** Dot path as the user writes it: `funnel.won.rate`, `markets.smb.seasonality[3]`. */
function joinDotPath(segments: readonly Segment[]): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}

function cloneJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(cloneJson);
  if (isPlainObject(v)) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(o, k, {
        value: cloneJson(x),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return o;
  }
  return v;
}

/** Sets `segments` in `doc` (mutating it), creating missing intermediate maps. */
function assign(doc: unknown, segments: readonly Segment[], value: unknown): void {
  let node = doc as Record<string | number, unknown>;
  segments.forEach((seg, i) => {
    if (i === segments.length - 1) {
      Object.defineProperty(node, seg, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return;
    }
    if (node[seg] === undefined) {
      Object.defineProperty(node, seg, {
        value: {},
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    node = node[seg] as Record<string | number, unknown>;
  });
}

/**
 * A copy of `doc` with the field at `dotPath` set to `value` (the value is validated when
 * the copy is compiled), or a diagnostic naming the closest valid path.
 * @example setPath(doc, 'channels.dealers.spend', 20000)
 */
export function setPath(
  doc: unknown,
  dotPath: string,
  value: unknown,
  file = '<input>',
): Result<unknown> {
  const segs = resolvePath(doc, dotPath);
  if (typeof segs === 'string') return fail([{ file, line: null, path: dotPath, message: segs }]);
  const copy = cloneJson(doc);
  assign(copy, segs, cloneJson(value));
  return ok(copy);
}

/** Where each edit of a variant landed, for locating its errors. */
export interface AppliedVariant {
  readonly doc: unknown;
  /** Resolved segments and the `set` key of each edit. */
  readonly edits: readonly { readonly segments: readonly Segment[]; readonly key: string }[];
}

/**
 * How the edits of one variant, or of one-off `--set` what-ifs, report problems: where
 * each edit lives (the diagnostic's path, and its line if the file has one) and the
 * message prefix naming whose edit it is.
 */
export interface EditSource {
  /** The diagnostic path of the edit whose key is `key`, e.g. `variants.a.set["x.y"]`. */
  readonly at: (key: string) => readonly Segment[];
  /** The message with its owner named, e.g. `variant a: …`. */
  readonly describe: (message: string) => string;
  readonly lineOf: (segments: readonly Segment[]) => number | null;
}

/**
 * Applies dot-path edits to a copy of `doc`, in order. Every edit's path must name a field
 * the format has; `variants` itself cannot be edited.
 * @example applyEdits(doc, [['channels.dealers.spend', 20000]], 'plan.yaml', source)
 */
export function applyEdits(
  doc: unknown,
  entries: readonly (readonly [string, unknown])[],
  file: string,
  source: EditSource,
): Result<AppliedVariant> {
  let copy = cloneJson(doc);
  const errors: Diagnostic[] = [];
  const edits: { segments: Segment[]; key: string }[] = [];
  for (const [key, value] of entries) {
    const at = source.at(key);
    const segs = key.startsWith('variants')
      ? msg.variantNoField(key, null)
      : resolvePath(copy, key);
    if (typeof segs === 'string') {
      errors.push({
        file,
        line: source.lineOf(at),
        path: formatPath(at),
        message: source.describe(segs),
      });
      continue;
    }
    assign(copy, segs, cloneJson(value));
    edits.push({ segments: segs, key });
  }
  if (errors.length > 0) return fail(errors);
  copy = copy as Record<string, unknown>;
  return ok({ doc: copy, edits });
}

/** Applies variant `name` of `doc`; diagnostics are reported at `variants.NAME.set[PATH]`. */
export function applyVariantDetailed(
  doc: unknown,
  name: string,
  file = '<input>',
  lineOf: (segments: readonly Segment[]) => number | null = () => null,
): Result<AppliedVariant> {
  const variants = isPlainObject(doc) && isPlainObject(doc.variants) ? doc.variants : {};
  const v = Object.hasOwn(variants, name) ? variants[name] : undefined;
  if (!isPlainObject(v)) {
    return fail([
      { file, line: null, path: '', message: msg.variantUnknown(name, Object.keys(variants)) },
    ]);
  }
  const set = isPlainObject(v.set) ? v.set : {};
  return applyEdits(doc, Object.entries(set), file, {
    at: (key) => ['variants', name, 'set', key],
    describe: (m) => msg.variant(name, m),
    lineOf,
  });
}

/**
 * The document with variant `variant`'s `set` edits applied (a copy), or diagnostics.
 * @example applyVariant(doc, 'shift_to_online')
 */
export function applyVariant(doc: unknown, variant: string, file = '<input>'): Result<unknown> {
  const r = applyVariantDetailed(doc, variant, file);
  return r.ok ? ok(r.value.doc) : r;
}
