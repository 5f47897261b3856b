/**
 * Signed figures in the report's prose stay on one line: a word joiner (U+2060) follows every
 * sign that starts a figure, in every paragraph and list item of every section — not only the
 * summary's sentences, as before, when the allocation's "an uplift of +$601k" and "is worth
 * +$346k" could break after their sign. Tags and attribute values are left alone.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepSigns, keepSignsInProse } from '../../src/report/prose.js';
import { runCli } from '../helpers/cli.js';

const J = '\u2060';

describe('keepSigns', () => {
  it('joins a sign that starts a figure to it, in text only', () => {
    expect(keepSigns('from −$5k to +$9k (+3%) [−2] ±$1k')).toBe(
      `from −${J}$5k to +${J}$9k (+${J}3%) [−${J}2] ±${J}$1k`,
    );
    // At the start of a text run, after a tag.
    expect(keepSigns('<strong>−$5k</strong>')).toBe(`<strong>−${J}$5k</strong>`);
    // Not an attribute value, not a sign inside a word or before a space.
    const tag = '<a title="a −5 b" href="#x+1">x+1 a + b</a>';
    expect(keepSigns(tag)).toBe(tag);
  });

  it('is idempotent', () => {
    const once = keepSigns('by −$5k');
    expect(keepSigns(once)).toBe(once);
  });

  it('keepSignsInProse touches paragraphs and list items only', () => {
    expect(keepSignsInProse('<p class="x">−$5k</p><td>−$5k</td><li>+2</li>')).toBe(
      `<p class="x">−${J}$5k</p><td>−$5k</td><li>+${J}2</li>`,
    );
  });
});

describe('the B2B report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'salesops-prose-'));
  let prose: string[] = [];
  beforeAll(async () => {
    const out = join(dir, 'b2b');
    const r = await runCli([
      'run',
      'scenarios/b2b-saas.yaml',
      '--trials',
      '300',
      '--workers',
      '1',
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8').replace(
      /<script[\s\S]*?<\/script>/g,
      '',
    );
    // Every paragraph's and list item's text, tags removed (a break may fall at a tag too).
    prose = [...html.matchAll(/<(p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) =>
      m[2]!.replace(/<[^>]*>/g, ''),
    );
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has no sign before a digit or currency symbol without the joiner, in any paragraph', () => {
    expect(prose.length).toBeGreaterThan(20);
    const split = prose.flatMap((t) =>
      [...t.matchAll(/.{0,40}[−+±][\d$€£¥].{0,10}/g)].map((m) => m[0]),
    );
    expect(split).toEqual([]);
  });

  it('joins the signed figures of the allocation paragraphs, not only the summary', () => {
    const joined = prose.filter((t) => !t.includes('→') && /[−+]\u2060[$\d]/.test(t));
    expect(joined.some((t) => /an uplift of [−+]\u2060\$/.test(t))).toBe(true);
    expect(joined.some((t) => /The next 10% of budget .* is worth [−+]\u2060\$/.test(t))).toBe(
      true,
    );
  });
});
