/** Loading: input limits against hostile files, and line numbers for any field path. */
import { describe, expect, it } from 'vitest';
import { decodeScenarioBytes, parseScenarioText } from '../../src/scenario/index.js';
import { parseText } from '../../src/scenario/parse.js';
import { closest, editDistance } from '../../src/util/suggest.js';

const messages = (r: { ok: boolean; errors?: readonly { message: string }[] }) =>
  r.ok ? [] : (r.errors ?? []).map((e) => e.message);

describe('parseScenarioText', () => {
  it('parses YAML and JSON alike', () => {
    expect(parseScenarioText('a: [1, 2]\n', 'x.yaml')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseScenarioText('{"a": [1, 2]}', 'x.json')).toEqual({
      ok: true,
      value: { a: [1, 2] },
    });
  });

  it('rejects a billion-laughs file without expanding it', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const [p, c] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      lines.push(`${c}: &${c} [${new Array(9).fill(`*${p}`).join(',')}]`);
    }
    const start = performance.now();
    const r = parseScenarioText(lines.join('\n'), 'lol.yaml');
    // Expanded, the file is 10⁹ strings: minutes and gigabytes. Refused, it is milliseconds;
    // the bound sits far above any machine load and far below an expansion.
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(messages(r)[0]).toMatch(/billion laughs/);
  });

  it('refuses deep nesting before the parser can overflow its stack', () => {
    for (const text of [
      '['.repeat(100_000),
      `${'- '.repeat(10_000)}x`,
      `a: ${'{b: '.repeat(1000)}`,
    ]) {
      const start = performance.now();
      expect(messages(parseScenarioText(text, 'deep.yaml'))[0]).toMatch(/nested|indented/);
      expect(performance.now() - start).toBeLessThan(10_000);
    }
  });

  it('refuses NUL characters, invalid UTF-8 and oversized input', () => {
    expect(messages(parseScenarioText('a: 1\u0000', 'x'))[0]).toMatch(/NUL byte/);
    expect(messages(decodeScenarioBytes(Uint8Array.of(0x61, 0x3a, 0x20, 0xff), 'x'))).toEqual([
      'the file is not valid UTF-8 text',
    ]);
    expect(decodeScenarioBytes(new TextEncoder().encode('\ufeffa: é'), 'x')).toEqual({
      ok: true,
      value: 'a: é',
    });
    expect(messages(parseScenarioText(`a: "${'x'.repeat(5 * 1024 * 1024)}"`, 'x'))[0]).toMatch(
      /limited to 5 MiB/,
    );
  });

  it('maps a field path to the line of its deepest existing node', () => {
    const r = parseText('a:\n  b:\n    - x: 1\n      y: 2\nc: 3\n', 'f.yaml');
    if (!r.ok) throw new Error('parse failed');
    const { source } = r.value;
    expect(source.lineOf(['a', 'b', 0, 'y'])).toBe(4);
    expect(source.lineOf(['a', 'b', 0, 'missing'])).toBe(3);
    expect(source.lineOf(['c'])).toBe(5);
    expect(source.lineOf(['nope'])).toBe(1);
  });
});

describe('suggestions', () => {
  it('uses the optimal string alignment distance', () => {
    expect(editDistance('spned', 'spend')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closest('dealer', ['dealers', 'social'])).toBe('dealers');
    expect(closest('xyz', ['dealers', 'social'])).toBeNull();
  });
});
