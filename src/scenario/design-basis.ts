/**
 * The design basis of a compiled plan: which inputs its sampling design stratifies and
 * which rank correlations it induces, by dot path (see {@link DesignBasis}).
 */
import type { Correlation, DesignBasis, Param, SimulationSettings } from '../model/types.js';

/**
 * Every uncertain input under `lhs` (else only the correlated ones) is stratified; the
 * correlated inputs are listed in index order with their target rank matrix.
 * @example designBasis(model.params, model.correlations, model.simulation.sampling)
 */
export function designBasis(
  params: readonly Param[],
  correlations: readonly Correlation[],
  sampling: SimulationSettings['sampling'],
): DesignBasis {
  const set = new Set<number>();
  for (const c of correlations) {
    set.add(c.a);
    set.add(c.b);
  }
  const correlated = [...set].sort((a, b) => a - b);
  const target = correlated.map((i) =>
    correlated.map((j) => {
      if (i === j) return 1;
      const c = correlations.find((x) => (x.a === i && x.b === j) || (x.a === j && x.b === i));
      return c?.rank ?? 0;
    }),
  );
  const uncertain = params.flatMap((p, i) => (p.dist.kind === 'fixed' ? [] : [i]));
  const stratified = sampling === 'lhs' ? [...new Set([...uncertain, ...correlated])] : correlated;
  return {
    stratified: stratified.sort((a, b) => a - b).map((i) => params[i]!.path),
    correlated: correlated.map((i) => params[i]!.path),
    target,
  };
}

/** Whether two bases stratify the same inputs with the same correlations. */
export function sameDesign(a: DesignBasis, b: DesignBasis): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
