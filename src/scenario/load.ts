/**
 * The scenario entry points: text or file → validated, compiled {@link Model}. A scenario
 * is only valid when each of its variants compiles too (a variant that breaks the plan is
 * an error naming the variant).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Model } from '../model/types.js';
import { ARG } from '../util/argument-kinds.js';
import { argumentProblem, checkArgument } from '../util/arguments.js';
import { checkOptionNames, type OptionNames, optionNamesProblem } from '../util/option-names.js';
import type { Diagnostic, Result } from '../util/result.js';
import { fail, InputError, ok } from '../util/result.js';
import { buildModel, type CompileOptions, sortByLine, validateDocument } from './compile.js';
import { sameDesign } from './design-basis.js';
import { MAX_FILE_BYTES } from './limits.js';
import { msg } from './messages.js';
import { decodeScenarioBytes, parseText } from './parse.js';
import type { Segment } from './path.js';
import type { SourceMap } from './source-map.js';
import { STDIN } from './stdin.js';
import { applyEdits, type EditSource } from './variants.js';

/**
 * Compiles `doc` with dot-path edits applied (a variant's `set`, or one-off `--set`
 * what-ifs): errors inside an edited field point at the edit, others at the base field; every
 * message names whose edit it was.
 */
export function compileEdited(
  doc: unknown,
  source: SourceMap,
  file: string,
  entries: readonly (readonly [string, unknown])[],
  edit: EditSource,
  opts: CompileOptions,
): Result<Model> {
  const applied = applyEdits(doc, entries, file, edit);
  if (!applied.ok) return applied;
  const { edits } = applied.value;
  const startsWith = (s: readonly Segment[], p: readonly Segment[]) =>
    p.length <= s.length && p.every((x, i) => x === s[i]);
  const editedSource: SourceMap = {
    lineOf: (s) => {
      const e = edits.find((x) => startsWith(s, x.segments) || startsWith(x.segments, s));
      return e !== undefined ? edit.lineOf(edit.at(e.key)) : source.lineOf(s);
    },
  };
  const v = validateDocument(applied.value.doc, editedSource, file);
  const r = v.ok ? buildModel(v.value, editedSource, file, opts) : v;
  if (r.ok) return r;
  return fail(r.errors.map((d) => ({ ...d, message: edit.describe(d.message) })));
}

/** The edits of variant `name` (its `set` map), or [] when the document has no such variant. */
export function variantEntries(doc: unknown, name: string): [string, unknown][] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  const variants = isObject(doc) && isObject(doc.variants) ? doc.variants : {};
  const v = Object.hasOwn(variants, name) ? variants[name] : undefined;
  return isObject(v) && isObject(v.set) ? Object.entries(v.set) : [];
}

/**
 * `model` with its base's design (which inputs are stratified and correlated) when it
 * samples and correlates like the base, so the two run on exactly the same trials.
 */
export function withBaseDesign(base: Model, model: Model): Model {
  const same =
    model.simulation.sampling === base.simulation.sampling &&
    sameDesign({ ...model.design, stratified: [] }, { ...base.design, stratified: [] });
  return same ? { ...model, design: base.design } : model;
}

/** A scenario compiled once: its document, the base plan and every variant plan. */
export interface ScenarioBundle {
  /** File name as messages show it. */
  readonly file: string;
  /** The parsed document (variants and `--set` edits apply to copies of it). */
  readonly doc: unknown;
  readonly source: SourceMap;
  /** The options every plan of the bundle was compiled with (trials, seed). */
  readonly options: CompileOptions;
  readonly base: Model;
  /** Every variant's plan, in file order, sharing the base's design where it can. */
  readonly variants: ReadonlyMap<string, Model>;
}

/**
 * Compiles the base plan and every variant from one parsed document; a variant that does
 * not compile is an error naming the variant. `opts.variant` is ignored (pick from
 * `variants`).
 * @example compileBundle(doc, source, 'plan.yaml').value.variants.get('hire_q2')
 */
export function compileBundle(
  doc: unknown,
  source: SourceMap,
  file: string,
  opts: CompileOptions = {},
): Result<ScenarioBundle> {
  const { variant: _ignored, ...options } = opts;
  const v = validateDocument(doc, source, file);
  if (!v.ok) return v;
  const base = buildModel(v.value, source, file, options);
  if (!base.ok) return base;
  const errors: Diagnostic[] = [];
  const variants = new Map<string, Model>();
  for (const { name } of base.value.variants) {
    const r = compileEdited(
      doc,
      source,
      file,
      variantEntries(doc, name),
      {
        at: (key) => ['variants', name, 'set', key],
        describe: (m) => msg.variant(name, m),
        lineOf: (s) => source.lineOf(s),
      },
      options,
    );
    if (r.ok) variants.set(name, withBaseDesign(base.value, { ...r.value, variant: name }));
    else errors.push(...r.errors);
  }
  if (errors.length > 0) return fail(sortByLine(errors));
  return ok({ file, doc, source, options, base: base.value, variants });
}

/** The plan of `bundle` named by `variant` (the base when undefined), or a diagnostic. */
export function pickPlan(bundle: ScenarioBundle, variant: string | undefined): Result<Model> {
  if (variant === undefined) return ok(bundle.base);
  const model = bundle.variants.get(variant);
  if (model !== undefined) return ok(model);
  const message = msg.variantUnknown(variant, [...bundle.variants.keys()]);
  return fail([{ file: bundle.file, line: null, path: '', message }]);
}

/** Compiles a parsed document: the base plan, then every variant (or applies `opts.variant`). */
export function compileDocument(
  doc: unknown,
  source: SourceMap,
  file: string,
  opts: CompileOptions = {},
): Result<Model> {
  const bundle = compileBundle(doc, source, file, opts);
  return bundle.ok ? pickPlan(bundle.value, opts.variant) : bundle;
}

/** Options of the file entry points: compile options plus the name shown in messages. */
export interface FileOptions extends CompileOptions {
  /** File name shown in messages (default: `path` as given), e.g. the path the user typed. */
  readonly displayName?: string | undefined;
}

// The entry points refuse an option they do not take (`{ varient: 'x' }` would otherwise
// compile the base plan without a word); the internal paths below them are not checked again.
const COMPILE_OPTIONS: OptionNames<CompileOptions> = { variant: true, trials: true, seed: true };
const FILE_OPTIONS: OptionNames<FileOptions> = { ...COMPILE_OPTIONS, displayName: true };

/** Text → the bundle, options already checked. */
function bundleOfText(text: string, file: string, opts: CompileOptions): Result<ScenarioBundle> {
  const parsed = parseText(text, file);
  if (!parsed.ok) return parsed;
  return compileBundle(parsed.value.doc, parsed.value.source, file, opts);
}

/** Text → the plan `opts.variant` names, options already checked. */
function modelOfText(text: string, file: string, opts: CompileOptions): Result<Model> {
  const parsed = parseText(text, file);
  if (!parsed.ok) return parsed;
  return compileDocument(parsed.value.doc, parsed.value.source, file, opts);
}

/**
 * YAML or JSON text → the base plan and every variant, from one parse. An option it does not
 * take is a diagnostic (`compileAll: options.seeds: ✖ unknown option seeds; did you mean
 * seed? …`), as is options that are no object.
 * @example compileAll(text, 'plan.yaml', { trials: 2000 }).value.base
 */
export function compileAll(
  text: string,
  file: string,
  opts: CompileOptions = {},
): Result<ScenarioBundle> {
  const bad =
    argumentProblem('compileAll', 'text', text, ARG.scenarioText) ??
    argumentProblem('compileAll', 'file', file, ARG.fileName) ??
    optionNamesProblem('compileAll', opts, COMPILE_OPTIONS);
  return bad === null ? bundleOfText(text, file, opts) : fail([bad]);
}

/**
 * YAML or JSON text → {@link Model}: parse (with input limits), validate, cross-check,
 * normalise. Returns every problem of the file at once; an option it does not take is a
 * diagnostic (`compileScenario: options.varient: ✖ unknown option varient; did you mean
 * variant? …`).
 * @example compileScenario(text, 'plan.yaml', { trials: 1000 })
 */
export function compileScenario(
  text: string,
  file: string,
  opts: CompileOptions = {},
): Result<Model> {
  const bad =
    argumentProblem('compileScenario', 'text', text, ARG.scenarioText) ??
    argumentProblem('compileScenario', 'file', file, ARG.fileName) ??
    optionNamesProblem('compileScenario', opts, COMPILE_OPTIONS);
  return bad === null ? modelOfText(text, file, opts) : fail([bad]);
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

export { STDIN };

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
 * Reads and compiles a scenario file; "cannot read FILE: no such file" when it is missing,
 * and an option it does not take is a diagnostic, before the file is read.
 * @example await compileScenarioFile('scenarios/b2b-saas.yaml')
 */
export async function compileScenarioFile(
  path: string,
  opts: FileOptions = {},
): Promise<Result<Model>> {
  const bad =
    argumentProblem('compileScenarioFile', 'path', path, ARG.path) ??
    optionNamesProblem('compileScenarioFile', opts, FILE_OPTIONS);
  if (bad !== null) return fail([bad]);
  const display = opts.displayName ?? path;
  const text = await readScenarioText(path, display);
  if (!text.ok) return text;
  return modelOfText(text.value, display, opts);
}

/**
 * Like {@link compileScenarioFile}, but throws an {@link InputError} carrying the
 * diagnostics (for CLI commands, which exit 2 on it).
 * @throws InputError also for an option it does not take, before the file is read
 * (`loadModel: options.varient: ✖ unknown option varient; did you mean variant? …`).
 * @example const model = await loadModel('scenarios/b2b-saas.yaml', { variant: 'hire_q2' });
 */
export async function loadModel(path: string, opts: FileOptions = {}): Promise<Model> {
  checkArgument('loadModel', 'path', path, ARG.path);
  checkOptionNames('loadModel', opts, FILE_OPTIONS);
  return (await loadScenario(path, opts)).model;
}

/**
 * Like {@link loadModel}, and also returns the text the model was compiled from (read once,
 * so what a trials file records is exactly what was simulated) and the whole bundle (base
 * and every variant, from that one parse).
 */
export async function loadScenario(
  path: string,
  opts: FileOptions = {},
): Promise<{ model: Model; text: string; bundle: ScenarioBundle }> {
  const display = opts.displayName ?? path;
  const text = await readScenarioText(path, display);
  if (!text.ok) throw new InputError(text.errors);
  const bundle = bundleOfText(text.value, display, opts);
  if (!bundle.ok) throw new InputError(bundle.errors);
  const model = pickPlan(bundle.value, opts.variant);
  if (!model.ok) throw new InputError(model.errors);
  return { model: model.value, text: text.value, bundle: bundle.value };
}

/**
 * Reads and compiles a scenario file into its base plan and every variant (one parse);
 * throws an {@link InputError} with the diagnostics, or naming an option it does not take.
 * @example const { base, variants } = await loadBundle('scenarios/b2b-saas.yaml');
 */
export async function loadBundle(path: string, opts: FileOptions = {}): Promise<ScenarioBundle> {
  checkArgument('loadBundle', 'path', path, ARG.path);
  checkOptionNames('loadBundle', opts, FILE_OPTIONS);
  return (await loadScenario(path, opts)).bundle;
}
