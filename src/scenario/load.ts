/**
 * The scenario entry points: text or file → validated, compiled {@link Model}. A scenario
 * is only valid when each of its variants compiles too (a variant that breaks the plan is
 * an error naming the variant).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Model } from '../model/types.js';
import type { Diagnostic, Result } from '../util/result.js';
import { fail, InputError } from '../util/result.js';
import { buildModel, type CompileOptions, sortByLine, validateDocument } from './compile.js';
import { MAX_FILE_BYTES } from './limits.js';
import { msg } from './messages.js';
import { decodeScenarioBytes, parseText } from './parse.js';
import type { Segment } from './path.js';
import type { SourceMap } from './source-map.js';
import { applyVariantDetailed } from './variants.js';

function compileVariant(
  doc: unknown,
  source: SourceMap,
  file: string,
  name: string,
  opts: CompileOptions,
): Result<Model> {
  const applied = applyVariantDetailed(doc, name, file, (s) => source.lineOf(s));
  if (!applied.ok) return applied;
  const { edits } = applied.value;
  const startsWith = (s: readonly Segment[], p: readonly Segment[]) =>
    p.length <= s.length && p.every((x, i) => x === s[i]);
  // errors inside an edited field point at the variant's set entry, others at the base field
  const variantSource: SourceMap = {
    lineOf: (s) => {
      const edit = edits.find((e) => startsWith(s, e.segments) || startsWith(e.segments, s));
      return edit !== undefined
        ? source.lineOf(['variants', name, 'set', edit.key])
        : source.lineOf(s);
    },
  };
  const v = validateDocument(applied.value.doc, variantSource, file);
  const r = v.ok ? buildModel(v.value, variantSource, file, opts) : v;
  if (r.ok) return r;
  return fail(r.errors.map((d) => ({ ...d, message: msg.variant(name, d.message) })));
}

/** Compiles a parsed document: the base plan, then every variant (or applies `opts.variant`). */
export function compileDocument(
  doc: unknown,
  source: SourceMap,
  file: string,
  opts: CompileOptions = {},
): Result<Model> {
  const v = validateDocument(doc, source, file);
  if (!v.ok) return v;
  const base = buildModel(v.value, source, file, opts);
  if (!base.ok) return base;
  const errors: Diagnostic[] = [];
  let chosen: Result<Model> | null = null;
  for (const info of base.value.variants) {
    const r = compileVariant(doc, source, file, info.name, opts);
    if (!r.ok) errors.push(...r.errors);
    if (info.name === opts.variant) chosen = r;
  }
  if (errors.length > 0) return fail(sortByLine(errors));
  if (opts.variant !== undefined) {
    if (chosen === null) {
      const names = base.value.variants.map((x) => x.name);
      return fail([
        { file, line: null, path: '', message: msg.variantUnknown(opts.variant, names) },
      ]);
    }
    return chosen;
  }
  return base;
}

/**
 * YAML or JSON text → {@link Model}: parse (with input limits), validate, cross-check,
 * normalise. Returns every problem of the file at once.
 * @example compileScenario(text, 'plan.yaml', { trials: 1000 })
 */
export function compileScenario(
  text: string,
  file: string,
  opts: CompileOptions = {},
): Result<Model> {
  const parsed = parseText(text, file);
  if (!parsed.ok) return parsed;
  return compileDocument(parsed.value.doc, parsed.value.source, file, opts);
}

/** Options of the file entry points: compile options plus the name shown in messages. */
export interface FileOptions extends CompileOptions {
  /** File name shown in messages (default: `path` as given), e.g. the path the user typed. */
  readonly displayName?: string | undefined;
}

/**
 * Reads a scenario file as text: size limit before reading, binary and UTF-8 checks;
 * messages name the file `display`. `-` ({@link STDIN}) reads standard input.
 */
export async function readScenarioText(path: string, display = path): Promise<Result<string>> {
  if (path === STDIN) return readCapped(process.stdin, display);
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory())
      return fail([{ file: display, line: null, path: '', message: msg.notAFile(display) }]);
    size = st.size;
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message =
      code === 'ENOENT' ? msg.noSuchFile(display) : msg.cannotRead(display, String(code ?? e));
    return fail([{ file: display, line: null, path: '', message }]);
  }
  if (size > MAX_FILE_BYTES)
    return fail([{ file: display, line: null, path: '', message: msg.tooLarge(size) }]);
  // Read until the end: pipes, process substitution (`<(…)`) and /proc files report size 0,
  // and a file may have grown since stat.
  return readCapped(createReadStream(path), display);
}

/** The path that means standard input to {@link readScenarioText}. */
export const STDIN = '-';

/**
 * All of `stream` (a file or standard input) as scenario text, stopping one byte past the
 * size limit; read errors and an over-long input are diagnostics naming `display`.
 */
async function readCapped(
  stream: AsyncIterable<Buffer | string> & { destroy(): void },
  display: string,
): Promise<Result<string>> {
  const chunks: Buffer[] = [];
  let filled = 0;
  try {
    for await (const chunk of stream) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      chunks.push(b);
      filled += b.length;
      if (filled > MAX_FILE_BYTES) {
        stream.destroy();
        return fail([{ file: display, line: null, path: '', message: msg.tooLargeRead() }]);
      }
    }
  } catch (e) {
    return fail([
      {
        file: display,
        line: null,
        path: '',
        message: msg.cannotRead(display, (e as Error).message),
      },
    ]);
  }
  return decodeScenarioBytes(Buffer.concat(chunks), display);
}

/**
 * Reads and compiles a scenario file; "cannot read FILE: no such file" when it is missing.
 * @example await compileScenarioFile('scenarios/b2b-saas.yaml')
 */
export async function compileScenarioFile(
  path: string,
  opts: FileOptions = {},
): Promise<Result<Model>> {
  const display = opts.displayName ?? path;
  const text = await readScenarioText(path, display);
  if (!text.ok) return text;
  return compileScenario(text.value, display, opts);
}

/**
 * Like {@link compileScenarioFile}, but throws an {@link InputError} carrying the
 * diagnostics (for CLI commands, which exit 2 on it).
 */
export async function loadModel(path: string, opts: FileOptions = {}): Promise<Model> {
  return (await loadScenario(path, opts)).model;
}

/**
 * Like {@link loadModel}, and also returns the text the model was compiled from (read once,
 * so what a trials file records is exactly what was simulated).
 */
export async function loadScenario(
  path: string,
  opts: FileOptions = {},
): Promise<{ model: Model; text: string }> {
  const display = opts.displayName ?? path;
  const text = await readScenarioText(path, display);
  if (!text.ok) throw new InputError(text.errors);
  const r = compileScenario(text.value, display, opts);
  if (!r.ok) throw new InputError(r.errors);
  return { model: r.value, text: text.value };
}
