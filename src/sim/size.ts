/**
 * Whether a model is small enough to simulate. Every count the format allows is bounded
 * (docs/errors.md), but their product is not: 1,000 channels × 1,000 markets × 40 stages ×
 * 240 periods would need terabytes. Such a model is refused before anything is allocated,
 * with the sizes that made it too large, instead of exhausting memory or running for hours.
 */
import { MAX_GRID, MAX_ROW } from '../defaults.js';
import type { Model } from '../model/types.js';
import { SimulationError } from './errors.js';
import type { Layout } from './layout.js';

/** @throws SimulationError when the model's per-trial state or row is over the limits. */
export function checkSize(model: Model, layout: Layout): void {
  const C = model.channels.length;
  const M = model.markets.length;
  const K = model.stages.length;
  const T = model.calendar.periods;
  const grid = C * M * K * T;
  if (grid > MAX_GRID) {
    throw new SimulationError(
      `the scenario is too large to simulate: ${C} channels × ${M} markets × ${K} stages × ${T} periods = ${grid.toLocaleString('en-US')} cohort-stage-periods per trial, above the limit of ${MAX_GRID.toLocaleString('en-US')}; use fewer channels, markets, stages or periods`,
    );
  }
  if (layout.width > MAX_ROW) {
    throw new SimulationError(
      `the scenario is too large to simulate: ${layout.series.length} series × ${T} periods = ${layout.width.toLocaleString('en-US')} values per trial, above the limit of ${MAX_ROW.toLocaleString('en-US')}; use fewer channels, markets, roles or periods`,
    );
  }
}
