/**
 * A number in its unit ({@link ParamUnit}) as charts, tables and the terminal write it: money
 * compact in the scenario's currency, a rate or share as a percentage, anything else plain; a
 * negative value with a true minus sign (U+2212), as every number on a chart.
 */
import type { ParamUnit } from '../model/param-unit.js';
import { plainNumber } from '../report/describe-dist.js';
import { formatMoney, formatPercent } from './format.js';

/**
 * `x` in `unit`: money as {@link formatMoney} ("$89.8k"), a percentage with two decimals below
 * 10% and one from there ("0.36%", "19.0%"), a plain number with 3 significant digits.
 * @example unitText('money', 89_800, 'USD') // '$89.8k'
 * @example unitText('percent', -0.0028, 'USD') // '−0.28%'
 * @example unitText('number', 14.2, 'USD') // '14.2'
 */
export function unitText(unit: ParamUnit, x: number, currency: string): string {
  switch (unit) {
    case 'percent':
      return formatPercent(x, Math.abs(x) < 0.1 ? 2 : 1).replace(/^-/, '−');
    case 'money':
      return formatMoney(x, currency);
    case 'number':
      return plainNumber(x).replace(/^-/, '−');
  }
}
