/**
 * Building blocks of the zod schema: finite numbers, names, months, uncertain quantities
 * (turned into a {@link Dist} by a transform), per-period inputs and lags.
 */
import { z } from 'zod';
import type { Dist } from '../model/dist.js';
import { unprintableAt } from '../util/unprintable.js';
import { isNearUnderflow, MAX_ABS_NUMBER, MAX_LABEL, MAX_LAG, MIN_ABS_NUMBER } from './limits.js';
import { msg, UQ_PHRASE } from './messages.js';
import { RANGE_PATTERN } from './shorthand.js';
import { toDist, type UqObject, type UqSpec } from './uncertain.js';

/** Names of markets, channels, stages, roles, initiatives and variants: usable in dot paths. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** A month, `YYYY-MM`. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * A finite number, 0 or of magnitude between {@link MIN_ABS_NUMBER} and {@link MAX_ABS_NUMBER}
 * (NaN, infinities and near-underflow values such as 1e-320 refused).
 */
export const num = () =>
  z
    .number({ error: 'a number' })
    .min(-MAX_ABS_NUMBER)
    .max(MAX_ABS_NUMBER)
    .refine((v) => !isNearUnderflow(v), {
      error: (iss) => msg.tinyNumber(iss.input),
    });
/** A whole number ≥ `min`. */
export const int = (min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.number({ error: 'a whole number' }).int().min(min).max(max);
/** A name usable in dot paths. */
export const name = () => z.string({ error: 'a name' }).regex(NAME_PATTERN, { error: 'a name' });
/**
 * Text shown to readers (a scenario name, a currency, a label): a string without characters
 * no chart can draw (control characters but tab and line breaks, unpaired surrogates;
 * src/util/unprintable.ts). A YAML `"\0"` or a JSON `"\ud800"` made them, and the PNG
 * renderer then failed on the whole chart.
 */
export const text = (error = 'text') =>
  z.string({ error }).check((ctx) => {
    const bad = unprintableAt(ctx.value);
    if (bad !== null) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: msg.unprintable(ctx.value, bad.at, bad.code),
      });
    }
  });

/**
 * A display label in any script, shown on charts, tables and the report instead of the id:
 * text of 1 to {@link MAX_LABEL} characters (counted as Unicode code points), not only spaces.
 */
export const label = () =>
  text('a label (text)')
    .refine((s) => s.trim() !== '', { error: msg.labelBlank })
    .refine((s) => [...s].length <= MAX_LABEL, {
      error: (iss) => msg.labelTooLong(MAX_LABEL, String(iss.input)),
    })
    .describe(
      `name shown on charts, tables and the report, in any script (at most ${MAX_LABEL} characters; default: from the id)`,
    );
/** A month written `YYYY-MM`. */
export const month = () =>
  z
    .string({ error: 'a month written YYYY-MM (e.g. 2027-01)' })
    .regex(MONTH_PATTERN, { error: 'a month written YYYY-MM (e.g. 2027-01)' });

const distKind = z.enum(['normal', 'lognormal', 'beta', 'uniform', 'triangular', 'pert'], {
  error: 'one of normal, lognormal, beta, uniform, triangular, pert',
});

const uqObject = z
  .strictObject({
    dist: distKind.optional().describe('distribution family'),
    mean: num().optional().describe('mean (normal; lognormal or beta with sd)'),
    sd: num().optional().describe('standard deviation (with mean)'),
    median: num().optional().describe('median (lognormal, with p90)'),
    p90: num().optional().describe('90th percentile (lognormal, with median)'),
    alpha: num().optional().describe('beta shape alpha'),
    beta: num().optional().describe('beta shape beta'),
    min: num().optional().describe('lower end (uniform, triangular, pert)'),
    mode: num().optional().describe('most likely value (triangular, pert)'),
    max: num().optional().describe('upper end (uniform, triangular, pert)'),
    successes: num()
      .optional()
      .describe('observed successes: Beta(successes+1, trials−successes+1)'),
    trials: num().optional().describe('observed trials'),
  })
  .describe('a distribution: {dist: …} or {successes, trials}');

/**
 * An uncertain quantity of the given domain: a number, `"LOW to HIGH"` or an object form,
 * checked and turned into a {@link Dist}.
 */
export function uq(spec: UqSpec, description: string) {
  return z
    .union(
      [
        num(),
        z.string().meta({ pattern: RANGE_PATTERN, description: '"LOW to HIGH": a 90% interval' }),
        uqObject,
      ],
      { error: UQ_PHRASE },
    )
    .transform((v, ctx): Dist => {
      // an unknown key is already reported (with a suggestion); judging the form without it would repeat it
      if (ctx.issues.some((i) => i.code === 'unrecognized_keys')) return z.NEVER;
      const r = toDist(v as number | string | UqObject, spec);
      if ('dist' in r) return r.dist;
      for (const i of r.issues) {
        ctx.issues.push({ code: 'custom', message: i.message, path: [...i.path], input: v });
      }
      return z.NEVER;
    })
    .describe(`${description} (${spec.what}; fixed or uncertain)`);
}

/** A per-period input: one number for every period, a list of `periods` numbers, or `{default, "YYYY-MM": …}`. */
export function perPeriod(value: () => z.ZodNumber, description: string) {
  return z
    .union(
      [
        value(),
        z.array(value()),
        z.record(
          z.string().regex(/^(default|\d{4}-\d{2})$/, { error: '"default" or a month YYYY-MM' }),
          value(),
        ),
      ],
      { error: 'a number, a list with one number per period, or a map {default: …, "YYYY-MM": …}' },
    )
    .describe(description);
}

/** A lag: whole periods, a list of probabilities over 0, 1, 2, … periods, or `{median, p90}`. */
export function lag() {
  return z
    .union(
      [
        int(0, MAX_LAG),
        z
          .array(num().min(0))
          .min(1)
          .max(MAX_LAG + 1),
        z.strictObject({
          median: num().describe('median lag in periods'),
          p90: num().describe('90th percentile of the lag in periods'),
        }),
      ],
      {
        error:
          'a lag: whole periods, a list of probabilities over 0, 1, 2, … periods, or {median, p90}',
      },
    )
    .describe(
      'time an item spends in the previous stage before it resolves, in periods (default 0)',
    );
}

/** The shape every spec in {@link SPECS} has. */
const spec = (
  domain: UqSpec['domain'],
  what: string,
  min: number,
  minInclusive: boolean,
  max = Number.POSITIVE_INFINITY,
  maxInclusive = false,
): UqSpec => ({ domain, what, min, minInclusive, max, maxInclusive });

/** The field kinds: which domain and bounds each numeric field has. */
export const SPECS = {
  rate: spec('rate', 'a rate between 0 and 1', 0, true, 1, true),
  positive: spec('positive', 'a number ≥ 0', 0, true),
  strict: spec('positive', 'a number > 0', 0, false),
  growth: spec('real', 'a growth rate above -1 (-100%)', -1, false),
  carryover: spec('positive', 'a carryover between 0 and 1 (1 excluded)', 0, true, 1, false),
  margin: spec('positive', 'a gross margin between 0 and 1', 0, true, 1, true),
} as const;
