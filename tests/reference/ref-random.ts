/**
 * Random numbers for the reference simulator, deliberately independent of the engine's
 * streams: a mulberry32 generator (Tommy Ettinger's 32-bit mixer, public domain) and the
 * textbook samplers the reference needs. Small counts are drawn item by item (one
 * Bernoulli per item, Knuth's product method for Poisson) so they cannot share a bug with
 * the engine's BTRD/PTRS; only large counts fall back to the engine's exact samplers,
 * which have their own oracle tests in tests/sim/samplers.
 */
import type { Dist } from '../../src/model/dist.js';
import type { Rng } from '../../src/sim/rng.js';
import { binomial as engineBinomial } from '../../src/sim/samplers/binomial.js';
import { poisson as enginePoisson } from '../../src/sim/samplers/poisson.js';
import { sampleDist } from '../../src/sim/samplers/sample-dist.js';

/** Counts up to this size are drawn item by item. */
const ITEM_LEVEL_MAX = 100;

/**
 * mulberry32 seeded from (seed, trial) by a splitmix-style hash: uniform in [0, 1), 2⁻³² grid.
 * @example const rng = mulberry32(7, 0); rng();
 */
export function mulberry32(seed: number, trial: number): Rng {
  let a = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(trial + 0x632be5ab, 0xc2b2ae35);
  a = (a ^ (a >>> 16)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Binomial(n, p): one Bernoulli per item for small n, the engine's exact sampler above. */
export function refBinomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n > ITEM_LEVEL_MAX) return engineBinomial(rng, n, p);
  let k = 0;
  for (let i = 0; i < n; i++) if (rng() < p) k++;
  return k;
}

/** Poisson(λ): Knuth's product of uniforms for small λ, the engine's exact sampler above. */
export function refPoisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > 30) return enginePoisson(rng, lambda);
  const limit = Math.exp(-lambda);
  let k = 0;
  let prod = rng();
  while (prod > limit) {
    k++;
    prod *= rng();
  }
  return k;
}

/** Standard normal by Box–Muller (one of the pair). */
export function refNormal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Gamma(shape, scale) by Marsaglia & Tsang (ACM TOMS 26(3), 2000), shape boost below 1. */
export function refGamma(rng: Rng, shape: number, scale: number): number {
  if (shape < 1) return refGamma(rng, shape + 1, scale) * (1 - rng()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = refNormal(rng);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = 1 - rng();
    if (Math.log(u) < (z * z) / 2 + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** Splits n items over a pmf: each item's slot drawn on its own (small n) or by conditional binomials. */
export function refSplit(rng: Rng, n: number, pmf: Float64Array): number[] {
  const out = new Array<number>(pmf.length).fill(0);
  if (pmf.length === 1) {
    out[0] = n;
    return out;
  }
  if (n <= ITEM_LEVEL_MAX) {
    for (let i = 0; i < n; i++) {
      const u = rng();
      let acc = 0;
      let slot = pmf.length - 1;
      for (let d = 0; d < pmf.length; d++) {
        acc += pmf[d]!;
        if (u < acc) {
          slot = d;
          break;
        }
      }
      out[slot]!++;
    }
    return out;
  }
  let left = n;
  let mass = 1;
  for (let d = 0; d < pmf.length - 1 && left > 0; d++) {
    const k = refBinomial(rng, left, mass > 0 ? Math.min(1, pmf[d]! / mass) : 0);
    out[d] = k;
    left -= k;
    mass -= pmf[d]!;
  }
  out[pmf.length - 1]! += left;
  return out;
}

/** Mean and variance of a deal-size distribution (closed forms, written out independently). */
export function moments(dist: Dist): { mean: number; variance: number } {
  switch (dist.kind) {
    case 'fixed':
      return { mean: dist.value, variance: 0 };
    case 'normal':
      return { mean: dist.mean, variance: dist.sd ** 2 };
    case 'lognormal': {
      const s2 = dist.sigma ** 2;
      return {
        mean: Math.exp(dist.mu + s2 / 2),
        variance: (Math.exp(s2) - 1) * Math.exp(2 * dist.mu + s2),
      };
    }
    case 'beta': {
      const { alpha: a, beta: b } = dist;
      return { mean: a / (a + b), variance: (a * b) / ((a + b) ** 2 * (a + b + 1)) };
    }
    case 'uniform':
      return { mean: (dist.min + dist.max) / 2, variance: (dist.max - dist.min) ** 2 / 12 };
    case 'triangular': {
      const { min: a, mode: c, max: b } = dist;
      return {
        mean: (a + b + c) / 3,
        variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
      };
    }
    case 'pert': {
      const { alpha: a, beta: b } = dist;
      const w = dist.max - dist.min;
      return {
        mean: dist.min + (w * a) / (a + b),
        variance: (w * w * a * b) / ((a + b) ** 2 * (a + b + 1)),
      };
    }
  }
}

/**
 * Sum of n deal sizes: each deal drawn on its own up to 200 deals; above, the central limit
 * normal with the exact mean n·μ and sd √n·σ (only the means are compared, and with that
 * many deals per period the shape of the sum is normal to well within the test's tolerance).
 */
export function refSumOfSizes(rng: Rng, n: number, dist: Dist): number {
  if (n <= 200) {
    let s = 0;
    for (let i = 0; i < n; i++) s += sampleDist(rng, dist);
    return s;
  }
  const { mean, variance } = moments(dist);
  return n * mean + Math.sqrt(n * variance) * refNormal(rng);
}
