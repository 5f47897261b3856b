/**
 * The JavaScript inlined into every report: the UMD builds of vega, vega-lite and
 * vega-embed from node_modules (`build/*.min.js`), so the report opens offline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inlineScript } from './escape.js';

const require = createRequire(import.meta.url);

/** Package name and the UMD bundle inside its `build/` folder, in load order. */
export const BUNDLES = [
  { pkg: 'vega', file: 'vega.min.js' },
  { pkg: 'vega-lite', file: 'vega-lite.min.js' },
  { pkg: 'vega-embed', file: 'vega-embed.min.js' },
] as const;

let cached: string | null = null;

/**
 * The three bundles as one string of `<script>` elements, ready to inline (read once).
 * Each package's entry resolves into its `build/` folder, where the UMD bundle sits.
 * @example vegaScripts().startsWith('<script>') // true
 */
export function vegaScripts(): string {
  if (cached === null) {
    cached = BUNDLES.map(({ pkg, file }) => {
      const path = join(dirname(require.resolve(pkg)), file);
      return `<script>/* ${pkg}: ${file} */\n${inlineScript(readFileSync(path, 'utf8'))}\n</script>`;
    }).join('\n');
  }
  return cached;
}
