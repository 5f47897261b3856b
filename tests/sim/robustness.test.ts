/**
 * No silent wrong numbers: numeric mutations of the example scenarios (zeros, tiny and
 * huge values, extremes of each domain) that the validator accepts either forecast with
 * every output number finite, or stop with a SimulationError — never another exception,
 * never NaN or Infinity in the output — with 1, 2 or 30 trials.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { forecast } from '../../src/analysis/forecast.js';
import { stringifyForecast } from '../../src/analysis/forecast-json.js';
import { compileDocument } from '../../src/scenario/index.js';
import { NO_SOURCE } from '../../src/scenario/source-map.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');
// Precision targets are dropped: they would multiply the trials of every mutation.
const docs = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const doc = parse(readFileSync(join(SCENARIOS, f), 'utf8')) as {
      simulation?: { precision?: unknown };
    };
    delete doc.simulation?.precision;
    return doc as unknown;
  });

/** Paths of every number in a document. */
function numberPaths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof v === 'number') return [prefix];
  if (Array.isArray(v)) return v.flatMap((x, i) => numberPaths(x, [...prefix, i]));
  if (v !== null && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, x]) => numberPaths(x, [...prefix, k]));
  }
  return [];
}

function setAt(doc: unknown, path: (string | number)[], value: number): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

const EDGE = fc.constantFrom(0, 1e-12, 1e-6, 0.5, 0.999999, 1, 2, 1e6, 1e9, 1e12, 1e14);

describe('engine robustness', () => {
  it('forecasts any accepted numeric mutation with finite outputs, or stops with a SimulationError', async () => {
    let forecasts = 0;
    let stopped = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: docs.length - 1 }),
        fc.array(fc.tuple(fc.nat(), EDGE), { minLength: 1, maxLength: 3 }),
        // One and two trials are edge cases too (no spread, no rank correlation).
        fc.constantFrom(1, 2, 30, 30),
        async (which, edits, trials) => {
          let doc: unknown = docs[which];
          const paths = numberPaths(doc).filter(
            (p) => !['simulation', 'calendar'].includes(String(p[0])),
          );
          for (const [i, value] of edits) doc = setAt(doc, paths[i % paths.length]!, value);
          const compiled = compileDocument(doc, NO_SOURCE, 'mutated.yaml', { trials });
          if (!compiled.ok) return;
          try {
            const r = await forecast(compiled.value, { workers: 1 });
            expect(() => stringifyForecast(r)).not.toThrow();
            forecasts += 1;
          } catch (e) {
            expect((e as Error).name).toBe('SimulationError');
            stopped += 1;
          }
        },
      ),
      { numRuns: 80, seed: 99 },
    );
    // The property must have exercised both outcomes, not only rejected files.
    expect(forecasts).toBeGreaterThan(20);
    expect(stopped).toBeGreaterThan(0);
  });
});
