/**
 * The synthesizer's own random numbers: a seeded stream and plain, exact samplers written
 * from their textbook definitions, independent of the engine's (src/sim) so that history
 * made here is a second implementation of docs/model.md, not a replay of the kernel.
 */
import seedrandom from 'seedrandom';
import type { Dist } from '../model/dist.js';
import { distQuantile } from '../stats/dist-math.js';

/** Uniform numbers in [0, 1). */
export type Uniform = () => number;

/**
 * The stream of synthetic history `trial` under `seed` (seedrandom's Tyche-i keyed
 * `h<seed>;<trial>;`: the `h` keeps it apart from every engine stream).
 * @example const u = historyStream(7, 0); u(); // same on every machine
 */
export function historyStream(seed: number, trial: number): Uniform {
  return seedrandom.tychei(`h${seed};${trial};`);
}

/** A uniform in (0, 1): never 0, so logarithms are finite. */
const open01 = (u: Uniform): number => {
  let x = u();
  while (x === 0) x = u();
  return x;
};

/**
 * Standard normal by Box–Muller (one of the pair is used).
 * @example normal(historyStream(1, 0))
 */
export function normal(u: Uniform): number {
  return Math.sqrt(-2 * Math.log(open01(u))) * Math.cos(2 * Math.PI * u());
}

/**
 * Poisson(λ) by sequential inversion; λ above 500 is split into chunks of at most 500
 * (a sum of independent Poissons is Poisson), so e^(−λ) never underflows. O(λ) time.
 * @example poisson(historyStream(1, 0), 3.5)
 */
export function poisson(u: Uniform, lambda: number): number {
  let n = 0;
  let rest = lambda;
  while (rest > 0) {
    const l = Math.min(rest, 500);
    rest -= l;
    let p = Math.exp(-l);
    let cdf = p;
    const x = u();
    let k = 0;
    while (x >= cdf && p > 0) {
      k += 1;
      p *= l / k;
      cdf += p;
    }
    n += k;
  }
  return n;
}

/**
 * Gamma(shape, scale) by Marsaglia & Tsang (2000), with the boost
 * Gamma(a) = Gamma(a + 1) · U^(1/a) for shape < 1.
 * @example gamma(historyStream(1, 0), 2, 0.5) // mean 1
 */
export function gamma(u: Uniform, shape: number, scale: number): number {
  if (shape < 1) return gamma(u, shape + 1, scale) * open01(u) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(u);
    const v0 = 1 + c * z;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const x = open01(u);
    if (Math.log(x) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

/**
 * One value of `dist` by inversion: F⁻¹(U).
 * @example drawDist(historyStream(1, 0), { kind: 'uniform', min: 0, max: 2 })
 */
export function drawDist(u: Uniform, dist: Dist): number {
  return dist.kind === 'fixed' ? dist.value : distQuantile(dist, open01(u));
}

/**
 * An index drawn from a probability list by inversion on its running sum.
 * @example drawIndex(historyStream(1, 0), [0.7, 0.3]) // 0 or 1
 */
export function drawIndex(u: Uniform, pmf: ArrayLike<number>): number {
  const x = u();
  let cdf = 0;
  for (let i = 0; i < pmf.length; i++) {
    cdf += pmf[i]!;
    if (x < cdf) return i;
  }
  // rounding left the sum a hair below 1: the last index with mass
  for (let i = pmf.length - 1; i > 0; i--) if (pmf[i]! > 0) return i;
  return 0;
}
