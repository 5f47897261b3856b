/**
 * Where a field lives in the file: the parsed YAML document keeps every node's offset,
 * and a {@link SourceMap} turns a field path into the 1-based line of the deepest node of
 * that path that exists (the key's line for a map entry).
 */
import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { Segment } from './path.js';

/** Field path → line, for messages. */
export interface SourceMap {
  /** Line of the deepest existing node along `segments`, or null when nothing is known. */
  lineOf(segments: readonly Segment[]): number | null;
}

/** A source map that knows no lines (documents given as objects). */
export const NO_SOURCE: SourceMap = { lineOf: () => null };

function keyMatches(key: unknown, seg: Segment): boolean {
  const k = isScalar(key) ? key.value : key;
  return k === seg || (k !== null && k !== undefined && String(k) === String(seg));
}

/**
 * A {@link SourceMap} over a parsed YAML (or JSON) document.
 * @example yamlSourceMap(doc, lc).lineOf(['channels', 'paid_search', 'spend']) // 12
 */
export function yamlSourceMap(doc: Document, lines: LineCounter): SourceMap {
  const lineAt = (offset: number | undefined): number | null =>
    offset === undefined ? null : lines.linePos(offset).line;
  return {
    lineOf(segments) {
      let node: unknown = doc.contents;
      let line: number | null = lineAt((node as Node | null)?.range?.[0]);
      for (const seg of segments) {
        if (isMap(node)) {
          const pair = node.items.find((p) => keyMatches(p.key, seg));
          if (pair === undefined) break;
          const keyLine = lineAt((pair.key as Node | null)?.range?.[0]);
          line = keyLine ?? line;
          node = pair.value;
        } else if (isSeq(node) && typeof seg === 'number') {
          const item = node.items[seg] as Node | undefined;
          if (item === undefined) break;
          line = lineAt(item.range?.[0]) ?? line;
          node = item;
        } else {
          break;
        }
      }
      return line;
    },
  };
}
