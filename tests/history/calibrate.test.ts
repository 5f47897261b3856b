/**
 * Calibration against a known truth: histories simulated item by item from scenarios whose
 * parameters are fixed, written as CSV, read back and calibrated. The true stage rates must
 * fall inside their 90% posterior intervals in at least 85% of the checks (nominal 90%;
 * with 240 checks the binomial standard error of the coverage is 1.9 points, so 85% is 2.6
 * standard errors below it); lags, deal sizes and the response are checked against the truth
 * within their sampling error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../src/history/calibrate.js';
import { loadHistory } from '../../src/history/load-history.js';
import { synthesize } from '../../src/history/synthesize.js';
import { actualsCsv, dealsCsv } from '../../src/history/write-csv.js';
import { betaQuantile } from '../../src/stats/beta.js';
import { modelOf } from '../helpers/model.js';

const tmp = mkdtempSync(join(tmpdir(), 'salesops-calibrate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A scenario with the given stage rates; every parameter fixed, so the truth is known. */
const scenario = (rates: readonly number[], periods = 12, varied = false) => `scenario: truth
calendar: {start: 2025-01, periods: ${periods}}
markets:
  smb: {deal_size: {dist: lognormal, median: 12000, p90: 30000}}
  ent: {deal_size: {dist: lognormal, median: 50000, p90: 150000}}
channels:
  search:
    spend: [${Array.from({ length: periods }, (_, t) => (varied ? 20000 + 10000 * ((t * 7) % 5) : 30000)).join(', ')}]
    response: {curve: linear, cost_per_lead: 100}
    markets: {smb: 0.8, ent: 0.2}
  partners:
    response: {curve: fixed, leads: 60}
    markets: {smb: 0.5, ent: 0.5}
funnel:
  - {stage: lead}
  - {stage: mql, rate: ${rates[0]}, lag: [0.6, 0.4]}
  - {stage: sql, rate: ${rates[1]}}
  - {stage: opp, rate: ${rates[2]}, lag: [0.5, 0.3, 0.2]}
  - {stage: won, rate: ${rates[3]}, lag: {median: 1.5, p90: 4}}
`;

async function history(yaml: string, seed: number, name: string) {
  const model = modelOf(yaml);
  const h = synthesize(model, { seed });
  const a = join(tmp, `${name}-actuals.csv`);
  const d = join(tmp, `${name}-deals.csv`);
  writeFileSync(a, actualsCsv(model, h));
  writeFileSync(d, dealsCsv(model, h));
  return { model, h, loaded: await loadHistory({ actuals: { path: a }, deals: { path: d } }) };
}

describe('calibrate recovers a known truth', () => {
  it('puts the true rates inside their 90% posterior intervals in at least 85% of 240 checks', async () => {
    let inside = 0;
    let checks = 0;
    for (let c = 0; c < 60; c++) {
      // rates vary from case to case, deterministically
      const rates = [
        0.25 + 0.2 * ((c * 0.37) % 1),
        0.3 + 0.4 * ((c * 0.61) % 1),
        0.4 + 0.3 * ((c * 0.23) % 1),
        0.15 + 0.2 * ((c * 0.83) % 1),
      ];
      // constant spend: the lead fit has only a level to find, so the batch stays fast
      const { loaded } = await history(scenario(rates), 1000 + c, `case${c}`);
      const cal = calibrate(loaded.actuals, loaded.deals);
      cal.stages.slice(1).forEach((s, k) => {
        const { successes: x, trials: n } = s.rate!;
        const lo = betaQuantile(0.05, x + 1, n - x + 1);
        const hi = betaQuantile(0.95, x + 1, n - x + 1);
        checks += 1;
        if (rates[k]! >= lo && rates[k]! <= hi) inside += 1;
      });
    }
    expect(checks).toBe(240);
    expect(inside / checks).toBeGreaterThanOrEqual(0.85);
    expect(inside / checks).toBeLessThanOrEqual(0.97);
  }, 120_000);

  it('recovers lags (Kaplan–Meier with open deals censored), deal sizes and the lead response', async () => {
    const rates = [0.4, 0.5, 0.6, 0.3];
    const { model, loaded } = await history(scenario(rates, 24, true), 77, 'big');
    const cal = calibrate(loaded.actuals, loaded.deals);
    // lag of opp (time in sql): [0.5, 0.3, 0.2]; each estimate within 4 binomial se
    for (const [k, truth] of [
      [1, [0.6, 0.4]],
      [3, [0.5, 0.3, 0.2]],
      [4, Array.from(model.stages[4]!.lag)],
    ] as const) {
      const s = cal.stages[k]!;
      const n = loaded.deals!.transitions[k - 1]!.events.reduce((a, b) => a + b, 0);
      truth.forEach((p, l) => {
        const se = Math.sqrt((p * (1 - p)) / n) + 1e-4; // + the 4-decimal rounding
        expect(Math.abs((s.lag![l] ?? 0) - p), `stage ${s.id} lag ${l}`).toBeLessThanOrEqual(
          4 * se,
        );
      });
    }
    // deal sizes: log-mean within 4 standard errors σ/√n of ln(median)
    for (const [id, median, p90] of [
      ['smb', 12000, 30000],
      ['ent', 50000, 150000],
    ] as const) {
      const m = cal.markets.find((x) => x.id === id)!;
      const sigma = Math.log(p90 / median) / 1.2815515655446004;
      expect(Math.abs(m.dealSize!.mu - Math.log(median))).toBeLessThanOrEqual(
        (4 * sigma) / Math.sqrt(m.dealSize!.n),
      );
      expect(m.dealSize!.ks!).toBeLessThanOrEqual(m.dealSize!.critical! * 1.5);
    }
    // response: search is linear at 100 per lead (levels anchored at the month after the history)
    const search = cal.channels.find((c) => c.channel === 'search')!;
    expect(search.response.curve === 'linear' || search.response.curve === 'hill').toBe(true);
    if (search.response.curve === 'linear') {
      expect(Math.abs(Math.log(search.response.costPerLead / 100))).toBeLessThanOrEqual(
        4 * search.response.logSd + 0.02,
      );
    }
    const partners = cal.channels.find((c) => c.channel === 'partners')!;
    expect(partners.response.curve).toBe('fixed');
    if (partners.response.curve === 'fixed')
      expect(Math.abs(Math.log(partners.response.leads / 60))).toBeLessThanOrEqual(
        4 * partners.response.logSd,
      );
    expect(search.mix.smb).toBeCloseTo(0.8, 1);
  }, 60_000);
});
