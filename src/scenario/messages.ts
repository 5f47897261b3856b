/**
 * Every user-facing text of the scenario layer, in one place (after vega-lite's
 * `src/log/message.ts`): what was expected and what was found, one sentence each.
 */
import { describeValue } from '../util/describe-value.js';
import {
  MAX_ABS_NUMBER,
  MAX_ALIAS_COUNT,
  MAX_DEPTH,
  MAX_FILE_BYTES,
  MAX_FLOW_DEPTH,
  MAX_INDENT,
  MIN_ABS_NUMBER,
} from './limits.js';

const MIB = (n: number): string =>
  `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;

/** `expected X, got Y`. */
export const expected = (what: string, got: unknown): string =>
  `expected ${what}, got ${describeValue(got)}`;

/** What an uncertain-quantity field accepts, as messages phrase it. */
export const UQ_PHRASE =
  'a number or an uncertain quantity ({dist: …}, {successes, trials} or "LOW to HIGH")';

/** Every message of the scenario layer, by situation. */
export const msg = {
  // --- reading and parsing ---
  noSuchFile: (file: string) => `cannot read ${file}: no such file`,
  notAFile: (file: string) => `cannot read ${file}: it is a directory, not a file`,
  cannotRead: (file: string, why: string) => `cannot read ${file}: ${why}`,
  tooLargeRead: () =>
    `the file holds more than ${MIB(MAX_FILE_BYTES)}; scenario files are limited to ${MIB(MAX_FILE_BYTES)}`,
  tooLarge: (bytes: number) =>
    `the file is ${MIB(bytes)}; scenario files are limited to ${MIB(MAX_FILE_BYTES)}`,
  binary: (offset: number) =>
    `the file contains a NUL byte at offset ${offset}: it looks binary, not YAML or JSON text`,
  notUtf8: 'the file is not valid UTF-8 text',
  empty:
    'the file is empty; a scenario needs at least calendar, markets, channels and funnel sections',
  flowTooDeep: `lists or maps are nested more than ${MAX_FLOW_DEPTH} levels deep`,
  indentTooDeep: `the line is indented more than ${MAX_INDENT} levels`,
  tooDeep: `the document is nested more than ${MAX_DEPTH} levels deep`,
  aliases: `the file expands more than ${MAX_ALIAS_COUNT} aliases (*name); refusing a possible "billion laughs" file`,
  duplicateKey: (key: string) => `the key ${JSON.stringify(key)} appears twice in the same map`,
  multipleDocuments: 'the file holds more than one YAML document (---); put the scenario in one',
  yamlSyntax: (detail: string, json = false) => `${json ? 'JSON' : 'YAML'} syntax error: ${detail}`,
  topLevel: (got: unknown) =>
    expected('a map of sections (scenario, calendar, markets, channels, funnel, …)', got),

  // --- generic shapes (filled by the zod issue mapper) ---
  unknownField: (key: string, suggestion: string | null, known: readonly string[]) =>
    suggestion !== null
      ? `unknown field ${JSON.stringify(key)}; did you mean ${JSON.stringify(suggestion)}?`
      : `unknown field ${JSON.stringify(key)}; expected one of ${known.join(', ')}`,
  missing: (what: string) => `missing required field: expected ${what}`,
  tooFewItems: (min: number, got: number) =>
    `expected at least ${min} entr${min === 1 ? 'y' : 'ies'}, got ${got}`,
  tooManyItems: (max: number, got: number) =>
    `expected at most ${max} entr${max === 1 ? 'y' : 'ies'}, got ${got}`,
  numberBound: (op: string, bound: number, got: unknown) =>
    expected(`a number ${op} ${bound}`, got),
  tinyNumber: (got: unknown) =>
    expected(
      `0 or a number of magnitude at least ${MIN_ABS_NUMBER} (and at most ${MAX_ABS_NUMBER})`,
      got,
    ),
  wholeNumber: (got: unknown) => expected('a whole number', got),
  oneOf: (values: readonly unknown[], got: unknown) =>
    expected(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, got),
  badName: (name: string) =>
    `the name ${JSON.stringify(name)} must start with a letter or _ and hold only letters, digits, _ and -`,

  // --- uncertain quantities ---
  uqNoForm: (keys: readonly string[]) =>
    `an uncertain quantity needs dist (normal, lognormal, beta, uniform, triangular or pert) or {successes, trials}; got {${keys.join(', ')}}`,
  uqWrongKeys: (dist: string, forms: readonly (readonly string[])[], keys: readonly string[]) =>
    `${dist} takes ${forms.map((f) => `{${f.join(', ')}}`).join(' or ')}; got {${keys.join(', ')}}`,
  uqNotRange: (text: string) => expected(UQ_PHRASE.replace(/\)$/, ', e.g. "18% to 28%")'), text),
  uqSingle: (text: string, value: number) =>
    `${expected(UQ_PHRASE, text)}: a fixed value is written as a number (${value}), an interval with two ends ("LOW to HIGH")`,
  uqMixedPercent: (text: string, low: number, high: number) =>
    `write % on both ends of "LOW to HIGH" or on neither; got ${JSON.stringify(text)}, which reads as ${low} to ${high}`,
  uqLowHigh: (low: number, high: number) =>
    `LOW must be below HIGH in "LOW to HIGH", got ${low} to ${high}`,
  uqMagnitude: (low: number, high: number) =>
    `each end of "LOW to HIGH" must be 0 or of magnitude between ${MIN_ABS_NUMBER} and ${MAX_ABS_NUMBER}, got ${low} to ${high}`,
  uqRateRange: (low: number, high: number) =>
    `a rate interval must lie strictly between 0 and 1 (0% and 100%), got ${low} to ${high}`,
  uqPositiveRange: (low: number, high: number) =>
    `an interval for a positive quantity needs 0 < LOW < HIGH, got ${low} to ${high}`,
  uqBetaFit: (low: number, high: number) =>
    `no beta distribution has 5th and 95th percentiles ${low} and ${high} (the interval is too narrow or too close to 0 or 1)`,
  uqPositiveParam: (name: string, got: number) => `${name} must be > 0, got ${got}`,
  uqP90: (median: number, p90: number) =>
    `p90 must be above the median, got median ${median}, p90 ${p90}`,
  uqBetaSd: (mean: number, sd: number) =>
    `sd ${sd} is too large for a beta with mean ${mean}: sd must be below √(mean·(1−mean)) = ${Math.sqrt(mean * (1 - mean)).toPrecision(4)}`,
  uqBetaMean: (mean: number) => `a beta mean must lie strictly between 0 and 1, got ${mean}`,
  uqMinMax: (min: number, max: number) => `min must be below max, got min ${min}, max ${max}`,
  uqMode: (min: number, mode: number, max: number) =>
    `mode must lie between min and max, got min ${min}, mode ${mode}, max ${max}`,
  uqSuccesses: (s: number, t: number) =>
    `successes and trials must be whole numbers with 0 ≤ successes ≤ trials, got ${s} of ${t}`,
  uqNormalStrict: (what: string) =>
    `this quantity must be > 0 (${what}), and a normal distribution can go negative; use lognormal (e.g. {dist: lognormal, median, p90}) or "LOW to HIGH"`,
  uqBound: (what: string, got: number) => expected(what, got),
  uqSupport: (what: string, side: 'min' | 'max' | 'mean', got: number) =>
    `the distribution's ${side} must fit ${what}, got ${got}`,

  // --- cross-checks ---
  atLeastOne: (what: string) => `expected at least one ${what}`,
  tooManyEntries: (max: number, got: number) => `expected at most ${max} entries, got ${got}`,
  duplicateStage: (id: string) => `the stage id ${JSON.stringify(id)} is used twice`,
  firstStageRate: 'the first stage receives leads and has no rate; remove it',
  firstStageLag: 'the first stage receives leads and has no lag; remove it',
  stageNeedsRate: (id: string) =>
    `stage ${JSON.stringify(id)} needs a rate (probability of advancing into it)`,
  unknownRef: (kind: string, id: string, suggestion: string | null, known: readonly string[]) =>
    `no ${kind} ${JSON.stringify(id)}${suggestion !== null ? `; did you mean ${JSON.stringify(suggestion)}?` : known.length > 0 ? `; expected one of ${known.join(', ')}` : ''}`,
  quotaRoleNoStage: (role: string) =>
    `role ${JSON.stringify(role)} works no funnel stage, so it books nothing to set quotas on; expected a role named in a stage's worked_by`,
  roleTwoStages: (role: string, first: string) =>
    `role ${JSON.stringify(role)} already works stage ${JSON.stringify(first)}; a role works at most one stage`,
  capacityRequired: (role: string, stage: string) =>
    `role ${JSON.stringify(role)} works stage ${JSON.stringify(stage)} and needs a capacity (items one rep takes on per period)`,
  listLength: (got: number, periods: number) =>
    `expected a list of ${periods} values (one per period of the calendar), got ${got}`,
  monthKey: (key: string) => expected('"default" or a month YYYY-MM as key', key),
  monthOutside: (key: string, first: string, last: string) =>
    `the month ${key} is outside the calendar ${first} … ${last}`,
  mixNeeded: (n: number) =>
    `the scenario has ${n} markets, so the channel needs its lead mix (markets: {market: share, …})`,
  mixSum: (sum: number) =>
    `the market mix must sum to 1 (within 1e-6), got ${Number(sum.toPrecision(12))}`,
  minMaxSpend: (min: number, max: number) =>
    `min_spend must not exceed max_spend, got min_spend ${min}, max_spend ${max}`,
  lagSum: (sum: number) =>
    `lag probabilities must sum to 1 (within 1e-6), got ${Number(sum.toPrecision(12))}`,
  lagMedian: (median: number) => `the lag median must be > 0, got ${median}`,
  lagP90: (median: number, p90: number) =>
    `the lag p90 must be above its median, got median ${median}, p90 ${p90}`,
  lagTooLong: (max: number) =>
    `the lag reaches beyond ${max} periods; lags are limited to ${max} periods`,
  rateFactorFirst: (stage: string) =>
    `stage ${JSON.stringify(stage)} is the first stage and has no rate to multiply`,
  effectShape: (keys: readonly string[]) =>
    `an effect is one of {stage, rate}, {team, capacity}, {channel, leads}, {market, deal_size} or {market, demand}; got {${keys.join(', ')}}`,
  quarterlyTooLong: (got: number, quarters: number) =>
    `expected at most ${quarters} quarterly targets (the calendar has ${quarters} quarters), got ${got}`,
  targetNeedsBookings: 'objective target needs targets.bookings',
  duplicateChannel: (id: string) => `channel ${JSON.stringify(id)} is listed twice`,
  allocationNoChannels:
    'no channel to allocate: every channel has a fixed response (spend does not change its leads); give a channel a spend response (linear, hill, …) to split a budget over it',
  allocationFixedChannel: (id: string) =>
    `${id} has a fixed response: spend does not change its leads, so budget allocated to it buys nothing; list only channels whose response depends on spend`,
  budgetBelowMins: (budget: number, sum: number) =>
    `the budget ${budget} is below the channels' total min_spend ${sum}`,
  maxShareBelowMin: (share: number, budget: number, channel: string, min: number) =>
    `max_share ${share} caps each channel at ${Number((share * budget).toPrecision(12))} (${Number((share * 100).toPrecision(12))}% of the budget ${budget}), below the min_spend ${min} of channel ${JSON.stringify(channel)}`,
  maxShareTooLow: (share: number, n: number, total: number, budget: number, need: number) =>
    `with max_share ${share} the ${n} channel${n === 1 ? '' : 's'} can take at most ${total} of the budget ${budget}; raise max_share to at least ${Math.ceil(need * 1000) / 1000}, lower the budget or allocate more channels`,
  trialsFlag: (got: unknown) => expected('--trials to be a whole number from 1 to 10000000', got),
  seedFlag: (got: unknown) => expected('--seed to be a whole number from 0 to 2^53 − 1', got),
  variantNoSet: 'a variant needs at least one entry in set',
  labelTooLong: (max: number, got: string) =>
    `expected a label of at most ${max} characters, got ${[...got].length} characters (${describeValue(got)})`,
  labelBlank: 'expected a label with at least one visible character, got only spaces',
  unprintable: (got: string, at: number, code: number) => {
    const u = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    const what =
      code >= 0xd800 && code <= 0xdfff
        ? `expected text without unpaired surrogates, got ${u} (half of a character such as an emoji)`
        : `expected text without control characters, got ${u}`;
    return `${what} at character ${at} of ${describeValue(got)} (no chart can draw it)`;
  },
  // --- opening pipeline ---
  pipelineLastStage: (stage: string) =>
    `stage ${JSON.stringify(stage)} is the last stage: its items are won deals, not open pipeline (count them as bookings of the past)`,
  pipelineQueuedNoRole: (stage: string) =>
    `queued: true needs a stage worked by a role, and no role works stage ${JSON.stringify(stage)}`,
  pipelineQueuedAge:
    'queued items have not been taken on, so their lag has not started: remove age (or queued)',
  pipelineNoLeads: (channel: string | null, market: string | null) =>
    `cannot spread these items over ${channel === null && market === null ? 'channels and markets' : channel === null ? `the channels of market ${JSON.stringify(market)}` : `the markets of channel ${JSON.stringify(channel)}`}: none of them expects leads in the first period; name the channel and market`,
  // --- correlations ---
  corrNoParam: (path: string, suggestion: string | null) =>
    `no numeric input ${path}${suggestion !== null ? `; did you mean ${suggestion}?` : ''}`,
  corrFixed: (path: string) => `${path} is a fixed number; only uncertain inputs can be correlated`,
  corrSame: 'a correlation needs two different inputs',
  corrDuplicate: (a: string, b: string) => `the pair ${a}, ${b} is correlated twice`,
  corrNotPd:
    'the correlations are inconsistent: their matrix is not positive definite (e.g. A~B and B~C strongly positive but A~C strongly negative)',
  // --- variants ---
  variant: (name: string, message: string) => `variant ${name}: ${message}`,
  variantUnknown: (name: string, known: readonly string[]) =>
    `no variant ${JSON.stringify(name)}${known.length > 0 ? `; the scenario has ${known.join(', ')}` : '; the scenario has none'}`,
  variantBadPath: (path: string) =>
    `${JSON.stringify(path)} is not a dot path (e.g. channels.dealers.spend)`,
  variantNoField: (path: string, suggestion: string | null) =>
    `no field ${path}${suggestion !== null ? `; did you mean ${suggestion}?` : ''}`,
  // --- overrides (analyses and --set) ---
  overrideNeedsDocument:
    'this override edits the scenario document, so the evaluator must be prepared from a scenario bundle (loadBundle), not from a compiled model alone',
  overrideShape: (index: number, got: unknown) =>
    `expected one of {set: PATH, value}, {spend: CHANNEL, value}, {fix | quantile | scale | reseed: INPUT, value} (item ${index + 1} of the list), got ${
      got !== null && typeof got === 'object' && !Array.isArray(got)
        ? `a map with ${Object.keys(got).join(', ') || 'no fields'}`
        : describeValue(got)
    }`,
  overrideNoChannel: (id: string, suggestion: string | null) =>
    `no channel ${JSON.stringify(id)}${suggestion !== null ? `; did you mean ${suggestion}?` : ''}`,
  overrideSpend: (channel: string, min: number, max: number, got: unknown) =>
    expected(
      `the spend of ${channel} per period to be a number from ${min} to ${Number.isFinite(max) ? max : 'any amount'} (its min_spend and max_spend)`,
      got,
    ),
  overrideSpendLength: (periods: number, got: number) =>
    `expected one spend per period (${periods}), got a list of ${got}`,
  overrideNoInput: (path: string, suggestion: string | null) =>
    `no numeric input ${path}${suggestion !== null ? `; did you mean ${suggestion}?` : ''}`,
  overrideFix: (path: string, domain: string, got: unknown) =>
    expected(`${path} to be fixed at ${domain}`, got),
  overrideQuantile: (path: string, got: unknown) =>
    expected(`a quantile of ${path} strictly between 0 and 1`, got),
  overrideSeed: (path: string, got: unknown) =>
    expected(`a seed for ${path}'s draws: a whole number from 0 to 2^53 − 1`, got),
  overrideScale: (path: string, got: unknown) => expected(`a multiplier of ${path} above 0`, got),
};
