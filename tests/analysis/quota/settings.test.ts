/** Overrides of the quota block are checked at the library's edge: InputErrors that name the option. */
import { describe, expect, it } from 'vitest';
import { resolveQuotaSettings } from '../../../src/analysis/quota/settings.js';
import { MAX_QUOTA_SEATS } from '../../../src/defaults.js';
import { InputError } from '../../../src/util/result.js';
import { modelOf } from '../../helpers/model.js';

const plan = (quota: string, ae = '{headcount: 3, capacity: 10}') =>
  modelOf(`
scenario: settings
calendar: {start: 2027-01, periods: 12}
markets: {m: {deal_size: 1000}}
channels: {c: {response: {curve: fixed, leads: 10}}}
funnel: [{stage: lead}, {stage: won, rate: 0.3, worked_by: ae}]
team: {ae: ${ae}, ops: {headcount: 1, cost: 5000}}
${quota}
`);

const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error('expected an InputError');
};

describe('resolveQuotaSettings', () => {
  const model = plan('quota: {role: ae, confidence: 0.6, over_assignment: 1.1}');

  it('takes the block, and each override in its place', () => {
    expect(resolveQuotaSettings(model, {})).toEqual({
      role: 0,
      confidence: 0.6,
      overAssignment: 1.1,
      performanceCv: 0.3,
    });
    expect(resolveQuotaSettings(model, { confidence: 0.8, performanceCv: 0 })).toMatchObject({
      confidence: 0.8,
      overAssignment: 1.1,
      performanceCv: 0,
    });
  });

  it.each([0, 1, -0.2, 1.5, Number.NaN])('refuses confidence %f, naming the option', (c) => {
    expect(errorOf(() => resolveQuotaSettings(model, { confidence: c }))).toMatch(
      /^quota: options\.confidence: ✖ expected a probability strictly between 0 and 1, got /,
    );
  });

  it('refuses a role that is not in the team, or works no stage', () => {
    expect(errorOf(() => resolveQuotaSettings(model, { role: 'aes' }))).toBe(
      'quota: options.role: ✖ no role "aes" in the team; expected one of ae, ops',
    );
    expect(errorOf(() => resolveQuotaSettings(model, { role: 'ops' }))).toMatch(
      /role "ops" works no funnel stage/,
    );
  });

  it('refuses a quota role with more seats than MAX_QUOTA_SEATS, before building its roster', () => {
    const team = (ae: string) => plan('quota: {role: ae, confidence: 0.6}', ae);
    expect(MAX_QUOTA_SEATS).toBe(100_000);
    // At the limit, starting headcount and hires together.
    expect(
      resolveQuotaSettings(team('{headcount: 40000, capacity: 10, hires: {"2027-03": 60000}}'), {})
        .role,
    ).toBe(0);
    expect(
      errorOf(() =>
        resolveQuotaSettings(
          team('{headcount: 40000, capacity: 10, hires: {"2027-03": 59999, "2027-09": 2}}'),
          {},
        ),
      ),
    ).toBe(
      'quota: model: ✖ role ae would carry 100,001 quota seats (a starting headcount of 40,000 and 60,001 planned hires), above the limit of 100,000: per-rep quotas take memory and time with every seat; check team.ae.headcount and hires → at team.ae',
    );
    // Named by --role (or options.role) when the role came from there.
    const big = team('{headcount: 1000000, capacity: 10}');
    expect(errorOf(() => resolveQuotaSettings(big, { role: 'ae' }))).toMatch(
      /^quota: options\.role: ✖ role ae would carry 1,000,000 quota seats \(a starting headcount of 1,000,000 and 0 planned hires\)/,
    );
  });

  it('refuses over-assignment below 1 and a negative spread', () => {
    const m = errorOf(() =>
      resolveQuotaSettings(model, { overAssignment: 0.9, performanceCv: -1 }),
    );
    expect(m).toContain('quota: options.overAssignment: ✖ expected a number ≥ 1, got 0.9');
    expect(m).toContain('quota: options.performanceCv: ✖ expected a number ≥ 0, got -1');
  });

  it('needs a quota block, or a role and a confidence', () => {
    const bare = plan('');
    expect(errorOf(() => resolveQuotaSettings(bare, {}))).toMatch(/has no quota block/);
    expect(errorOf(() => resolveQuotaSettings(bare, { role: 'ae' }))).toMatch(
      /options\.confidence: ✖ expected a confidence strictly between 0 and 1/,
    );
    expect(resolveQuotaSettings(bare, { role: 'ae', confidence: 0.5 })).toEqual({
      role: 0,
      confidence: 0.5,
      overAssignment: 1,
      performanceCv: 0.3,
    });
  });
});
