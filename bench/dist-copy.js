// Benchmarks that look inside the engine run it from an edited copy of dist/: the copy lives
// under node_modules/.cache (so it resolves our dependencies) and is removed afterwards.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Copies dist/, applies `edits` — [file under dist/, what to find (string or RegExp), its
 * replacement (as String.replace takes it)], in order — and calls `use(load)`, where
 * `load(file)` imports a module of the copy. Returns what `use` returns; the copy is removed
 * whatever happens. An edit whose text is not found is an error (dist/ has changed shape).
 */
export async function withDistCopy(tag, edits, use) {
  mkdirSync('node_modules/.cache', { recursive: true });
  const copy = mkdtempSync(join(process.cwd(), `node_modules/.cache/salesops-${tag}-`));
  try {
    cpSync('dist', copy, { recursive: true });
    for (const [file, find, replace] of edits) {
      const path = join(copy, file);
      const text = readFileSync(path, 'utf8');
      const found = typeof find === 'string' ? text.includes(find) : find.test(text);
      if (!found) throw new Error(`cannot find ${find} in dist/${file}`);
      writeFileSync(path, text.replace(find, replace));
    }
    return await use((file) => import(pathToFileURL(join(copy, file)).href));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
