import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  makeFolders,
  outputProblem,
  probeSite,
  writeFileAtomically,
} from '../../src/util/output-paths.js';

const dir = mkdtempSync(join(tmpdir(), 'salesops-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('output paths', () => {
  it('accepts a new file or folder in a writable place, and leaves nothing behind', async () => {
    expect(await outputProblem(join(dir, 'a/b/c.csv'), 'file')).toBeNull();
    expect(await outputProblem(join(dir, 'out'), 'folder')).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names what is in the way', async () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    expect(await outputProblem(dir, 'file')).toMatch(/is a folder; give a file name/);
    expect(await outputProblem(file, 'folder')).toMatch(/is a file; give a folder/);
    expect(await outputProblem(join(file, 'x.csv'), 'file')).toMatch(
      /plain\.txt is a file, not a folder/,
    );
  });

  it('probes where the output is written: the folder itself for files written into it', () => {
    const here = { at: '/w/ro/out', folder: true };
    // `render --out` writes files inside the folder: its parent may be read-only.
    expect(probeSite('out', '/w/ro/out', 'into', here)).toEqual({ folder: '/w/ro/out' });
    // A folder replaced as a whole, or a file, is renamed into place in its parent.
    expect(probeSite('out', '/w/ro/out', 'folder', here)).toEqual({ folder: '/w/ro' });
    expect(probeSite('f.csv', '/w/f.csv', 'file', { at: '/w/f.csv', folder: false })).toEqual({
      folder: '/w',
    });
    // Anything missing is created in its nearest existing ancestor, whatever the kind.
    for (const kind of ['file', 'folder', 'into'] as const)
      expect(probeSite('a/b', '/w/a/b', kind, { at: '/w', folder: true })).toEqual({
        folder: '/w',
      });
    expect(probeSite('f', '/w/f', 'into', { at: '/w/f', folder: false })).toEqual({
      problem: 'f is a file; give a folder',
    });
  });

  it('refuses to write into a folder where nothing can be created, though its parent can take one', async () => {
    if (!existsSync('/proc/self')) return; // procfs is Linux's
    expect(await outputProblem('/proc', 'into')).toBe(
      'cannot write /proc: /proc: nothing can be created there',
    );
  });

  // Permissions bind only a user other than root (the test sandbox may run as root).
  it.skipIf(process.getuid?.() === 0)(
    'checks the permission of the folder written into',
    async () => {
      const ro = join(dir, 'ro');
      const w = join(ro, 'w');
      mkdirSync(w, { recursive: true });
      const w2 = join(dir, 'w2');
      mkdirSync(w2);
      chmodSync(ro, 0o555);
      chmodSync(w2, 0o555);
      try {
        expect(await outputProblem(w, 'into')).toBeNull();
        expect(await outputProblem(w2, 'into')).toBe(
          `cannot write ${w2}: ${w2}: permission denied`,
        );
      } finally {
        chmodSync(ro, 0o755);
        chmodSync(w2, 0o755);
      }
    },
  );

  it('refuses a path under /proc at once instead of spinning in Node’s recursive mkdir', async () => {
    if (!existsSync('/proc/self')) return; // procfs is Linux's
    expect(await outputProblem('/proc/salesops-x/y.csv', 'file')).toMatch(
      /cannot write \/proc\/salesops-x\/y\.csv: \/proc: nothing can be created there/,
    );
    await expect(makeFolders('/proc/salesops-x/y')).rejects.toThrow(/cannot create the folder/);
  });

  it('stops at a broken link in the path', async () => {
    const link = join(dir, 'dangling');
    symlinkSync(join(dir, 'no-such-target'), link);
    await expect(makeFolders(join(link, 'sub'))).rejects.toThrow(/not a folder .* is in the way/);
    rmSync(link);
  });

  it('creates missing folders and writes a file whole', async () => {
    const target = join(dir, 'x/y/z.csv');
    await writeFileAtomically(target, 'a,b\n');
    expect(readFileSync(target, 'utf8')).toBe('a,b\n');
    expect(readdirSync(join(dir, 'x/y'))).toEqual(['z.csv']);
    mkdirSync(join(dir, 'x/y/z2.csv'));
    await expect(writeFileAtomically(join(dir, 'x/y/z2.csv'), 'no')).rejects.toThrow();
    // The failed write left no temporary file.
    expect(readdirSync(join(dir, 'x/y')).sort()).toEqual(['z.csv', 'z2.csv']);
  });

  it('never replaces an existing file with overwrite: false', async () => {
    const folder = join(dir, 'keep');
    mkdirSync(folder);
    const target = join(folder, 'plan.yaml');
    writeFileSync(target, 'mine');
    await expect(writeFileAtomically(target, 'new', { overwrite: false })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(readFileSync(target, 'utf8')).toBe('mine');
    expect(readdirSync(folder)).toEqual(['plan.yaml']);
    await writeFileAtomically(join(folder, 'new.yaml'), 'new', { overwrite: false });
    expect(readFileSync(join(folder, 'new.yaml'), 'utf8')).toBe('new');
    expect(readdirSync(folder).sort()).toEqual(['new.yaml', 'plan.yaml']);
  });

  // The temporary sibling linked to /dev/full: the write fails with ENOSPC, as on a full disk.
  it.runIf(existsSync('/dev/full'))(
    'a failed write names the file and leaves nothing',
    async () => {
      const folder = join(dir, 'full');
      mkdirSync(folder);
      const target = join(folder, 'f.csv');
      symlinkSync('/dev/full', join(folder, `.f.csv.tmp-${process.pid}`));
      await expect(writeFileAtomically(target, 'a,b\n')).rejects.toThrow(
        `cannot write ${target}: no space left on the device`,
      );
      expect(readdirSync(folder)).toEqual([]);
    },
  );
});
