/**
 * `allocate` end to end: the bundled B2B example (never worse than its plan, on trials the
 * search never saw; the JSON core), budgets above every maximum, the share cap, the other
 * objectives, and the same numbers on any number of threads.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../../src/analysis/allocate/allocate.js';
import { allocationToCsv } from '../../../src/analysis/allocate/csv.js';
import { stringifyAllocation } from '../../../src/analysis/allocate/json.js';
import type { AllocationResult } from '../../../src/analysis/allocate/types.js';
import { allocateTable } from '../../../src/cli/allocate-table.js';
import { loadBundle } from '../../../src/scenario/index.js';
import { modelOf } from '../../helpers/model.js';
import { CLOSED_FORM } from './scenarios.js';

const ROOT = join(import.meta.dirname, '../../..');
const SUMMARY_KEYS = ['mean', 'sd', 'se', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'];

describe('allocate on the B2B example', () => {
  let r: AllocationResult;
  beforeAll(async () => {
    const bundle = await loadBundle(join(ROOT, 'scenarios/b2b-saas.yaml'));
    r = await allocate(bundle, { trials: 2000, workers: 2 });
  }, 240_000);

  it('prints the stable JSON core', () => {
    const json = JSON.parse(stringifyAllocation(r));
    for (const key of [
      'objective',
      'budget',
      'current',
      'recommended',
      'value',
      'uplift',
      'probability_better',
      'marginal',
      'certificate',
      'budget_curve',
    ]) {
      expect(json, key).toHaveProperty(key);
    }
    expect(Object.keys(json.value.current)).toEqual(SUMMARY_KEYS);
    expect(Object.keys(json.value.recommended)).toEqual(SUMMARY_KEYS);
    expect(Object.keys(json.recommended)).toEqual(['paid_search', 'content', 'social', 'events']);
    expect(Object.keys(json.marginal)).toEqual(Object.keys(json.recommended));
    expect(json.uplift.lo).toBeLessThanOrEqual(json.uplift.mean);
    expect(json.uplift.hi).toBeGreaterThanOrEqual(json.uplift.mean);
  });

  it('spends the whole budget within every bound, on the step grid', () => {
    const spent = Object.values(r.recommended).reduce((a, b) => a + b, 0);
    expect(spent).toBe(100000);
    for (const c of r.certificate.channels) {
      expect(c.spend).toBeGreaterThanOrEqual(c.min);
      if (c.max !== null) expect(c.spend).toBeLessThanOrEqual(c.max);
      expect(c.spend % 5000).toBe(0);
    }
  });

  it('is not worse than the current plan on trials the search never saw', () => {
    expect(r.search.seed).not.toBe(r.seed);
    // The plan as written spends more (its event months): the recommendation still wins.
    expect(r.uplift.lo).toBeGreaterThan(0);
    expect(r.probability_better).toBeGreaterThan(0.5);
    expect(r.objective_value.recommended.value).toBeGreaterThan(r.objective_value.current.value);
  });

  it('certifies the split: interior marginal returns equal, no transfer predicted to gain beyond 2 s.e.', () => {
    expect(r.certificate.equal_marginals.holds).toBe(true);
    const b = r.certificate.best_transfer!;
    expect(b.gain).toBeLessThanOrEqual(2 * b.se);
  });

  it('draws a budget curve from 50% to 200% with an allocation at each point', () => {
    const pts = r.budget_curve.points;
    expect(pts.length).toBeGreaterThanOrEqual(7);
    expect(pts[0]!.share).toBe(0.5);
    expect(pts.at(-1)!.share).toBe(2);
    for (const p of pts) {
      expect(p.feasible).toBe(true);
      const total = Object.values(p.allocation).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(p.spent, 6);
    }
    // More budget never lowers mean bookings by more than the noise on this curve.
    for (let i = 1; i < pts.length; i++) {
      const d = pts[i]!.difference!.mean - pts[i - 1]!.difference!.mean;
      expect(d).toBeGreaterThan(-3 * (pts[i]!.difference!.se + pts[i - 1]!.difference!.se));
    }
    expect(r.budget_curve.next_10_percent!.budget).toBe(10000);
  });

  it('writes a CSV with a row per channel, curve point and response point', () => {
    const lines = allocationToCsv(r).trim().split('\n');
    expect(lines[0]).toBe(
      'section,budget,channel,current_spend,spend,min_spend,max_spend,bound,marginal,marginal_se,objective,objective_se',
    );
    expect(lines.filter((l) => l.startsWith('allocation,'))).toHaveLength(5);
    expect(
      lines.filter((l) => l.startsWith('budget_curve,') && l.includes(',total,')),
    ).toHaveLength(r.budget_curve.points.length);
  });
});

describe('allocate on the closed-form scenario', () => {
  const model = modelOf(CLOSED_FORM);

  it('gives identical results on one thread and on two', async () => {
    const one = await allocate(model, { workers: 1, trials: 600 });
    const two = await allocate(model, { workers: 2, trials: 600 });
    expect(stringifyAllocation(two)).toBe(stringifyAllocation(one));
  }, 240_000);

  it('spends every channel at its maximum when the budget exceeds them, and says so', async () => {
    const capped = modelOf(
      CLOSED_FORM.replace(
        '    spend: 30000\n    response: {curve: hill, max_leads: 2500',
        '    spend: 30000\n    max_spend: 40000\n    response: {curve: hill, max_leads: 2500',
      ),
    );
    const r = await allocate(capped, { budget: 150000, trials: 400, curves: false });
    expect(r.recommended).toEqual({ search: 60000, social: 40000, display: 15000 });
    expect(r.spent).toBe(115000);
    expect(r.unspent).toBe(35000);
    expect(r.search.start).toBe('fixed');
    expect(allocateTable(r)).toMatch(
      /every channel is at its maximum: 35k of the 150k budget is left unspent/,
    );
  }, 120_000);

  it('keeps every channel within max_share and reports the largest share', async () => {
    const shared = modelOf(CLOSED_FORM.replace('step: 1000}', 'step: 1000, max_share: 0.45}'));
    const r = await allocate(shared, { trials: 600, curves: false });
    for (const v of Object.values(r.recommended)) expect(v).toBeLessThanOrEqual(0.45 * 90000);
    expect(r.largest_share.share).toBeLessThanOrEqual(0.45);
    // Unconstrained, search takes ~52% (see the closed-form test): the cap binds.
    expect(r.certificate.channels.find((c) => c.channel === 'search')!.bound).toBe('max_share');
  }, 120_000);

  it('maximises P10 and the probability of the target too', async () => {
    const withTarget = modelOf(
      CLOSED_FORM.replace('allocation:', 'targets: {bookings: 4900000}\nallocation:'),
    );
    for (const objective of ['p10', 'target'] as const) {
      const r = await allocate(withTarget, { objective, trials: 600, curves: false });
      expect(r.objective).toBe(objective);
      expect(Object.values(r.recommended).reduce((a, b) => a + b, 0)).toBe(90000);
      if (objective === 'target') {
        expect(r.objective_value.recommended.value).toBeGreaterThanOrEqual(0);
        expect(r.objective_value.recommended.value).toBeLessThanOrEqual(1);
      } else {
        expect(r.objective_value.recommended.value).toBeCloseTo(r.value.recommended.p10, 6);
      }
    }
  }, 240_000);
});
