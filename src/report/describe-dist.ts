/**
 * An input distribution in words for the assumptions table, in the user's terms where
 * the compiled form allows: a lognormal is given back as its median and P90
 * (median = e^μ, P90 = e^(μ + 1.2816σ)), a beta as its parameters and mean α/(α+β).
 */
import type { Dist, Domain } from '../model/dist.js';

/** Φ⁻¹(0.9), the standard normal 90th percentile (standard tables). */
const Z90 = 1.2815515655446004;

/**
 * A number with three significant digits and thousands separators: 60000 → "60,000".
 * @example plainNumber(0.012345) // "0.0123"
 */
export function plainNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) < 1e-9) return '0';
  return Number(x.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 10 });
}

/** A value in the quantity's own terms: rates as percentages, everything else plain. */
function value(x: number, domain: Domain): string {
  if (domain === 'rate') {
    const pct = x * 100;
    return `${Number(pct.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 4 })}%`;
  }
  return plainNumber(x);
}

/**
 * Describes a distribution in words, e.g. "lognormal, median 8,000, P90 20,000",
 * "Beta(43, 139): mean 23.6%", "fixed 20".
 * @example describeDist({ kind: 'uniform', min: 0.85, max: 1.15 }, 'positive') // "uniform 0.85 to 1.15"
 */
export function describeDist(dist: Dist, domain: Domain): string {
  const v = (x: number) => value(x, domain);
  switch (dist.kind) {
    case 'fixed':
      return `fixed ${v(dist.value)}`;
    case 'normal':
      return `normal, mean ${v(dist.mean)}, sd ${v(dist.sd)}`;
    case 'lognormal':
      return `lognormal, median ${v(Math.exp(dist.mu))}, P90 ${v(Math.exp(dist.mu + Z90 * dist.sigma))}`;
    case 'beta': {
      const mean = dist.alpha / (dist.alpha + dist.beta);
      return `Beta(${plainNumber(dist.alpha)}, ${plainNumber(dist.beta)}): mean ${value(mean, 'rate')}`;
    }
    case 'uniform':
      return `uniform ${v(dist.min)} to ${v(dist.max)}`;
    case 'triangular':
      return `triangular, min ${v(dist.min)}, mode ${v(dist.mode)}, max ${v(dist.max)}`;
    case 'pert':
      return `PERT, min ${v(dist.min)}, mode ${v(dist.mode)}, max ${v(dist.max)}`;
  }
}

/** Words for a domain: what values the quantity may take. */
export function describeDomain(domain: Domain): string {
  switch (domain) {
    case 'rate':
      return 'rate in [0, 1]';
    case 'positive':
      return 'positive';
    case 'real':
      return 'any real number';
  }
}
