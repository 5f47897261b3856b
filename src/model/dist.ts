/**
 * Distributions in their sampling parameterisation. The scenario layer turns every
 * user-facing form (`{dist: lognormal, median, p90}`, `"18% to 28%"`, `{successes, trials}`,
 * …) into exactly one of these; the engine never sees the user's form.
 */
export type Dist =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  /** exp(N(mu, sigma²)): median e^mu. */
  | { readonly kind: 'lognormal'; readonly mu: number; readonly sigma: number }
  /** Beta(alpha, beta) on [0, 1]. */
  | { readonly kind: 'beta'; readonly alpha: number; readonly beta: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | {
      readonly kind: 'triangular';
      readonly min: number;
      readonly mode: number;
      readonly max: number;
    }
  /**
   * PERT: min + (max − min)·Beta(alpha, beta) with alpha = 1 + 4(mode − min)/(max − min),
   * beta = 1 + 4(max − mode)/(max − min). alpha/beta are precomputed by the compiler.
   */
  | {
      readonly kind: 'pert';
      readonly min: number;
      readonly mode: number;
      readonly max: number;
      readonly alpha: number;
      readonly beta: number;
    };

/**
 * What values a quantity may take. Sampled values are clamped into the domain
 * (rate: [0, 1]; positive: [0, ∞); real: unbounded) — see docs/scenario-format.md.
 */
export type Domain = 'rate' | 'real' | 'positive';
