/**
 * The team target: the (1 − confidence) quantile of horizon bookings, and its
 * distribution-free interval, against a brute-force binomial and against a scenario whose
 * horizon bookings have a closed-form distribution.
 */
import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../../src/analysis/quantile.js';
import { quota } from '../../../src/analysis/quota/index.js';
import { quantileWithInterval } from '../../../src/analysis/quota/team-target.js';
import { normalQuantile } from '../../../src/stats/normal.js';
import { modelOf } from '../../helpers/model.js';

/** P(K ≤ k), K ~ Binomial(n, p), by summing the pmf term by term (independent of betaCdf). */
function binomialCdfBySum(k: number, n: number, p: number): number {
  let pmf = (1 - p) ** n;
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += pmf;
    pmf *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return sum;
}

describe('quantileWithInterval', () => {
  it.each([
    [10, 0.4],
    [37, 0.1],
    [200, 0.6],
    [501, 0.25],
  ])('n = %i, p = %f: value is type 7, ranks are the tightest with coverage ≥ 95%%', (n, p) => {
    const sorted = Float64Array.from({ length: n }, (_, i) => 100 + 3 * i);
    const r = quantileWithInterval(sorted, p, 0.95);
    expect(r.value).toBe(quantileSorted(sorted, p));
    // Ranks back from the values (X_(i) = 100 + 3(i − 1)).
    const lo = r.lo!;
    const hi = r.hi!;
    const l = (lo - 100) / 3 + 1;
    const u = (hi - 100) / 3 + 1;
    // Coverage P(l ≤ K ≤ u − 1) ≥ 0.95 where the ranks are not clamped; one rank tighter on
    // either side would leave more than 2.5% out.
    const F = (k: number) => binomialCdfBySum(k, n, p);
    if (l > 1) {
      expect(F(l - 1)).toBeLessThanOrEqual(0.025 + 1e-12);
      expect(F(l)).toBeGreaterThan(0.025);
    }
    if (u < n) {
      expect(F(u - 1)).toBeGreaterThanOrEqual(0.975 - 1e-12);
      expect(F(u - 2)).toBeLessThan(0.975);
    }
    expect(lo).toBeLessThanOrEqual(r.value);
    expect(hi).toBeGreaterThanOrEqual(r.value);
    expect(r.se).toBeCloseTo((hi - lo) / (2 * normalQuantile(0.975)), 12);
  });

  it('gives no interval when even the whole sample cannot cover the quantile with 95%', () => {
    // Three trials: the median lies outside [X_(1), X_(3)] with probability 2 · 0.5³ = 25%.
    for (const sorted of [Float64Array.of(1, 2, 3), Float64Array.of(7)]) {
      const r = quantileWithInterval(sorted, 0.5, 0.95);
      expect(r).toEqual({
        value: quantileSorted(sorted, 0.5),
        lo: null,
        hi: null,
        level: 0.95,
        se: null,
      });
    }
    // Six trials are the fewest whose range covers the median with 95% (1 − 2 · 0.5⁶ = 96.9%).
    expect(quantileWithInterval(Float64Array.of(1, 2, 3, 4, 5), 0.5, 0.95).lo).toBeNull();
    expect(quantileWithInterval(Float64Array.of(1, 2, 3, 4, 5, 6), 0.5, 0.95)).toMatchObject({
      lo: 1,
      hi: 6,
    });
  });
});

describe('team target of a scenario with lognormal horizon bookings', () => {
  // One period, one account that buys one repeat deal for sure (rate 1, no churn), no
  // leads: horizon bookings are exactly one draw of the repeat deal size,
  // LogNormal(μ = ln 10,000, σ = ln(25,000/10,000) / z₀.₉). Its q-quantile is exp(μ + σ z_q).
  const trials = 4000;
  const model = modelOf(`
scenario: one lognormal deal
calendar: {start: 2027-01, periods: 1}
simulation: {trials: ${trials}, seed: 5}
markets: {m: {deal_size: 1000}}
channels: {none: {response: {curve: fixed, leads: 0}}}
funnel: [{stage: lead}, {stage: won, rate: 0.5, worked_by: ae}]
team: {ae: {headcount: 4, capacity: 10}}
customers: {accounts: 1, churn: 0, repeat: {rate: 1, deal_size: {dist: lognormal, median: 10000, p90: 25000}}}
quota: {role: ae, confidence: 0.6, over_assignment: 1.2, performance_cv: 0}
`);
  const mu = Math.log(10_000);
  const sigma = Math.log(2.5) / normalQuantile(0.9);

  it.each([0.6, 0.9, 0.25])(
    'confidence %f: within 4 asymptotic SEs of exp(μ + σ z₁₋c)',
    async (c) => {
      const q = await quota(model, { workers: 1, confidence: c });
      const p = 1 - c;
      const truth = Math.exp(mu + sigma * normalQuantile(p));
      // Asymptotic SE of a sample quantile: √(p(1 − p)/n) / f(x_p), f the lognormal density.
      const z = normalQuantile(p);
      const density = Math.exp(-(z * z) / 2) / (Math.sqrt(2 * Math.PI) * sigma * truth);
      const se = Math.sqrt((p * (1 - p)) / trials) / density;
      expect(Math.abs(q.team_target - truth)).toBeLessThanOrEqual(4 * se);
      // The reported error is the asymptotic one, read off the order-statistic interval.
      expect(q.team_target_se! / se).toBeGreaterThan(0.7);
      expect(q.team_target_se! / se).toBeLessThan(1.4);
      expect(q.team_target_interval!.lo).toBeLessThanOrEqual(truth);
      expect(q.team_target_interval!.hi).toBeGreaterThanOrEqual(truth);
      expect(q.confidence).toBe(c);
      expect(q.total_quota).toBeCloseTo(1.2 * q.team_target, 9);
      // By construction the team reaches its target in a share `confidence` of the trials.
      expect(Math.abs(q.probability_team_target.probability - c)).toBeLessThanOrEqual(1 / trials);
    },
  );
});
