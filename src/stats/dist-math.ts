/**
 * Closed-form moments, CDF and inverse CDF of every {@link Dist}, for Latin hypercube
 * sampling, tornado inputs (P10/P90), moment matching and tests.
 */
import type { Dist } from '../model/dist.js';
import { betaCdf, betaQuantile } from './beta.js';
import { normalCdf, normalQuantile } from './normal.js';

/**
 * Inverse CDF of `dist` at probability p ∈ [0, 1]: normal and lognormal via
 * {@link normalQuantile}, beta and PERT via {@link betaQuantile}, uniform and triangular in
 * closed form, fixed → its value. A normal with sd 0 is treated as fixed.
 * @example distQuantile({ kind: 'uniform', min: 2, max: 4 }, 0.25) // 2.5
 */
export function distQuantile(dist: Dist, p: number): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.value;
    case 'normal':
      return dist.sd === 0 ? dist.mean : dist.mean + dist.sd * normalQuantile(p);
    case 'lognormal':
      return Math.exp(dist.mu + dist.sigma * normalQuantile(p));
    case 'beta':
      return betaQuantile(p, dist.alpha, dist.beta);
    case 'uniform':
      return dist.min + p * (dist.max - dist.min);
    case 'triangular': {
      const { min, mode, max } = dist;
      const range = max - min;
      if (range === 0) return min;
      const split = (mode - min) / range;
      return p <= split
        ? min + Math.sqrt(p * range * (mode - min))
        : max - Math.sqrt((1 - p) * range * (max - mode));
    }
    case 'pert':
      return dist.min + (dist.max - dist.min) * betaQuantile(p, dist.alpha, dist.beta);
  }
}

/**
 * CDF of `dist` at x (the probability of a value ≤ x).
 * @example distCdf({ kind: 'normal', mean: 0, sd: 1 }, 0) // 0.5
 */
export function distCdf(dist: Dist, x: number): number {
  switch (dist.kind) {
    case 'fixed':
      return x >= dist.value ? 1 : 0;
    case 'normal':
      if (dist.sd === 0) return x >= dist.mean ? 1 : 0;
      return normalCdf((x - dist.mean) / dist.sd);
    case 'lognormal':
      return x <= 0 ? 0 : normalCdf((Math.log(x) - dist.mu) / dist.sigma);
    case 'beta':
      return betaCdf(x, dist.alpha, dist.beta);
    case 'uniform':
      if (x < dist.min) return 0;
      if (x >= dist.max) return 1;
      return (x - dist.min) / (dist.max - dist.min);
    case 'triangular': {
      const { min, mode, max } = dist;
      if (x < min) return 0;
      if (x >= max) return 1;
      if (x <= mode) return ((x - min) * (x - min)) / ((max - min) * (mode - min));
      return 1 - ((max - x) * (max - x)) / ((max - min) * (max - mode));
    }
    case 'pert':
      if (dist.max === dist.min) return x >= dist.min ? 1 : 0;
      return betaCdf((x - dist.min) / (dist.max - dist.min), dist.alpha, dist.beta);
  }
}

/**
 * Mean of `dist`: lognormal e^(μ+σ²/2), beta α/(α+β), triangular (min+mode+max)/3,
 * PERT min + (max−min)·α/(α+β).
 * @example distMean({ kind: 'lognormal', mu: 0, sigma: 1 }) // e^0.5
 */
export function distMean(dist: Dist): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.value;
    case 'normal':
      return dist.mean;
    case 'lognormal':
      return Math.exp(dist.mu + 0.5 * dist.sigma * dist.sigma);
    case 'beta':
      return dist.alpha / (dist.alpha + dist.beta);
    case 'uniform':
      return 0.5 * (dist.min + dist.max);
    case 'triangular':
      return (dist.min + dist.mode + dist.max) / 3;
    case 'pert':
      return dist.min + ((dist.max - dist.min) * dist.alpha) / (dist.alpha + dist.beta);
  }
}

/** Variance of Beta(a, b): ab / ((a+b)²(a+b+1)). */
function betaVariance(a: number, b: number): number {
  const s = a + b;
  return (a * b) / (s * s * (s + 1));
}

/**
 * Variance of `dist`: lognormal (e^(σ²) − 1)·e^(2μ+σ²), uniform (max−min)²/12, triangular
 * (a²+b²+c²−ab−ac−bc)/18, PERT (max−min)²·Var Beta(α, β).
 * @example distVariance({ kind: 'uniform', min: 0, max: 1 }) // 1/12
 */
export function distVariance(dist: Dist): number {
  switch (dist.kind) {
    case 'fixed':
      return 0;
    case 'normal':
      return dist.sd * dist.sd;
    case 'lognormal': {
      const s2 = dist.sigma * dist.sigma;
      return Math.expm1(s2) * Math.exp(2 * dist.mu + s2);
    }
    case 'beta':
      return betaVariance(dist.alpha, dist.beta);
    case 'uniform': {
      const w = dist.max - dist.min;
      return (w * w) / 12;
    }
    case 'triangular': {
      const { min: a, mode: c, max: b } = dist;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'pert': {
      const w = dist.max - dist.min;
      return w * w * betaVariance(dist.alpha, dist.beta);
    }
  }
}
