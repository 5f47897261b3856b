import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/index.js';

describe('docs/scenario.schema.json', () => {
  it('is the current output of `salesops schema` (regenerate with `npx salesops schema --out docs/scenario.schema.json`)', () => {
    const committed = JSON.parse(readFileSync('docs/scenario.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});
