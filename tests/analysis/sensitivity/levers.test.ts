/**
 * The tornado's levers for whole-number inputs (a role's headcount, the installed accounts):
 * the kernel rounds them in every trial, so a lever reports — and simulates — whole values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levers, valueAt, wholeNumber } from '../../../src/analysis/sensitivity/levers.js';
import { InputError } from '../../../src/util/result.js';
import { modelOf } from '../../helpers/model.js';

const ROOT = join(import.meta.dirname, '../../..');
const b2b = readFileSync(join(ROOT, 'scenarios/b2b-saas.yaml'), 'utf8');

describe('levers of whole-number inputs', () => {
  it('moves a fixed headcount by whole units, the same either way, and reports the values used', () => {
    const model = modelOf(b2b);
    // team.sdr.headcount is 5: ±50% is ±2.5, rounded (halves up) to ±3
    const [l] = levers(model, [{ path: 'team.sdr.headcount', by: 0.5 }]).filter(
      (x) => x.kind === 'varied',
    );
    expect([l!.low, l!.high]).toEqual([2, 8]);
    expect(l!.lowOverride).toEqual({ fix: 'team.sdr.headcount', value: 2 });
    expect(l!.highOverride).toEqual({ fix: 'team.sdr.headcount', value: 8 });
    // ±20% of 7 AEs is 1.4 → ±1
    const [ae] = levers(model, [{ path: 'team.ae.headcount', by: 0.2 }]).filter(
      (x) => x.kind === 'varied',
    );
    expect([ae!.low, ae!.high]).toEqual([6, 8]);
  });

  it('refuses a move that rounds to nothing', () => {
    const model = modelOf(b2b);
    expect(() => levers(model, [{ path: 'team.sdr.headcount', by: 0.05 }])).toThrow(InputError);
    expect(() => levers(model, [{ path: 'team.sdr.headcount', by: 0.05 }])).toThrow(
      'team.sdr.headcount is a whole number (5), rounded in every trial: ±5% of it moves it by less than ½, so it would not move; vary it by at least ±10%',
    );
  });

  it('rounds an uncertain headcount’s P10 and P90, and leaves other inputs alone', () => {
    const model = modelOf(
      b2b.replace('headcount: 5 # fully ramped', 'headcount: {dist: uniform, min: 3, max: 8} #'),
    );
    const sdr = model.roles.find((r) => r.id === 'sdr')!;
    expect(wholeNumber(model, sdr.headcount)).toBe(true);
    const p = model.params[sdr.headcount]!;
    // P10 of U(3, 8) is 3.5, P90 7.5: the kernel rounds them to 4 and 8
    expect([valueAt(p, 0.1), valueAt(p, 0.9)]).toEqual([3.5, 7.5]);
    const l = levers(model, []).find((x) => x.path === 'team.sdr.headcount')!;
    expect([l.low, l.high]).toEqual([4, 8]);
    const rate = levers(model, []).find((x) => x.path === 'funnel.won.rate');
    if (rate !== undefined) expect(Number.isInteger(rate.low)).toBe(false);
  });
});
