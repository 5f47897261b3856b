/**
 * Standard normal variates by inversion.
 */
import { normalQuantile } from '../../stats/normal.js';
import type { Rng } from '../rng.js';

/** Half the 2⁻³² resolution of an {@link Rng}: shifts u to the open interval (0, 1). */
const HALF_STEP = 2 ** -33;

/**
 * One N(0, 1) draw by inversion, Φ⁻¹(u) with Wichura's AS 241 ({@link normalQuantile}), using
 * one uniform per draw (no cached second value, so streams stay pure). u = rng() + 2⁻³³ is the
 * midpoint of its 2⁻³² cell, so draws are symmetric and finite (|z| ≤ 6.4).
 * @example standardNormal(trialRng(1, 0))
 */
export function standardNormal(rng: Rng): number {
  return normalQuantile(rng() + HALF_STEP);
}
