/**
 * `salesops schema [--out FILE]` — the JSON Schema of the scenario format, for editor
 * completion (`# yaml-language-server: $schema=./salesops.schema.json`).
 */
import { resolve } from 'node:path';
import { scenarioJsonSchema } from '../../scenario/index.js';
import { checkOutput, writeFileAtomically } from '../../util/output-paths.js';
import type { Command } from '../context.js';
import { EXIT } from '../context.js';

/** What `salesops schema` does; its options are in commands/schema.ts. */
export const run: Command['run'] = async (args, ctx) => {
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
};
