/**
 * Every uncertain-quantity form → its Dist, with parameters worked out by hand (formulas in
 * docs/scenario-format.md) or checked against jStat, an independent library.
 */
import { describe, expect, it } from 'vitest';
import type { Dist } from '../../src/model/dist.js';
import { SPECS } from '../../src/scenario/schema-parts.js';
import { parseRange, parseSingle } from '../../src/scenario/shorthand.js';
import { toDist, type UqObject, type UqSpec } from '../../src/scenario/uncertain.js';
import { jStat } from '../stats/jstat-oracle.js';

function dist(v: number | string | UqObject, spec: UqSpec = SPECS.positive): Dist {
  const r = toDist(v, spec);
  if (!('dist' in r)) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.dist;
}
function issue(v: number | string | UqObject, spec: UqSpec = SPECS.positive): string {
  const r = toDist(v, spec);
  if ('dist' in r) throw new Error(`expected an issue, got ${JSON.stringify(r.dist)}`);
  return r.issues.map((i) => i.message).join('; ');
}
function params(d: Dist): Record<string, number> {
  const { kind: _, ...rest } = d;
  return rest as Record<string, number>;
}

describe('uncertain quantities', () => {
  it('a plain number is fixed, inside the field bounds', () => {
    expect(dist(0.3, SPECS.rate)).toEqual({ kind: 'fixed', value: 0.3 });
    expect(issue(1.4, SPECS.rate)).toBe('expected a rate between 0 and 1, got number 1.4');
    expect(issue(0, SPECS.strict)).toBe('expected a number > 0, got number 0');
    expect(issue(-1, SPECS.growth)).toBe('expected a growth rate above -1 (-100%), got number -1');
  });

  it('"18% to 28%" on a rate is the beta with those 5th/95th percentiles (checked with jStat)', () => {
    const d = dist('18% to 28%', SPECS.rate);
    expect(d.kind).toBe('beta');
    const { alpha, beta } = params(d) as { alpha: number; beta: number };
    expect(jStat.beta.inv(0.05, alpha, beta)).toBeCloseTo(0.18, 6);
    expect(jStat.beta.inv(0.95, alpha, beta)).toBeCloseTo(0.28, 6);
  });

  it('"60 to 110" on a positive quantity is lognormal: mu = (ln 60 + ln 110)/2, sigma = ln(110/60)/(2·1.6449)', () => {
    // ln 60 = 4.0943446, ln 110 = 4.7004804 → mu = 4.3974125; sigma = 0.6061358 / 3.2897073 = 0.1842522
    const d = params(dist('60 to 110'));
    expect(d.mu).toBeCloseTo(4.3974125, 6);
    expect(d.sigma).toBeCloseTo(0.1842522, 6);
  });

  it('"-1% to 2%" on growth (real) is normal: mean 0.005, sd 0.03/(2·1.6449)', () => {
    const d = dist('-1% to 2%', SPECS.growth);
    expect(d.kind).toBe('normal');
    expect(params(d).mean).toBeCloseTo(0.005, 12);
    expect(params(d).sd).toBeCloseTo(0.03 / 3.2897072539029444, 12);
  });

  it('{dist: lognormal, median: 8000, p90: 20000}: mu = ln 8000, sigma = ln 2.5 / 1.2816', () => {
    // ln 8000 = 8.9871968; ln 2.5 = 0.9162907 → sigma = 0.9162907 / 1.2815516 = 0.7149855
    const d = params(dist({ dist: 'lognormal', median: 8000, p90: 20000 }));
    expect(d.mu).toBeCloseTo(8.9871968, 6);
    expect(d.sigma).toBeCloseTo(0.7149855, 6);
  });

  it('{dist: lognormal, mean: 100, sd: 50} has exactly that mean and sd (jStat moments)', () => {
    // sigma² = ln 1.25 = 0.2231436, mu = ln 100 − 0.1115718 = 4.4935985
    const d = params(dist({ dist: 'lognormal', mean: 100, sd: 50 }));
    expect(d.mu).toBeCloseTo(4.4935985, 6);
    expect(jStat.lognormal.mean(d.mu!, d.sigma!)).toBeCloseTo(100, 9);
    expect(Math.sqrt(jStat.lognormal.variance(d.mu!, d.sigma!))).toBeCloseTo(50, 9);
  });

  it('{dist: beta, mean: 0.2, sd: 0.05}: k = 0.16/0.0025 − 1 = 63 → Beta(12.6, 50.4)', () => {
    const d = params(dist({ dist: 'beta', mean: 0.2, sd: 0.05 }, SPECS.rate));
    expect(d.alpha).toBeCloseTo(12.6, 10);
    expect(d.beta).toBeCloseTo(50.4, 10);
  });

  it('the remaining forms map directly', () => {
    expect(dist({ dist: 'beta', alpha: 2, beta: 5 }, SPECS.rate)).toEqual({
      kind: 'beta',
      alpha: 2,
      beta: 5,
    });
    expect(dist({ dist: 'normal', mean: 1, sd: 0.1 })).toEqual({
      kind: 'normal',
      mean: 1,
      sd: 0.1,
    });
    expect(dist({ dist: 'uniform', min: 1, max: 3 })).toEqual({ kind: 'uniform', min: 1, max: 3 });
    expect(dist({ dist: 'triangular', min: 1, mode: 2, max: 5 })).toEqual({
      kind: 'triangular',
      min: 1,
      mode: 2,
      max: 5,
    });
    // alpha = 1 + 4·(2−0)/10 = 1.8, beta = 1 + 4·(10−2)/10 = 4.2
    const pert = params(dist({ dist: 'pert', min: 0, mode: 2, max: 10 }));
    expect(pert.alpha).toBeCloseTo(1.8, 12);
    expect(pert.beta).toBeCloseTo(4.2, 12);
    expect(dist({ successes: 42, trials: 180 }, SPECS.rate)).toEqual({
      kind: 'beta',
      alpha: 43,
      beta: 139,
    });
  });

  it('catches infeasible parameters', () => {
    expect(issue({ dist: 'beta', mean: 0.2, sd: 0.4 }, SPECS.rate)).toMatch(/too large for a beta/);
    expect(issue({ dist: 'lognormal', median: 10, p90: 10 })).toMatch(
      /p90 must be above the median/,
    );
    expect(issue('5 to 5')).toMatch(/LOW must be below HIGH/);
    // Ends too small (squares underflow) or too large (sums lose meaning) for a run.
    expect(issue('1e-170 to 1e-169')).toMatch(/magnitude between 1e-15 and/);
    expect(issue('1e300 to 1e301')).toMatch(/magnitude between 1e-15 and/);
    expect(issue('-1e-16% to 1%', SPECS.growth)).toMatch(/magnitude between 1e-15 and/);
    expect(dist('0 to 1e-15', SPECS.growth).kind).toBe('normal');
    expect(issue({ dist: 'triangular', min: 1, mode: 1, max: 1 })).toMatch(/min must be below max/);
    expect(issue({ successes: 5, trials: 4 }, SPECS.rate)).toMatch(/successes ≤ trials/);
    expect(issue({ successes: 1.5, trials: 4 }, SPECS.rate)).toMatch(/whole numbers/);
    expect(issue({ dist: 'normal', mean: 1, sd: -1 })).toBe('sd must be > 0, got -1');
    expect(issue({ dist: 'uniform', min: 0.5, max: 1.5 }, SPECS.rate)).toMatch(
      /max must fit a rate/,
    );
    expect(issue('0% to 20%', SPECS.rate)).toMatch(/strictly between 0 and 1/);
    expect(issue('0 to 20')).toMatch(/0 < LOW < HIGH/);
    expect(issue({ dist: 'normal', mean: 5, sd: 1 }, SPECS.strict)).toMatch(/use lognormal/);
    expect(issue({ dist: 'lognormal', median: 5 })).toBe(
      'lognormal takes {median, p90} or {mean, sd}; got {dist, median}',
    );
  });
});

describe('"LOW to HIGH" parsing', () => {
  it('reads percentages, signs, exponents and thousands separators', () => {
    expect(parseRange('18% to 28%')).toEqual({ low: 0.18, high: 0.28, mixed: false });
    expect(parseRange(' -1.5% TO 2% ')).toEqual({ low: -0.015, high: 0.02, mixed: false });
    expect(parseRange('40,000 to 75_000')).toEqual({ low: 40000, high: 75000, mixed: false });
    expect(parseRange('1e3 to 2.5e3')).toEqual({ low: 1000, high: 2500, mixed: false });
  });
  it('flags a % on one end only, unless the other end is 0', () => {
    expect(parseRange('35 to 45%')).toEqual({ low: 35, high: 0.45, mixed: true });
    expect(parseRange('35% to 45')).toEqual({ low: 0.35, high: 45, mixed: true });
    expect(parseRange('0 to 5%')).toEqual({ low: 0, high: 0.05, mixed: false });
    expect(issue('35 to 45%', SPECS.rate)).toBe(
      'write % on both ends of "LOW to HIGH" or on neither; got "35 to 45%", which reads as 35 to 0.45',
    );
    expect(dist('0 to 5%', SPECS.growth).kind).toBe('normal');
  });
  it('says how to write a fixed value given as text', () => {
    expect(parseSingle('15%')).toBe(0.15);
    expect(parseSingle(' 40,000 ')).toBe(40000);
    expect(parseSingle('about 15%')).toBeNull();
    expect(issue('15%', SPECS.rate)).toMatch(/a fixed value is written as a number \(0\.15\)/);
    expect(issue('about 15%', SPECS.rate)).not.toMatch(/fixed value/);
  });
  it('refuses anything else', () => {
    for (const s of [
      'about 20%',
      '1 to',
      'to 2',
      '1 - 2',
      '1,,000 to 2',
      '1_ to 2',
      '1 to 2 to 3',
      '',
    ]) {
      expect(parseRange(s), s).toBeNull();
    }
  });
});
