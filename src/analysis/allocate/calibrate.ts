/**
 * The expected model calibrated to the simulation at one point: f'(x) = f(x) + Σ cᵢ·(xᵢ − x*ᵢ),
 * with cᵢ the simulation's marginal return of channel i at x* minus the expected model's
 * (both central differences of one step). f' has the simulation's marginal returns at x*,
 * so capacity, noise and Jensen effects the expected model misses are corrected to first
 * order near x*. Only for objectives in the expected model's units (revenue: bookings;
 * profit: profit); for p10 and target the expected bookings are used as they are.
 */
import type { Certificate } from './certificate.js';
import type { SplitValue } from './expected-split.js';
import type { AllocationProblem } from './problem.js';

/**
 * `f` corrected to the certificate's marginal returns at its point.
 * @example calibrated(problem, expectedValue(em, 'bookings'), certificate)
 */
export function calibrated(p: AllocationProblem, f: SplitValue, c: Certificate): SplitValue {
  const x0 = c.channels.map((ch) => ch.spend);
  const slope = c.channels.map((ch, i) => {
    if (ch.marginal === null) return 0;
    const a = Math.min(p.step, p.hi[i]! - x0[i]!);
    const b = Math.min(p.step, x0[i]! - p.lo[i]!);
    const up = a > 0 && Number.isFinite(a) ? with_(x0, i, x0[i]! + a) : x0;
    const down = b > 0 ? with_(x0, i, x0[i]! - b) : x0;
    const width = up[i]! - down[i]! || 1;
    return ch.marginal - (f(up) - f(down)) / width;
  });
  return (x) => {
    let v = f(x);
    for (let i = 0; i < x.length; i++) v += slope[i]! * (x[i]! - x0[i]!);
    return v;
  };
}

function with_(x: readonly number[], i: number, v: number): number[] {
  const y = [...x];
  y[i] = v;
  return y;
}
