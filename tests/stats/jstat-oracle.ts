/**
 * jStat (an independent JavaScript statistics library, dev dependency) as a test oracle.
 * It ships no types, so the few functions the tests use are declared here.
 */
import { createRequire } from 'node:module';

interface JStat {
  normal: {
    cdf(x: number, m: number, s: number): number;
    inv(p: number, m: number, s: number): number;
  };
  beta: {
    cdf(x: number, a: number, b: number): number;
    inv(p: number, a: number, b: number): number;
    mean(a: number, b: number): number;
    variance(a: number, b: number): number;
  };
  lognormal: {
    mean(mu: number, s: number): number;
    variance(mu: number, s: number): number;
    inv(p: number, mu: number, s: number): number;
  };
  triangular: {
    mean(a: number, b: number, c: number): number;
    variance(a: number, b: number, c: number): number;
    inv(p: number, a: number, b: number, c: number): number;
    cdf(x: number, a: number, b: number, c: number): number;
  };
  uniform: { mean(a: number, b: number): number; variance(a: number, b: number): number };
  gamma: { cdf(x: number, shape: number, scale: number): number };
  chisquare: { inv(p: number, df: number): number };
  poisson: { pdf(k: number, l: number): number };
  binomial: { pdf(k: number, n: number, p: number): number };
  gammaln(x: number): number;
}

const require = createRequire(import.meta.url);
const mod = require('jstat') as { jStat: JStat };
export const jStat: JStat = mod.jStat;
