/**
 * Uncertain quantities: every user-facing form → one {@link Dist}, with the domain rules of
 * the field (rate, real, positive) and feasibility checks. The exact distribution of each
 * form is listed in docs/scenario-format.md.
 */
import type { Dist, Domain } from '../model/dist.js';
import { fitBetaToQuantiles } from '../stats/beta.js';
import { isNearUnderflow, MAX_ABS_NUMBER } from './limits.js';
import { msg } from './messages.js';
import type { Segment } from './path.js';
import { parseRange, parseSingle } from './shorthand.js';

/** z-score of the 95th percentile, Φ⁻¹(0.95). */
export const Z95 = 1.6448536269514722;
/** z-score of the 90th percentile, Φ⁻¹(0.90). */
export const Z90 = 1.2815515655446004;

/** What values a field accepts: its domain, and the bounds on fixed values and bounded supports. */
export interface UqSpec {
  readonly domain: Domain;
  /** Phrase for messages, e.g. "a rate between 0 and 1". */
  readonly what: string;
  readonly min: number;
  readonly minInclusive: boolean;
  readonly max: number;
  readonly maxInclusive: boolean;
}

/** The object forms, all keys optional (which combination is given decides the form). */
export interface UqObject {
  dist?: 'normal' | 'lognormal' | 'beta' | 'uniform' | 'triangular' | 'pert' | undefined;
  mean?: number | undefined;
  sd?: number | undefined;
  median?: number | undefined;
  p90?: number | undefined;
  alpha?: number | undefined;
  beta?: number | undefined;
  min?: number | undefined;
  max?: number | undefined;
  mode?: number | undefined;
  successes?: number | undefined;
  trials?: number | undefined;
}

/** A problem with one quantity, at a path relative to it. */
export interface UqIssue {
  readonly path: readonly Segment[];
  readonly message: string;
}

export type UqResult = { readonly dist: Dist } | { readonly issues: readonly UqIssue[] };

const FORMS: Record<string, readonly (readonly string[])[]> = {
  normal: [['mean', 'sd']],
  lognormal: [
    ['median', 'p90'],
    ['mean', 'sd'],
  ],
  beta: [
    ['mean', 'sd'],
    ['alpha', 'beta'],
  ],
  uniform: [['min', 'max']],
  triangular: [['min', 'mode', 'max']],
  pert: [['min', 'mode', 'max']],
};

// The beta fit is a nested bisection (~1 ms); variants recompile the same intervals, so
// results are memoised (a pure function of its inputs; bounded so hostile input cannot grow it).
const betaFits = new Map<string, { alpha: number; beta: number } | null>();
function fitBeta(low: number, high: number): { alpha: number; beta: number } | null {
  const key = `${low}|${high}`;
  if (betaFits.has(key)) return betaFits.get(key)!;
  const fit = fitBetaToQuantiles(low, high, 0.05, 0.95);
  if (betaFits.size >= 10_000) betaFits.clear();
  betaFits.set(key, fit);
  return fit;
}

const inLow = (s: UqSpec, v: number): boolean => (s.minInclusive ? v >= s.min : v > s.min);
const inHigh = (s: UqSpec, v: number): boolean => (s.maxInclusive ? v <= s.max : v < s.max);
const strictlyPositive = (s: UqSpec): boolean => s.min === 0 && !s.minInclusive;
const issue = (message: string, path: readonly Segment[] = []): UqResult => ({
  issues: [{ path, message }],
});

/**
 * Converts a fixed number, a `"LOW to HIGH"` string or an object form into a {@link Dist},
 * checking feasibility and the field's bounds.
 * @example toDist('18% to 28%', RATE) // { dist: { kind: 'beta', alpha ≈ 43.26, beta ≈ 146.18 } }
 */
export function toDist(value: number | string | UqObject, spec: UqSpec): UqResult {
  if (typeof value === 'number') {
    if (!inLow(spec, value) || !inHigh(spec, value)) return issue(msg.uqBound(spec.what, value));
    return { dist: { kind: 'fixed', value } };
  }
  if (typeof value === 'string') return fromRange(value, spec);
  return fromObject(value, spec);
}

/** 0, or a magnitude between MIN_ABS_NUMBER and MAX_ABS_NUMBER (as for plain numbers). */
const inMagnitude = (v: number): boolean => !isNearUnderflow(v) && Math.abs(v) <= MAX_ABS_NUMBER;

function fromRange(text: string, spec: UqSpec): UqResult {
  const r = parseRange(text);
  if (r === null) {
    const single = parseSingle(text);
    return issue(single === null ? msg.uqNotRange(text) : msg.uqSingle(text, single));
  }
  if (r.mixed) return issue(msg.uqMixedPercent(text, r.low, r.high));
  const { low, high } = r;
  if (!(low < high)) return issue(msg.uqLowHigh(low, high));
  if (!inMagnitude(low) || !inMagnitude(high)) return issue(msg.uqMagnitude(low, high));
  if (spec.domain === 'rate') {
    if (!(low > 0 && high < 1)) return issue(msg.uqRateRange(low, high));
    const fit = fitBeta(low, high);
    if (fit === null) return issue(msg.uqBetaFit(low, high));
    return { dist: { kind: 'beta', alpha: fit.alpha, beta: fit.beta } };
  }
  if (spec.domain === 'positive') {
    if (!(low > 0)) return issue(msg.uqPositiveRange(low, high));
    const mu = (Math.log(low) + Math.log(high)) / 2;
    const sigma = (Math.log(high) - Math.log(low)) / (2 * Z95);
    return { dist: { kind: 'lognormal', mu, sigma } };
  }
  return { dist: { kind: 'normal', mean: (low + high) / 2, sd: (high - low) / (2 * Z95) } };
}

function fromObject(o: UqObject, spec: UqSpec): UqResult {
  const keys = Object.keys(o).filter((k) => o[k as keyof UqObject] !== undefined);
  const given = keys.filter((k) => k !== 'dist');
  if (o.dist === undefined) {
    const s = o.successes;
    const t = o.trials;
    if (s === undefined || t === undefined || given.length !== 2) return issue(msg.uqNoForm(keys));
    if (!(Number.isInteger(s) && Number.isInteger(t) && s >= 0 && s <= t)) {
      return issue(msg.uqSuccesses(s, t));
    }
    return { dist: { kind: 'beta', alpha: s + 1, beta: t - s + 1 } };
  }
  const forms = FORMS[o.dist]!;
  const form = forms.find((f) => f.length === given.length && f.every((k) => given.includes(k)));
  if (form === undefined) return issue(msg.uqWrongKeys(o.dist, forms, keys));
  const n = (k: keyof UqObject): number => o[k] as number;
  const positive = (k: keyof UqObject): UqResult | null =>
    n(k) > 0 ? null : issue(msg.uqPositiveParam(k, n(k)), [k]);
  switch (o.dist) {
    case 'normal': {
      if (strictlyPositive(spec)) return issue(msg.uqNormalStrict(spec.what));
      const bad = positive('sd');
      if (bad) return bad;
      if (!inLow(spec, n('mean')) || !inHigh(spec, n('mean'))) {
        return issue(msg.uqSupport(spec.what, 'mean', n('mean')), ['mean']);
      }
      return { dist: { kind: 'normal', mean: n('mean'), sd: n('sd') } };
    }
    case 'lognormal': {
      if (form[0] === 'median') {
        const bad = positive('median');
        if (bad) return bad;
        if (!(n('p90') > n('median'))) return issue(msg.uqP90(n('median'), n('p90')), ['p90']);
        return {
          dist: {
            kind: 'lognormal',
            mu: Math.log(n('median')),
            sigma: Math.log(n('p90') / n('median')) / Z90,
          },
        };
      }
      const bad = positive('mean') ?? positive('sd');
      if (bad) return bad;
      const s2 = Math.log(1 + (n('sd') / n('mean')) ** 2);
      return {
        dist: { kind: 'lognormal', mu: Math.log(n('mean')) - s2 / 2, sigma: Math.sqrt(s2) },
      };
    }
    case 'beta': {
      if (form[0] === 'alpha') {
        const bad = positive('alpha') ?? positive('beta');
        if (bad) return bad;
        return { dist: { kind: 'beta', alpha: n('alpha'), beta: n('beta') } };
      }
      const m = n('mean');
      const sd = n('sd');
      if (!(m > 0 && m < 1)) return issue(msg.uqBetaMean(m), ['mean']);
      const bad = positive('sd');
      if (bad) return bad;
      if (!(sd * sd < m * (1 - m))) return issue(msg.uqBetaSd(m, sd), ['sd']);
      const k = (m * (1 - m)) / (sd * sd) - 1;
      return { dist: { kind: 'beta', alpha: m * k, beta: (1 - m) * k } };
    }
    default:
      return bounded(o.dist, n('min'), o.mode, n('max'), spec);
  }
}

function bounded(
  kind: 'uniform' | 'triangular' | 'pert',
  min: number,
  mode: number | undefined,
  max: number,
  spec: UqSpec,
): UqResult {
  if (!(min < max)) return issue(msg.uqMinMax(min, max), ['max']);
  if (mode !== undefined && !(mode >= min && mode <= max)) {
    return issue(msg.uqMode(min, mode, max), ['mode']);
  }
  if (!inLow(spec, min)) return issue(msg.uqSupport(spec.what, 'min', min), ['min']);
  if (!inHigh(spec, max)) return issue(msg.uqSupport(spec.what, 'max', max), ['max']);
  if (kind === 'uniform') return { dist: { kind, min, max } };
  const m = mode as number;
  if (kind === 'triangular') return { dist: { kind, min, mode: m, max } };
  const alpha = 1 + (4 * (m - min)) / (max - min);
  const beta = 1 + (4 * (max - m)) / (max - min);
  return { dist: { kind, min, mode: m, max, alpha, beta } };
}
