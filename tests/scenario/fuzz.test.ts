/**
 * The validator never throws: arbitrary JSON values, arbitrary text, and random mutations of
 * the example scenarios always give a model or a list of diagnostics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { compileDocument, compileScenario } from '../../src/scenario/index.js';
import { NO_SOURCE } from '../../src/scenario/source-map.js';
import { BASE } from './base.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');
const examples = [
  BASE,
  ...readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(join(SCENARIOS, f), 'utf8')),
];

function wellFormed(r: ReturnType<typeof compileScenario>): boolean {
  if (r.ok) return typeof r.value.name === 'string';
  return (
    r.errors.length > 0 &&
    r.errors.every((d) => typeof d.message === 'string' && d.message.length > 0)
  );
}

/** Every path to a node of a plain document. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) out.push(...paths(x, [...prefix, i]));
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  }
  return out;
}

function mutate(
  doc: unknown,
  path: (string | number)[],
  action: 'set' | 'delete',
  value: unknown,
): unknown {
  const copy = structuredClone(doc);
  if (path.length === 0) return action === 'set' ? value : copy;
  let node = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (action === 'delete') {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

const noise = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1,
    0,
    1e300,
    '10% to 5%',
    '1 to 2',
    { dist: 'beta' },
    '__proto__',
  ),
);

describe('the validator never throws', () => {
  it('on arbitrary JSON values as documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => wellFormed(compileDocument(v, NO_SOURCE, 'fuzz.json'))),
      { seed: 20270101, numRuns: 500 },
    );
  });

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (t) =>
        wellFormed(compileScenario(t, 'fuzz.yaml')),
      ),
      { seed: 20270102, numRuns: 500 },
    );
  });

  it('on random mutations of the example scenarios', () => {
    const docs = examples.map((t) => parse(t) as unknown);
    const targets = docs.map((d) => paths(d));
    fc.assert(
      fc.property(
        fc.nat({ max: docs.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('set', 'delete'), noise), {
          minLength: 1,
          maxLength: 3,
        }),
        (which, edits) => {
          let d = docs[which];
          for (const [n, action, value] of edits) {
            const ps = paths(d);
            d = mutate(d, ps[n % ps.length]!, action as 'set' | 'delete', value);
          }
          const asText = compileScenario(stringify(d), 'mutant.yaml');
          return wellFormed(compileDocument(d, NO_SOURCE, 'mutant.yaml')) && wellFormed(asText);
        },
      ),
      { seed: 20270103, numRuns: 300 },
    );
    expect(targets.every((t) => t.length > 10)).toBe(true);
  });
});
