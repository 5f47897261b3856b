/**
 * fast-check arbitraries of the scenario file's value forms (docs/scenario-format.md):
 * every uncertain form of a positive quantity and of a rate, lags in their three forms,
 * per-period inputs as number, list or month map.
 */
import fc from 'fast-check';

/** x rounded to `digits` decimals (keeps the generated files readable). */
export const round = (x: number, digits = 4): number => Number(x.toFixed(digits));
/** A uniform grid on [0, 1] with step 10⁻⁴. */
export const unit = fc.integer({ min: 0, max: 10_000 }).map((x) => x / 10_000);

/**
 * A positive quantity around [lo, hi]: fixed, `to` interval, lognormal, triangular, uniform,
 * pert, and (unless `strict`: deal sizes and curve parameters refuse it) a wide normal whose
 * mass below 0 the engine clamps to 0.
 */
export function positive(lo: number, hi: number, strict = false): fc.Arbitrary<unknown> {
  const at = (u: number) => round(lo + u * (hi - lo));
  const normal = fc
    .tuple(unit, unit)
    .map(([a, b]) => ({ dist: 'normal', mean: at(a), sd: round(at(a) * (0.1 + 0.8 * b)) }));
  return fc.oneof(
    ...(strict ? [] : [normal]),
    unit.map(at),
    fc.tuple(unit, unit).map(([a, b]) => `${at(a * 0.8)} to ${round(at(a * 0.8) * (1.1 + b))}`),
    fc
      .tuple(unit, unit)
      .map(([a, b]) => ({ dist: 'lognormal', median: at(a), p90: round(at(a) * (1.1 + b)) })),
    fc.tuple(unit, unit, unit).map(([a, b, c]) => ({
      dist: 'triangular',
      min: at(a * 0.5),
      mode: round(at(a * 0.5) * (1 + b * 0.3)),
      max: round(at(a * 0.5) * (1.3 + c)),
    })),
    fc.tuple(unit, unit).map(([a, b]) => ({
      dist: 'uniform',
      min: at(a * 0.7),
      max: round(at(a * 0.7) * (1.05 + b)),
    })),
    fc.tuple(unit, unit).map(([a, b]) => ({
      dist: 'pert',
      min: at(a * 0.5),
      mode: round(at(a * 0.5) * (1 + b * 0.5)),
      max: round(at(a * 0.5) * 1.8),
    })),
  );
}

/** A rate inside [lo, hi]: fixed, percent interval, successes/trials, beta by mean/sd or alpha/beta. */
export function rate(lo: number, hi: number): fc.Arbitrary<unknown> {
  const at = (u: number) => round(lo + u * (hi - lo), 3);
  const inner = (u: number) => Math.min(0.98, Math.max(0.02, at(u)));
  return fc.oneof(
    unit.map(at),
    fc
      .tuple(unit, unit)
      .map(([a, b]) => ({ dist: 'normal', mean: at(a), sd: round(0.02 + 0.25 * b, 3) })),
    fc.tuple(unit, unit).map(([a, b]) => {
      const low = round(Math.max(0.5, at(a) * 80), 1);
      return `${low}% to ${round(Math.min(99, low + 2 + b * 15), 1)}%`;
    }),
    fc
      .tuple(unit, fc.integer({ min: 20, max: 400 }))
      .map(([a, n]) => ({ successes: Math.round(at(a) * n), trials: n })),
    fc.tuple(unit, unit).map(([a, b]) => ({
      dist: 'beta',
      mean: inner(a),
      sd: round(0.2 * Math.sqrt(inner(a) * (1 - inner(a))) * (0.2 + b), 5),
    })),
    fc.tuple(unit, fc.integer({ min: 10, max: 200 })).map(([a, n]) => ({
      dist: 'beta',
      alpha: round(inner(a) * n, 2),
      beta: round((1 - inner(a)) * n, 2),
    })),
  );
}

/** A lag: whole periods 0–2, a pmf over 0–2 periods, or `{median, p90}`. */
export const lag = fc.oneof(
  fc.integer({ min: 0, max: 2 }),
  fc.tuple(unit, unit).map(([a, b]) => {
    const p0 = round(a * 0.8, 3);
    const p1 = round((1 - p0) * b, 3);
    return [p0, p1, round(1 - p0 - p1, 3)];
  }),
  fc.tuple(unit, unit).map(([a, b]) => ({
    median: round(0.4 + 2 * a, 2),
    p90: round((0.4 + 2 * a) * (1.3 + 2 * b), 2),
  })),
);

/** A per-period input of T periods: number, list or map keyed by the calendar's months. */
export function perPeriod(
  months: readonly string[],
  lo: number,
  hi: number,
  integer: boolean,
): fc.Arbitrary<unknown> {
  const T = months.length;
  const v = integer
    ? fc.integer({ min: lo, max: hi })
    : unit.map((u) => Math.round(lo + u * (hi - lo)));
  return fc.oneof(
    v,
    fc.array(v, { minLength: T, maxLength: T }),
    fc
      .tuple(v, fc.integer({ min: 0, max: T - 1 }), v)
      .map(([d, i, x]) => ({ default: d, [months[i]!]: x })),
  );
}

/** `YYYY-MM` of the month `offset` months after (year, month0). */
export const monthLabel = (year: number, month0: number, offset: number): string => {
  const m = year * 12 + month0 + offset;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
};
