/**
 * `--set PATH=VALUE` (repeatable): a one-off what-if without editing the file. VALUE is read
 * as YAML, so it is whatever the scenario file could hold there: `80000`, `"20% to 30%"`,
 * `{default: 40000, "2027-11": 80000}`. The edits are then checked like a variant's.
 */
import { parse } from 'yaml';
import type { Override } from '../scenario/overrides.js';
import { flagError } from './flag-error.js';

/** The `set` overrides of the `--set` values (none when absent). */
export function parseSets(values: unknown): Override[] {
  if (values === undefined) return [];
  const list = Array.isArray(values) ? values : [values];
  return list.map((raw) => {
    const text = String(raw);
    const eq = text.indexOf('=');
    const path = eq > 0 ? text.slice(0, eq).trim() : '';
    if (path === '') {
      throw flagError(
        '--set',
        `expected PATH=VALUE (e.g. channels.paid_search.spend=80000), got ${JSON.stringify(text)}`,
      );
    }
    let value: unknown;
    try {
      value = parse(text.slice(eq + 1), { maxAliasCount: 0, schema: 'core' });
    } catch (e) {
      throw flagError(
        '--set',
        `the value of ${path} does not read as YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      );
    }
    if (value === null || value === undefined) {
      throw flagError('--set', `expected a value after ${path}=, got nothing`);
    }
    return { set: path, value };
  });
}
