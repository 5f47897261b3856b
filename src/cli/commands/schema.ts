/**
 * `salesops schema [--out FILE]` — the JSON Schema of the scenario format, for editor
 * completion (`# yaml-language-server: $schema=./salesops.schema.json`).
 */
import type { Command } from '../context.js';
import { handler } from './handler.js';

/** The `schema` command definition. */
export const schemaCommand: Command = {
  command: 'schema',
  describe: 'print the JSON Schema of the scenario format (for editor completion)',
  flags: ['quiet'],
  builder: (y) =>
    y.option('out', {
      type: 'string',
      requiresArg: true,
      describe: 'write the schema to this file instead of standard output',
    }),
  run: handler(() => import('../handlers/schema.js')),
};
