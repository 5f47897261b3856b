/** The JSON Schema from `salesops schema` is valid (ajv compiles it), accepts the examples and rejects bad files. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createCli } from '../../src/cli/app.js';
import { BASE } from './base.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');

async function schemaFromCli(): Promise<Record<string, unknown>> {
  let out = '';
  const code = await createCli({
    out: (t) => {
      out += t;
    },
    err: () => {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd: process.cwd(),
  })(['schema']);
  expect(code).toBe(0);
  return JSON.parse(out) as Record<string, unknown>;
}

describe('salesops schema', () => {
  it('is a valid JSON Schema that accepts every example scenario and rejects bad ones', async () => {
    const schema = await schemaFromCli();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of [...files.map((x) => readFileSync(join(SCENARIOS, x), 'utf8')), BASE]) {
      const ok = validate(parse(f));
      expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
    const bad = parse(BASE) as Record<string, Record<string, Record<string, unknown>>>;
    bad.channels!.paid_search!.spned = 1;
    expect(validate(bad)).toBe(false);
    expect(
      validate({ ...(parse(BASE) as object), calendar: { start: '2027-13', periods: 12 } }),
    ).toBe(false);
    expect(validate({ ...(parse(BASE) as object), funnel: [{ stage: 'only' }] })).toBe(false);
  });

  it('describes the fields for editor completion', async () => {
    const schema = (await schemaFromCli()) as {
      properties: Record<string, { description?: string }>;
    };
    for (const key of ['calendar', 'markets', 'channels', 'funnel', 'team', 'variants']) {
      expect(schema.properties[key]?.description, key).toBeTruthy();
    }
  });
});
