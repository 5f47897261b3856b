/**
 * The JSON Schema of the scenario format, generated from the zod schema (input side), for
 * editor completion: `# yaml-language-server: $schema=./salesops.schema.json`.
 */
import { z } from 'zod';
import { VERSION } from '../version.js';
import { scenarioSchema } from './schema.js';

/**
 * JSON Schema (draft 2020-12) of the scenario file, with a description on every field.
 * @example JSON.stringify(scenarioJsonSchema(), null, 2)
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    unrepresentable: 'any',
    reused: 'inline',
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://salesops.dev/schema/scenario.json',
    title: `salesops scenario (v${VERSION})`,
  };
}
