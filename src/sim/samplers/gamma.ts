/**
 * Gamma variates.
 */
import type { Rng } from '../rng.js';
import { zigguratNormal } from './ziggurat.js';

/**
 * One Gamma(shape, scale) draw (mean shape·scale) by Marsaglia & Tsang's squeeze method
 * ("A simple method for generating gamma variables", ACM TOMS 26(3), 2000): d = shape − ⅓,
 * c = 1/√(9d), accept v = (1 + cZ)³ when u < 1 − 0.0331Z⁴ or ln u < Z²/2 + d(1 − v + ln v).
 * For shape < 1 it uses their boost Gamma(a) = Gamma(a + 1)·U^(1/a), in log space so tiny
 * shapes underflow gracefully to 0. Z comes from {@link zigguratNormal}, the normal generator the
 * method was designed around (their RNOR). Returns 0 for shape ≤ 0 or scale ≤ 0.
 * @example gamma(rng, 2, 3) // mean 6
 */
export function gamma(rng: Rng, shape: number, scale: number): number {
  if (!(shape > 0 && scale > 0)) return 0;
  let boost = 0;
  if (shape < 1) {
    boost = Math.log(1 - rng()) / shape;
    shape += 1;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = zigguratNormal(rng);
    let v = 1 + c * z;
    if (v <= 0) continue;
    v = v * v * v;
    const u = 1 - rng();
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) {
      return boost === 0 ? d * v * scale : Math.exp(Math.log(d * v) + boost) * scale;
    }
  }
}
