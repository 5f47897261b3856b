/**
 * The domain Vega gives a linear scale with `nice: true`: the data's extent widened to round
 * tick steps, as d3-scale's `linear.nice()` does with its default of 10 ticks (d3-array's
 * `tickIncrement`; d3-scale 4, which Vega 6 uses). A chart that sets this domain itself knows where its
 * points land in pixels, and so can place labels clear of them, while its axis keeps the
 * round ends Vega would have chosen.
 */

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/**
 * The step between round ticks covering [start, stop] in about `count` steps (1, 2 or 5 ×
 * 10^k); for a step below 1, its reciprocal negated (−10 for 0.1), as d3-array returns it so
 * that tick values stay exact.
 * @example tickIncrement(15000, 120000, 10) // 10000
 * @example tickIncrement(0, 1, 10) // -10
 */
export function tickIncrement(start: number, stop: number, count: number): number {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  return power < 0 ? -(10 ** -power) / factor : 10 ** power * factor;
}

/**
 * [start, stop] widened to multiples of the tick step, repeated until the step settles (at
 * most 10 rounds, as d3); returned as given when it cannot be widened (a single value, or a
 * non-finite end).
 * @example niceDomain(20000, 310000) // [20000, 320000]
 */
export function niceDomain(start: number, stop: number, count = 10): [number, number] {
  let lo = Math.min(start, stop);
  let hi = Math.max(start, stop);
  let previous: number | undefined;
  for (let round = 0; round < 10; round++) {
    const step = tickIncrement(lo, hi, count);
    if (step === previous) return [lo, hi];
    if (step > 0) {
      lo = Math.floor(lo / step) * step;
      hi = Math.ceil(hi / step) * step;
    } else if (step < 0) {
      lo = Math.ceil(lo * step) / step;
      hi = Math.floor(hi * step) / step;
    } else break;
    previous = step;
  }
  // d3 leaves the domain as it was when the step does not settle or is no number.
  return [Math.min(start, stop), Math.max(start, stop)];
}
