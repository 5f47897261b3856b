/**
 * `--vary PATH=±20%` (repeatable): a fixed input (or a channel's spend) that joins the
 * sensitivity tornado, moved by that percentage down and up. The path and the size of the move
 * are checked by the analysis, which knows the plan.
 */
import type { Vary } from '../analysis/sensitivity/levers.js';
import { flagError } from './flag-error.js';

const AMOUNT = /^(?:±|\+-|\+\/-)?\s*(\d+(?:\.\d*)?|\.\d+)\s*%$/;

/**
 * The `--vary` values as {path, by} (by = 0.2 for ±20%); none when absent.
 * @example parseVary(['funnel.sql.rate=±20%']) // [{ path: 'funnel.sql.rate', by: 0.2 }]
 */
export function parseVary(values: unknown): Vary[] {
  if (values === undefined) return [];
  const list = Array.isArray(values) ? values : [values];
  return list.map((raw) => {
    const text = String(raw);
    const eq = text.indexOf('=');
    const path = eq > 0 ? text.slice(0, eq).trim() : '';
    const m = eq > 0 ? AMOUNT.exec(text.slice(eq + 1).trim()) : null;
    if (path === '' || m === null) {
      throw flagError(
        '--vary',
        `expected PATH=±X% (e.g. funnel.sql.rate=±20% or channels.events.spend=±10%), got ${JSON.stringify(text)}`,
      );
    }
    return { path, by: Number(m[1]) / 100 };
  });
}
