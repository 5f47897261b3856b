/** `salesops render SPEC.vl.json` — a Vega-Lite spec file to SVG and/or PNG, validated against the schema first. */
import { DEFAULT_PNG_SCALE } from '../../defaults.js';
import type { Command } from '../context.js';
import { handler } from './handler.js';

export const renderCommand: Command = {
  command: 'render <spec>',
  describe: 'render a Vega-Lite spec (.vl.json) to SVG and PNG',
  flags: ['json', 'quiet'],
  builder: (y) =>
    y
      .positional('spec', { type: 'string', describe: 'Vega-Lite spec file (JSON)' })
      .option('out', {
        type: 'string',
        requiresArg: true,
        describe: 'output folder (default: the spec file’s folder)',
      })
      .option('svg', { type: 'boolean', describe: 'write SVG (default: both SVG and PNG)' })
      .option('png', { type: 'boolean', describe: 'write PNG (default: both SVG and PNG)' })
      .option('scale', {
        type: 'number',
        requiresArg: true,
        describe: `PNG scale factor (default ${DEFAULT_PNG_SCALE})`,
      }),
  run: handler(() => import('../handlers/render.js')),
};
