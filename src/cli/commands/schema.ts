/**
 * `salesops schema [--out FILE]` — the JSON Schema of the scenario format, for editor
 * completion (`# yaml-language-server: $schema=./salesops.schema.json`).
 */
import { resolve } from 'node:path';
import { scenarioJsonSchema } from '../../scenario/index.js';
import { checkOutput, writeFileAtomically } from '../../util/output-paths.js';
import type { Command } from '../context.js';
import { EXIT } from '../context.js';

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
  run: async (args, ctx) => {
    const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    if (typeof args.out !== 'string') {
      ctx.out(text);
      return EXIT.ok;
    }
    const out = resolve(ctx.cwd, args.out);
    await checkOutput('--out', out, 'file');
    await writeFileAtomically(out, text);
    if (!args.quiet) ctx.out(`Wrote ${args.out}: JSON Schema of the scenario format.\n`);
    return EXIT.ok;
  },
};
