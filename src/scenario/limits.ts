/**
 * Input limits of the scenario layer, in one place: each keeps a hostile or mistaken file
 * from hanging the parser or asking for an absurd run. docs/errors.md lists them.
 */

/** Largest scenario file read, in bytes (5 MiB); checked before the file is read in full. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Most alias expansions (`*name`) while building the document: stops "billion laughs" files. */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of maps and lists in a parsed document. */
export const MAX_DEPTH = 32;
/** Deepest `[`/`{` flow nesting the pre-scan lets through to the YAML parser. */
export const MAX_FLOW_DEPTH = 64;
/** Largest line indentation (columns, plus compact `- ` indicators) the pre-scan lets through. */
export const MAX_INDENT = 256;
/** Longest lag in periods: an integer lag, a lag list's length − 1, or a lognormal lag's support. */
export const MAX_LAG = 360;
/** Longest ramp list of a team role (periods). */
export const MAX_RAMP = 120;
/** Most entries in one named section (markets, channels, roles, initiatives, variants, funnel stages). */
export const MAX_ENTRIES = 1000;
/** Most entries in the `pipeline` section (stages × cohorts × ages of a large plan). */
export const MAX_PIPELINE_ENTRIES = 100_000;
/** Largest `count` of one `pipeline` entry. */
export const MAX_PIPELINE_COUNT = 1_000_000_000;
/** Tolerance on sums that must be 1 (channel market mixes, lag probabilities). */
export const SUM_TOLERANCE = 1e-6;
/** Probability left in a lognormal lag's tail where its discretisation stops. */
export const LAG_TAIL = 1e-9;
/** Longest display label (`label:` of a market, channel, stage, role, initiative or variant), in characters. */
export const MAX_LABEL = 80;
/** Largest seed: seeds are integers 0 … 2^53 − 1 so they survive JSON unchanged. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;
/** Largest plain number accepted anywhere (beyond it sums of a run lose meaning). */
export const MAX_ABS_NUMBER = 1e15;
/**
 * Smallest magnitude of a non-zero number (a plain number or an end of `"LOW to HIGH"`):
 * below it, squares of results underflow and standard deviations would silently read 0.
 */
export const MIN_ABS_NUMBER = 1e-15;

/** Whether a number is non-zero but smaller in magnitude than {@link MIN_ABS_NUMBER}. */
export const isNearUnderflow = (v: number): boolean => v !== 0 && Math.abs(v) < MIN_ABS_NUMBER;
