/**
 * The optimiser against closed forms. With fixed-parameter hill curves, no team limit and no
 * uncertainty, expected horizon bookings are T·rate·deal·Σ Mᵢxᵢ/(xᵢ + Hᵢ); the optimum has
 * equal marginal returns K·Mᵢ·Hᵢ/(xᵢ + Hᵢ)² = λ across interior channels, which an
 * independent solver (bisection on λ, each channel's spend clamped into its bounds) finds.
 * The recommendation's exact expected objective must be within 0.5% of that optimum, with a
 * bound binding — both from `allocate` and from the simulation search alone, started from an
 * equal split (so the expected model cannot do the work for it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../../src/analysis/allocate/allocate.js';
import { Candidates } from '../../../src/analysis/allocate/candidates.js';
import { moveSizes } from '../../../src/analysis/allocate/expected-split.js';
import { objectiveOf } from '../../../src/analysis/allocate/objective.js';
import { defineProblem, project } from '../../../src/analysis/allocate/problem.js';
import { search } from '../../../src/analysis/allocate/search.js';
import type { AllocationResult } from '../../../src/analysis/allocate/types.js';
import { type Evaluator, prepare } from '../../../src/analysis/evaluator.js';
import { modelOf } from '../../helpers/model.js';
import { CLOSED_FORM, CLOSED_FORM_CHANNELS, CLOSED_FORM_SCALE } from './scenarios.js';

/** Expected horizon bookings of a split, from the formula. */
function exact(x: readonly number[]): number {
  return CLOSED_FORM_CHANNELS.reduce(
    (s, [m, h], i) => s + (CLOSED_FORM_SCALE * m * x[i]!) / (x[i]! + h),
    0,
  );
}

/** The optimum by bisection on λ: xᵢ(λ) = clamp(√(K·Mᵢ·Hᵢ/λ) − Hᵢ, lo, hi), Σ xᵢ = budget. */
function optimum(budget: number): { x: number[]; value: number } {
  const at = (lambda: number) =>
    CLOSED_FORM_CHANNELS.map(([m, h, lo, hi]) =>
      Math.min(hi, Math.max(lo, Math.sqrt((CLOSED_FORM_SCALE * m * h) / lambda) - h)),
    );
  let lo = 1e-9;
  let hi = 1e9;
  for (let k = 0; k < 200; k++) {
    const mid = Math.sqrt(lo * hi);
    if (at(mid).reduce((a, b) => a + b, 0) > budget) lo = mid;
    else hi = mid;
  }
  const x = at(hi);
  return { x, value: exact(x) };
}

describe('closed form: hill curves, no team, no uncertainty', () => {
  const model = modelOf(CLOSED_FORM);
  const best = optimum(90000);
  let result: AllocationResult;
  beforeAll(async () => {
    result = await allocate(model, { workers: 2 });
  }, 120_000);

  it('has an independent optimum with equal marginal returns and a binding bound', () => {
    // Interior channels (search, social) share λ; display is held at its max_spend.
    const slope = (i: number) => {
      const [m, h] = CLOSED_FORM_CHANNELS[i]!;
      return (CLOSED_FORM_SCALE * m * h) / (best.x[i]! + h) ** 2;
    };
    expect(best.x[2]).toBe(15000);
    expect(slope(0) / slope(1)).toBeCloseTo(1, 9);
    expect(slope(2)).toBeGreaterThan(slope(0));
    expect(best.x.reduce((a, b) => a + b, 0)).toBeCloseTo(90000, 6);
  });

  it('recommends within 0.5% of the optimum, spending the whole budget, with display at its maximum', () => {
    const x = ['search', 'social', 'display'].map((id) => result.recommended[id]!);
    expect(x.reduce((a, b) => a + b, 0)).toBeCloseTo(90000, 6);
    expect(exact(x)).toBeGreaterThanOrEqual(best.value * (1 - 0.005));
    const display = result.certificate.channels.find((c) => c.channel === 'display')!;
    expect(display.bound).toBe('max');
    expect(result.certificate.equal_marginals.holds).toBe(true);
    expect(result.certificate.equal_marginals.channels).toEqual(['search', 'social']);
  });

  it('simulates the closed form: the recommended value is the formula within 4 standard errors', () => {
    const x = ['search', 'social', 'display'].map((id) => result.recommended[id]!);
    const v = result.objective_value.recommended;
    expect(Math.abs(v.value - exact(x))).toBeLessThan(4 * v.se);
  });

  it('gives marginal returns that match the formula within 4 standard errors (interior channels)', () => {
    for (const [i, id] of ['search', 'social'].entries()) {
      const c = result.certificate.channels.find((ch) => ch.channel === id)!;
      const [m, h] = CLOSED_FORM_CHANNELS[i]!;
      // The central difference over ±1 step of the exact curve (what the certificate estimates).
      const f = (s: number) => (CLOSED_FORM_SCALE * m * s) / (s + h);
      const central = (f(c.spend + 1000) - f(c.spend - 1000)) / 2000;
      expect(Math.abs(c.marginal! - central)).toBeLessThan(4 * c.se!);
    }
  });
});

describe('closed form: the simulation search alone, from an equal split', () => {
  const model = modelOf(CLOSED_FORM);
  let ev: Evaluator;
  beforeAll(() => {
    ev = prepare(model, { workers: 2, threadMin: 0 });
  });
  afterAll(() => ev.close());

  it('walks from the equal split to within 0.5% of the optimum and certifies it', async () => {
    const p = defineProblem(model);
    const o = objectiveOf('revenue', null);
    const cands = new Candidates(ev, p, [o.metric]);
    const equal = project(p, [1, 1, 1]);
    const r = await search(
      p,
      cands,
      o,
      [{ name: 'equal', x: equal }],
      [
        { trials: 1000, deltas: moveSizes(p.step, p.total).slice(0, -1), tries: 3 },
        { trials: 2000, deltas: [p.step], tries: Number.POSITIVE_INFINITY },
      ],
      12,
    );
    const best = optimum(90000);
    // The start is well off the optimum, so the search must move.
    expect(exact(equal)).toBeLessThan(best.value * (1 - 0.005));
    expect(r.moves.length).toBeGreaterThan(0);
    expect(exact(r.x)).toBeGreaterThanOrEqual(best.value * (1 - 0.005));
    expect(r.x[2]).toBe(15000);
    expect(r.marginals).not.toBeNull();
  }, 120_000);
});
