/**
 * Replacing an existing output folder never loses it: a failure between moving the old
 * folder aside and moving the new one into place puts the old one back.
 */
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDirAtomically } from '../../src/report/atomic-dir.js';

const dir = mkdtempSync(join(tmpdir(), 'salesops-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeDirAtomically', () => {
  it('replaces a salesops folder', async () => {
    const out = join(dir, 'ok');
    await writeDirAtomically(out, [{ path: 'a.txt', content: 'first' }]);
    await writeDirAtomically(out, [{ path: 'a.txt', content: 'second' }]);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['ok']);
  });

  it('keeps the existing folder when moving the new one into place fails', async () => {
    const out = join(dir, 'o4');
    await writeDirAtomically(out, [{ path: 'report.html', content: 'good' }]);
    // Fails only the rename of the new temporary folder onto `out`, as a full or failing
    // disk might; the other renames (moving the old folder aside and back) go through.
    const failing = (from: string, to: string) => {
      if (to === out && from.includes('.tmp-')) {
        throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      }
      renameSync(from, to);
    };
    await expect(
      writeDirAtomically(out, [{ path: 'report.html', content: 'new' }], failing),
    ).rejects.toThrow(/EIO/);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe('good');
    // Neither the hidden old folder nor the temporary new one is left beside it.
    expect(readdirSync(dir).sort()).toEqual(['o4', 'ok']);
  });
});
