/**
 * Where salesops writes: checking an output path before any work is done, creating its
 * folders, and writing a file all at once.
 *
 * Folders are created one level at a time instead of with Node's `mkdir({recursive:
 * true})`, which never returns for a path under /proc or below a dangling symlink: procfs
 * answers ENOENT for a new child of a folder that exists, and Node's walk then retries the
 * parent forever (measured here: `salesops run --out /proc/x` spun at 90% CPU for minutes).
 */
import { link, lstat, mkdir, mkdtemp, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { keep, removeOnInterrupt } from './cleanup.js';
import { InputError } from './result.js';

/** What an error code means for a path we want to write. */
function explain(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENOENT':
      return 'nothing can be created there';
    case 'EISDIR':
      return 'it is a folder';
    case 'EEXIST':
      return 'something that is not a folder (a file or a broken link) is in the way';
    default:
      return code ?? 'unknown error';
  }
}

const codeOf = (e: unknown) => (e as { code?: string }).code;

/**
 * A failed write of `path` as an error a user can read (`cannot write out.csv: no space left
 * on the device`); an error without a system error code is returned as it is.
 * @example throw cannotWrite('t.arrow', e);
 */
export function cannotWrite(path: string, e: unknown): Error {
  const code = codeOf(e);
  if (typeof code !== 'string') return e instanceof Error ? e : new Error(String(e));
  // The code stays, for callers that tell one failure from another.
  return Object.assign(new Error(`cannot write ${path}: ${explain(code)}`), { code });
}

/** The path itself if it exists, else its nearest existing ancestor, with what it is. */
async function nearestExisting(path: string): Promise<{ at: string; folder: boolean }> {
  let at = resolve(path);
  for (;;) {
    try {
      return { at, folder: (await stat(at)).isDirectory() };
    } catch {
      const up = dirname(at);
      if (up === at) return { at, folder: false };
      at = up;
    }
  }
}

/**
 * What an output is: a `file`, a `folder` salesops creates or replaces as a whole (`run
 * --out`), or a folder salesops writes files `into` and creates if missing (`render --out`).
 */
export type OutputKind = 'file' | 'folder' | 'into';

/**
 * The folder where writing `target` as a `kind` needs permission, given the nearest existing
 * path `found` (the target itself when it exists), or what is in the way. A file or a folder
 * that is replaced is written in its parent (a temporary sibling, then a rename); files
 * written into an existing folder go in that folder; anything missing is created in its
 * nearest existing ancestor.
 * @example probeSite('out', '/w/out', 'into', { at: '/w/out', folder: true }) // { folder: '/w/out' }
 */
export function probeSite(
  path: string,
  target: string,
  kind: OutputKind,
  found: { readonly at: string; readonly folder: boolean },
): { folder: string } | { problem: string } {
  if (found.at === target) {
    if (kind === 'file' && found.folder)
      return { problem: `${path} is a folder; give a file name` };
    if (kind !== 'file' && !found.folder) return { problem: `${path} is a file; give a folder` };
    return { folder: kind === 'into' ? target : dirname(target) };
  }
  if (!found.folder)
    return { problem: `cannot write ${path}: ${found.at} is a file, not a folder` };
  return { folder: found.at };
}

/**
 * Why `path` cannot be written as a `kind` (see {@link OutputKind}), or null when it can:
 * checked before any work is done, by creating and removing a probe folder where the output
 * would be written ({@link probeSite}). Creates nothing that stays.
 * @example await outputProblem('out/report.csv', 'file') // null
 */
export async function outputProblem(path: string, kind: OutputKind): Promise<string | null> {
  const target = resolve(path);
  const site = probeSite(path, target, kind, await nearestExisting(target));
  return 'problem' in site ? site.problem : probe(site.folder, path);
}

async function probe(folder: string, path: string): Promise<string | null> {
  try {
    await rmdir(await mkdtemp(join(folder, '.salesops-probe-')));
    return null;
  } catch (e) {
    return `cannot write ${path}: ${folder}: ${explain(codeOf(e))}`;
  }
}

/** Throws an InputError naming `flag` when {@link outputProblem} finds one. */
export async function checkOutput(flag: string, path: string, kind: OutputKind): Promise<void> {
  const problem = await outputProblem(path, kind);
  if (problem !== null)
    throw new InputError([{ file: flag, line: null, path: '', message: problem }]);
}

/**
 * Creates folder `dir` and its missing ancestors, one level at a time (see the module doc).
 * @throws Error naming the folder that could not be created and why.
 */
export async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  const found = await nearestExisting(dir);
  if (!found.folder) {
    if (found.at === resolve(dir)) throw new Error(`cannot create the folder ${dir}: it is a file`);
    throw new Error(`cannot create the folder ${dir}: ${found.at} is a file, not a folder`);
  }
  for (let at = resolve(dir); at !== found.at; at = dirname(at)) missing.push(at);
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (e) {
      const now = await nearestExisting(folder);
      if (codeOf(e) === 'EEXIST' && now.at === folder && now.folder) continue;
      throw new Error(`cannot create the folder ${folder}: ${explain(codeOf(e))}`);
    }
  }
}

/** Codes of a file system that cannot make hard links (FAT, some network shares). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Writes `content` to `path` all at once: into a temporary sibling first, then renamed into
 * place, so a failure never leaves a partly written file. Creates missing folders. With
 * `overwrite: false` an existing `path` is never replaced: the temporary file is linked to
 * `path`, which fails with code `EEXIST` if something is there, even something that appeared
 * while writing (where links cannot be made, existence is checked just before the rename).
 * @throws Error `cannot write PATH: why` (see {@link cannotWrite}, which keeps the error code).
 * @example await writeFileAtomically('out/forecast.csv', csv);
 */
export async function writeFileAtomically(
  path: string,
  content: string | Uint8Array,
  { overwrite = true }: { readonly overwrite?: boolean } = {},
): Promise<void> {
  const target = resolve(path);
  await makeFolders(dirname(target));
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  removeOnInterrupt(tmp);
  try {
    await writeFile(tmp, content);
    if (overwrite) await rename(tmp, target);
    else await placeWithoutReplacing(tmp, target);
  } catch (e) {
    throw cannotWrite(path, e);
  } finally {
    await rm(tmp, { force: true });
    keep(tmp);
  }
}

/** Moves `tmp` to `target` unless something is at `target` (then fails with EEXIST). */
async function placeWithoutReplacing(tmp: string, target: string): Promise<void> {
  try {
    await link(tmp, target);
  } catch (e) {
    if (!NO_LINKS.has(codeOf(e) ?? '')) throw e;
    if ((await lstat(target).catch(() => null)) !== null)
      throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
    await rename(tmp, target);
  }
}
