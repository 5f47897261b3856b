/**
 * The option-name check itself, as the loaders use it: as a diagnostic (for functions that
 * return a result) or thrown, for a nested object as well as the options, and with a list of
 * one name. The analyses' use of it is tested in tests/analysis/option-names.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  checkOptionNames,
  type OptionNames,
  optionNamesProblem,
} from '../../src/util/option-names.js';
import { formatDiagnostic, InputError } from '../../src/util/result.js';

interface Opts {
  readonly display?: string;
  readonly dates?: string;
}
const NAMES: OptionNames<Opts> = { display: true, dates: true };

describe('optionNamesProblem', () => {
  it('is null for no options, an empty object and known names', () => {
    expect(optionNamesProblem('f', undefined, NAMES)).toBeNull();
    expect(optionNamesProblem('f', {}, NAMES)).toBeNull();
    expect(optionNamesProblem('f', { display: 'a', dates: undefined }, NAMES)).toBeNull();
  });

  it('names the function, the key, the closest name and every name', () => {
    const d = optionNamesProblem('readActuals', { dispaly: 'a.csv' }, NAMES)!;
    expect(formatDiagnostic(d)).toBe(
      'readActuals: options.dispaly: ✖ unknown option dispaly; did you mean display? (readActuals takes display and dates)',
    );
  });

  it('says what a nested object takes, and lists a single name alone', () => {
    const d = optionNamesProblem('lever', { mn: 0 }, { min: true }, '', 'bounds.x')!;
    expect(formatDiagnostic(d)).toBe(
      'lever: bounds.x.mn: ✖ unknown option mn; did you mean min? (bounds.x takes min)',
    );
  });

  it('refuses options that are not an object, where the argument is', () => {
    expect(formatDiagnostic(optionNamesProblem('f', 'x', NAMES, '', 'inputs')!)).toBe(
      'f: inputs: ✖ expected an object of options, got string "x"',
    );
  });
});

describe('checkOptionNames', () => {
  it('throws the same diagnostic as an InputError', () => {
    expect(() => checkOptionNames('f', { datse: 1 }, NAMES, 'a hint')).toThrow(InputError);
    expect(() => checkOptionNames('f', { datse: 1 }, NAMES, 'a hint')).toThrow(
      'f: options.datse: ✖ unknown option datse; did you mean dates? (f takes display and dates); a hint',
    );
    expect(() => checkOptionNames('f', { dates: 1 }, NAMES)).not.toThrow();
  });
});
