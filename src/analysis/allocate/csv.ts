/**
 * The allocation as one CSV table (`salesops allocate --csv FILE`): a row per channel of the
 * recommendation (`section` = allocation), then a row per budget-curve point and channel
 * (`section` = budget_curve, one more row per point with channel `total` carrying the
 * objective), then the response curves (`section` = response_curve).
 */

import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import { csvLine } from '../../util/csv.js';
import type { AllocationResult } from './types.js';

const COLUMNS = [
  'section',
  'budget',
  'channel',
  'current_spend',
  'spend',
  'min_spend',
  'max_spend',
  'bound',
  'marginal',
  'marginal_se',
  'objective',
  'objective_se',
] as const;

// Empty for no value, and for an error one trial cannot estimate (held as Infinity).
const cell = (v: number | string | null | undefined): string | number =>
  v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? '' : v;

/**
 * The CSV text of an allocation (see module doc).
 * @example allocationToCsv(result).split('\n')[0] // 'section,budget,channel,…'
 */
export function allocationToCsv(result: AllocationResult): string {
  checkArgument('allocationToCsv', 'result', result, ARG.allocation);
  const lines = [csvLine([...COLUMNS])];
  for (const c of result.certificate.channels) {
    lines.push(
      csvLine(
        [
          'allocation',
          result.budget,
          c.channel,
          result.current[c.channel],
          c.spend,
          c.min,
          c.max,
          c.bound,
          c.marginal,
          c.se,
          '',
          '',
        ].map(cell),
      ),
    );
  }
  lines.push(
    csvLine(
      [
        'allocation',
        result.budget,
        'total',
        result.current_total,
        result.spent,
        '',
        '',
        '',
        '',
        '',
        result.objective_value.recommended.value,
        result.objective_value.recommended.se,
      ].map(cell),
    ),
  );
  for (const p of result.budget_curve.points) {
    for (const [channel, spend] of Object.entries(p.allocation)) {
      lines.push(
        csvLine(['budget_curve', p.budget, channel, '', spend, '', '', '', '', '', '', '']),
      );
    }
    lines.push(
      csvLine(
        [
          'budget_curve',
          p.budget,
          'total',
          '',
          p.feasible ? p.spent : '',
          '',
          '',
          '',
          '',
          '',
          p.value,
          p.se,
        ].map(cell),
      ),
    );
  }
  for (const c of result.response_curves.channels) {
    for (const p of c.points) {
      lines.push(
        csvLine(
          ['response_curve', '', c.channel, '', p.spend, '', '', '', '', '', p.value, p.se].map(
            cell,
          ),
        ),
      );
    }
  }
  return lines.join('');
}
