/**
 * Display labels: what charts, tables, the report and the terminal call a market, channel,
 * stage, role, initiative or variant. The scenario's `label:` when given (any script);
 * otherwise a readable default made from the id, so `paid_search` reads "Paid search" and
 * `mql` reads "MQL". Ids stay for dot paths and JSON keys.
 */

import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';

/**
 * Words that read as acronyms in sales and marketing plans: written in capitals when they
 * are a whole word of an id (`sdr` → "SDR", `hire_q2` → "Hire Q2").
 */
const ACRONYMS = new Set([
  'abm',
  'acv',
  'ae',
  'am',
  'amer',
  'apac',
  'api',
  'arr',
  'b2b',
  'b2c',
  'bdr',
  'cac',
  'crm',
  'csm',
  'ctv',
  'dach',
  'dtc',
  'emea',
  'erp',
  'eu',
  'ev',
  'ltv',
  'mql',
  'mro',
  'mrr',
  'nps',
  'oem',
  'ooh',
  'ppc',
  'pql',
  'pr',
  'roi',
  'sal',
  'sdr',
  'se',
  'sem',
  'seo',
  'smb',
  'sms',
  'sql',
  'tv',
  'uk',
  'us',
  'usa',
]);

/** `q1`…`q4`, `h1`, `h2`, `fy27`, `fy2027`: period words, written in capitals too. */
const PERIOD_WORD = /^(q[1-4]|h[12]|fy\d{2,4})$/;

/**
 * The readable default label of an id: words split at `_`, `-` and lower-to-upper case
 * changes; acronyms and period words in capitals; the first word capitalised, the others
 * in lower case.
 * @example defaultLabel('paid_search') // 'Paid search'
 * @example defaultLabel('mql') // 'MQL'
 * @example defaultLabel('hire_q2') // 'Hire Q2'
 */
export function defaultLabel(id: string): string {
  checkArgument('defaultLabel', 'id', id, ARG.id);
  const words = id
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[_\-\s]+/)
    .filter((w) => w !== '');
  if (words.length === 0) return id;
  return words
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (ACRONYMS.has(lower) || PERIOD_WORD.test(lower)) return lower.toUpperCase();
      // A word the author wrote in capitals (`EMEA`, `DTC`) is kept as written.
      if (w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w)) return w;
      return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(' ');
}

/**
 * The label a named thing shows: its own `label` (trimmed) or {@link defaultLabel} of its id.
 * @example displayLabel('live_stream', '直播') // '直播'
 */
export function displayLabel(id: string, label: string | undefined): string {
  checkArgument('displayLabel', 'id', id, ARG.id);
  const own = label?.trim();
  return own === undefined || own === '' ? defaultLabel(id) : own;
}
