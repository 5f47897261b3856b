/**
 * Writes a folder of files all at once: everything goes into a temporary sibling folder
 * first, which is then renamed into place, so a failed run never leaves a partly written
 * output. An existing folder is replaced only when it is empty or was written by salesops
 * (it holds {@link OUTPUT_MARKER}); anything else is refused rather than deleted.
 */
import { renameSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { keep, removeOnInterrupt } from '../util/cleanup.js';
import { cannotWrite, makeFolders } from '../util/output-paths.js';

/** File every salesops output folder holds; its presence allows replacing the folder. */
export const OUTPUT_MARKER = '.salesops-output';

/** One file of an output folder: a path relative to the folder and its content. */
export interface OutputFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

async function existingKind(dir: string): Promise<'none' | 'empty' | 'ours' | 'foreign'> {
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) return 'foreign';
  } catch {
    return 'none';
  }
  const entries = await readdir(dir);
  if (entries.length === 0) return 'empty';
  return entries.includes(OUTPUT_MARKER) ? 'ours' : 'foreign';
}

/**
 * Why `dir` cannot be an output folder (it exists and holds files salesops did not
 * write), or null when it can. Lets callers refuse before doing any work.
 * @example await outputDirProblem('out/b2b-saas') // null
 */
export async function outputDirProblem(dir: string): Promise<string | null> {
  return (await existingKind(dir)) === 'foreign'
    ? `${dir} exists and was not written by salesops (no ${OUTPUT_MARKER} file); choose another --out folder or remove it`
    : null;
}

/** How the swap renames folders; tests pass one that fails to check the rollback. */
export type RenameSync = (from: string, to: string) => void;

/**
 * Writes `files` into `dir` atomically (temporary sibling, then rename). Throws when
 * `dir` exists and is neither empty nor a salesops output folder. An existing folder is
 * moved aside, the new one renamed into place, and the old one removed; if the second
 * rename fails the old folder is renamed back, so a failure never loses the previous output.
 * `swap` renames during that exchange (default `fs.renameSync`).
 * @example await writeDirAtomically('out/b2b-saas', [{ path: 'report.html', content: html }]);
 */
export async function writeDirAtomically(
  dir: string,
  files: readonly OutputFile[],
  swap: RenameSync = renameSync,
): Promise<void> {
  const kind = await existingKind(dir);
  if (kind === 'foreign') throw new Error(`writeDirAtomically: ${await outputDirProblem(dir)}`);
  const parent = dirname(dir);
  await makeFolders(parent);
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = join(parent, `.${basename(dir)}.tmp-${tag}`);
  removeOnInterrupt(tmp);
  try {
    await mkdir(tmp);
    await writeFile(
      join(tmp, OUTPUT_MARKER),
      'Written by salesops; `salesops run` may replace this folder.\n',
    );
    for (const f of files) {
      const target = join(tmp, f.path);
      await makeFolders(dirname(target));
      await writeFile(target, f.content);
    }
    if (kind === 'none') {
      await rename(tmp, dir);
    } else {
      await replace(dir, tmp, join(parent, `.${basename(dir)}.old-${tag}`), swap);
    }
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw cannotWrite(dir, e);
  } finally {
    keep(tmp);
  }
}

/**
 * Puts `tmp` in the place of the existing folder `dir`, by way of `old`. Both renames are
 * synchronous so that no interrupt handler (which runs only between event-loop callbacks)
 * can run while the old folder is hidden; if the second rename fails the first is undone.
 */
async function replace(dir: string, tmp: string, old: string, swap: RenameSync): Promise<void> {
  swap(dir, old);
  try {
    swap(tmp, dir);
  } catch (e) {
    swap(old, dir);
    throw e;
  }
  keep(tmp);
  // The old folder is only garbage now: an interrupt while removing it removes the rest.
  removeOnInterrupt(old);
  try {
    await rm(old, { recursive: true, force: true });
  } finally {
    keep(old);
  }
}
