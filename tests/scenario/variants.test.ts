/** Dot-path edits and variants: every spelling of a funnel path, suggestions, no mutation, no pollution. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyVariant, compileScenario, setPath } from '../../src/scenario/index.js';
import { formatDiagnostic } from '../../src/util/result.js';
import { BASE } from './base.js';

const doc = () => parse(BASE) as Record<string, unknown>;
const get = (d: unknown, ...keys: (string | number)[]): unknown =>
  keys.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], d);

describe('setPath', () => {
  it('sets a field on a copy and leaves the original alone', () => {
    const d = doc();
    const r = setPath(d, 'channels.paid_search.spend', 1234);
    expect(r.ok && get(r.value, 'channels', 'paid_search', 'spend')).toBe(1234);
    expect(get(d, 'channels', 'paid_search', 'spend')).toEqual({
      default: 40000,
      '2027-11': 80000,
    });
  });

  it('accepts funnel.<stage id>, funnel.<i> and funnel[i]', () => {
    for (const path of ['funnel.won.rate', 'funnel.3.rate', 'funnel[3].rate']) {
      const r = setPath(doc(), path, 0.3);
      expect(r.ok && get(r.value, 'funnel', 3, 'rate'), path).toBe(0.3);
    }
  });

  it('adds a missing field the format has, even in a missing section', () => {
    const r = setPath(doc(), 'customers.repeat.rate', 0.02);
    expect(r.ok && get(r.value, 'customers')).toEqual({ repeat: { rate: 0.02 } });
    const s = setPath(doc(), 'channels.referrals.carryover', 0.2);
    expect(s.ok && get(s.value, 'channels', 'referrals', 'carryover')).toBe(0.2);
  });

  it('names the closest valid path for an unknown one', () => {
    const msg = (path: string) => {
      const r = setPath(doc(), path, 1);
      return r.ok ? 'ok' : r.errors[0]!.message;
    };
    expect(msg('channels.paid_serch.spend')).toBe(
      'no field channels.paid_serch.spend; did you mean channels.paid_search.spend?',
    );
    expect(msg('funnel.wonn.rate')).toBe(
      'no field funnel.wonn.rate; did you mean funnel.won.rate?',
    );
    expect(msg('markets.smb.demand_shok')).toBe(
      'no field markets.smb.demand_shok; did you mean markets.smb.demand_shock?',
    );
    expect(msg('channels.tv.spend')).toBe('no field channels.tv.spend');
    expect(msg('funnel[9].rate')).toBe('no field funnel[9].rate');
    expect(msg('channels..spend')).toBe(
      '"channels..spend" is not a dot path (e.g. channels.dealers.spend)',
    );
  });

  it('never follows or creates __proto__, constructor or prototype', () => {
    for (const path of ['__proto__.polluted', 'channels.__proto__.x', 'markets.constructor']) {
      expect(setPath(doc(), path, 1).ok, path).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('variants', () => {
  it('applyVariant returns the edited copy', () => {
    const r = applyVariant(doc(), 'more_search');
    expect(r.ok && get(r.value, 'channels', 'paid_search', 'spend')).toBe(80000);
  });

  it('an unknown variant lists the known ones', () => {
    const r = applyVariant(doc(), 'less_search');
    expect(r.ok ? '' : r.errors[0]!.message).toBe(
      'no variant "less_search"; the scenario has more_search',
    );
  });

  it('a variant that breaks the scenario is an error naming it, at its set entry', () => {
    const text = `${BASE}  broken:\n    set: {funnel.won.rate: "40% to 20%"}\n`;
    const r = compileScenario(text, 'v.yaml');
    const line = text.split('\n').findIndex((l) => l.includes('funnel.won.rate: "40%')) + 1;
    expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([
      `v.yaml:${line}: ✖ variant broken: LOW must be below HIGH in "LOW to HIGH", got 0.4 to 0.2 → at funnel[3].rate`,
    ]);
  });
});
