/** `salesops render SPEC.vl.json` — a Vega-Lite spec file to SVG and/or PNG, validated against the schema first. */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { DEFAULT_PNG_SCALE } from '../../defaults.js';
import { checkOutput, makeFolders, writeFileAtomically } from '../../util/output-paths.js';
import { InputError } from '../../util/result.js';
import type { Command } from '../context.js';
import { EXIT } from '../context.js';
import { flagError } from '../flag-error.js';

/** `chart.vl.json` → `chart`, `chart.json` → `chart`. */
export function specStem(file: string): string {
  return basename(file).replace(/(\.vl)?\.json$/i, '');
}

async function readSpec(file: string, shown: string): Promise<TopLevelSpec> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const why =
      e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'file not found' : String(e);
    throw new InputError([{ file: shown, line: null, path: '', message: why }]);
  }
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (e) {
    const message = `expected a Vega-Lite spec in JSON, but it does not parse: ${e instanceof Error ? e.message : String(e)}`;
    throw new InputError([{ file: shown, line: null, path: '', message }]);
  }
  // Loaded on use: the schema validator and renderers would slow every other command's start.
  const { validateSpec } = await import('../../charts/validate.js');
  const problems = validateSpec(spec);
  if (problems.length > 0) {
    throw new InputError(
      problems.map((p) => ({
        file: shown,
        line: null,
        path: '',
        message: `not a valid Vega-Lite spec (vega-lite-schema.json): ${p}`,
      })),
    );
  }
  return spec as TopLevelSpec;
}

/** What `salesops render` does; its options are in commands/render.ts. */
export const run: Command['run'] = async (args, ctx) => {
  const shown = String(args.spec);
  const file = resolve(ctx.cwd, shown);
  const { svgToPng } = await import('../../render/png.js');
  const { ExternalDataError, renderSvg } = await import('../../render/svg.js');
  const scale = typeof args.scale === 'number' ? args.scale : DEFAULT_PNG_SCALE;
  if (!(scale > 0 && scale <= 10)) {
    throw flagError('--scale', `expected a number in (0, 10], got ${String(args.scale)}`);
  }
  const both = args.svg !== true && args.png !== true;
  const spec = await readSpec(file, shown);
  const outDir = typeof args.out === 'string' ? resolve(ctx.cwd, args.out) : dirname(file);
  // The files are written inside the folder, so it is the folder that must be writable.
  await checkOutput('--out', outDir, 'into');
  const svg = await renderSvg(spec).catch((e: unknown) => {
    if (e instanceof ExternalDataError)
      throw new InputError([{ file: shown, line: null, path: '', message: e.message }]);
    throw e;
  });
  await makeFolders(outDir);
  const stem = join(outDir, specStem(file));
  const written: string[] = [];
  if (both || args.svg === true) {
    await writeFileAtomically(`${stem}.svg`, svg);
    written.push(`${stem}.svg`);
  }
  if (both || args.png === true) {
    await writeFileAtomically(`${stem}.png`, svgToPng(svg, { scale }));
    written.push(`${stem}.png`);
  }
  if (args.json) ctx.out(`${JSON.stringify({ files: written })}\n`);
  else if (!args.quiet) for (const w of written) ctx.out(`wrote ${w}\n`);
  return EXIT.ok;
};
