/**
 * Text → plain document, safely. A cheap pre-scan refuses nesting that would exhaust the
 * parser's stack; the `yaml` package then parses YAML or JSON (JSON is YAML's flow subset,
 * so both give line numbers), with unique keys, a cap on alias expansion and a depth check.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic, Result } from '../util/result.js';
import { fail, ok } from '../util/result.js';
import {
  MAX_ALIAS_COUNT,
  MAX_DEPTH,
  MAX_FILE_BYTES,
  MAX_FLOW_DEPTH,
  MAX_INDENT,
} from './limits.js';
import { msg } from './messages.js';
import { NO_SOURCE, type SourceMap, yamlSourceMap } from './source-map.js';

/** A parsed scenario document with the map from field paths to lines. */
export interface ParsedText {
  readonly doc: unknown;
  readonly source: SourceMap;
}

const fileError = (file: string, line: number | null, message: string): Diagnostic => ({
  file,
  line,
  path: '',
  message,
});

/** Line (1-based) and message of the first nesting the parser could not survive, or null. */
function prescan(text: string): { line: number; message: string } | null {
  let flow = 0;
  let line = 1;
  let atLineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      atLineStart = true;
      indent = 0;
      continue;
    }
    if (atLineStart) {
      // spaces, and compact "- " / "? " / ": " indicators, each open one more block level
      if (c === 32 || ((c === 45 || c === 63 || c === 58) && text.charCodeAt(i + 1) === 32)) {
        indent++;
        if (indent > MAX_INDENT) return { line, message: msg.indentTooDeep };
        continue;
      }
      atLineStart = false;
    }
    if (c === 91 || c === 123) {
      flow++;
      if (flow > MAX_FLOW_DEPTH) return { line, message: msg.flowTooDeep };
    } else if ((c === 93 || c === 125) && flow > 0) {
      flow--;
    }
  }
  return null;
}

/** Depth of nested arrays/objects, iteratively (no recursion on hostile input). */
function depthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= max) return true;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

/**
 * Parses YAML or JSON text into a plain document and its source map; every problem is a
 * {@link Diagnostic} (never a throw). Limits: {@link MAX_FILE_BYTES} characters,
 * {@link MAX_ALIAS_COUNT} alias expansions, {@link MAX_DEPTH} levels, no NUL characters,
 * unique keys, one document.
 */
export function parseText(text: string, file: string): Result<ParsedText> {
  if (text.length > MAX_FILE_BYTES) return fail([fileError(file, null, msg.tooLarge(text.length))]);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return fail([fileError(file, null, msg.binary(nul))]);
  const deep = prescan(text);
  if (deep !== null) return fail([fileError(file, deep.line, deep.message)]);

  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    merge: true,
    // !!binary, !!set, !!omap, !!timestamp stay plain text: a scenario holds only maps, lists, numbers, text
    resolveKnownTags: false,
  });
  if (doc.errors.length > 0) {
    const seen = new Set<string>();
    const errors: Diagnostic[] = [];
    for (const e of doc.errors) {
      const line = lines.linePos(e.pos[0]).line;
      let message: string;
      if (e.code === 'DUPLICATE_KEY') {
        const m = /^"((?:[^"\\]|\\.)*)"|^'([^']*)'|^([^:\n,}]*)/.exec(
          text.slice(e.pos[0], e.pos[0] + 400),
        );
        message = msg.duplicateKey((m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim());
      } else if (e.code === 'MULTIPLE_DOCS') {
        message = msg.multipleDocuments;
      } else {
        message = msg.yamlSyntax(
          e.message.split('\n')[0]!.replace(/\.$/, ''),
          /\.json$/i.test(file),
        );
      }
      // one syntax error per line: later ones on the same line are usually its echoes
      const k = e.code === 'DUPLICATE_KEY' ? `${line}:${message}` : `${line}`;
      if (!seen.has(k)) errors.push(fileError(file, line, message));
      seen.add(k);
    }
    return fail(errors);
  }
  if (doc.contents === null) {
    return fail([fileError(file, null, msg.empty)]);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError) return fail([fileError(file, null, msg.aliases)]);
    return fail([
      fileError(file, null, msg.yamlSyntax(e instanceof Error ? e.message : String(e))),
    ]);
  }
  if (depthExceeds(value, MAX_DEPTH)) return fail([fileError(file, null, msg.tooDeep)]);
  return ok({ doc: value, source: yamlSourceMap(doc, lines) });
}

/**
 * YAML or JSON text → plain document, with the input limits of {@link parseText}.
 * @example parseScenarioText('calendar: {start: 2027-01, periods: 12}', 'plan.yaml')
 */
export function parseScenarioText(text: string, file: string): Result<unknown> {
  const r = parseText(text, file);
  return r.ok ? ok(r.value.doc) : r;
}

/**
 * File bytes → text: refuses files over {@link MAX_FILE_BYTES}, NUL bytes (binary) and
 * invalid UTF-8; strips a byte-order mark.
 */
export function decodeScenarioBytes(bytes: Uint8Array, file: string): Result<string> {
  if (bytes.length > MAX_FILE_BYTES)
    return fail([fileError(file, null, msg.tooLarge(bytes.length))]);
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail([fileError(file, null, msg.binary(nul))]);
  try {
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    return fail([fileError(file, null, msg.notUtf8)]);
  }
}

export { NO_SOURCE };
