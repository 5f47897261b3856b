/**
 * Ticks for an axis symmetric around zero: multiples of a round step (1, 2, 2.5 or 5 × 10^k),
 * at most `perSide` on each side of zero, zero among them, and a domain that ends on the
 * outermost tick. Chosen here rather than left to Vega, whose label-overlap removal on a
 * narrow axis hid every other label, zero among them.
 */

/** A symmetric axis: its domain and its tick values, zero included. */
export interface SymmetricTicks {
  domain: [number, number];
  values: number[];
}

const STEPS = [1, 2, 2.5, 5, 10] as const;

/**
 * The smallest round step that covers `extent` (> 0) in `perSide` steps, and its ticks.
 * @example symmetricTicks(2.4e6, 3) // { domain: [-3e6, 3e6], values: [-3e6, -2e6, …, 3e6] }
 */
export function symmetricTicks(extent: number, perSide = 3): SymmetricTicks {
  const raw = Math.max(extent, Number.MIN_VALUE) / perSide;
  const power = 10 ** Math.floor(Math.log10(raw));
  // Guard the float ratio so 3e6 / 3 picks a step of exactly 1e6, not 2e6.
  const step = (STEPS.find((s) => s * power >= raw * (1 - 1e-9)) ?? 10) * power;
  const n = Math.ceil(extent / step - 1e-9);
  const values: number[] = [];
  for (let k = -n; k <= n; k++) values.push(k === 0 ? 0 : k * step);
  return { domain: [-n * step, n * step], values };
}
