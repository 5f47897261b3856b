/**
 * Defaults in one place: trial count, seed, quantiles, limits, chart sizes.
 */

/** Trials when neither the scenario nor `--trials` says. */
export const DEFAULT_TRIALS = 10_000;
/** Seed when neither the scenario nor `--seed` says. */
export const DEFAULT_SEED = 1;
/** Quantiles every {@link Summary} reports. */
export const QUANTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;
/**
 * Below this many trial-periods a one-off run stays on the main thread: starting a worker
 * thread (~0.15 s cold) costs more than it saves. Analyses that evaluate many times start
 * their threads for smaller runs (see `prepare`'s `threadMin`).
 */
export const THREAD_MIN_TRIAL_PERIODS = 60_000;
/** Points of goal-seek's probability curve (the chart), the bounds included. */
export const DEFAULT_GOAL_STEPS = 9;
/**
 * Standard errors by which goal-seek's fresh-trial probability may fall short of the wanted one
 * before the answer is flagged as not borne out: 1.645, a one-sided 95% test that the answer's
 * true probability is below the goal. The answer is the smallest value the search saw reach
 * the goal, so its true probability sits near the goal and about 1 answer in 20 is flagged by
 * luck alone; the flag asks for more trials, it does not reject the answer.
 */
export const GOAL_CONFIRM_SE = 1.645;
/**
 * The level of that one-sided test, 0.05 (1.645 is its normal quantile). Where the normal
 * approximation has nothing to go on — every fresh trial reached the target, so √(p(1 − p)/n)
 * reads 0 — the exact (Clopper–Pearson) bound stands in: n trials that all reach it put the
 * probability above 0.05^(1/n) at this level, so goal-seek confirms nothing from fewer fresh
 * trials than it takes for that bound to clear the wanted probability (wanted^n ≤ 0.05).
 */
export const GOAL_CONFIRM_ALPHA = 0.05;
/** Trials per work unit sent to a worker; fixed so results never depend on the worker count. */
export const BATCH_TRIALS = 250;
/**
 * Most memory the precision search may spend keeping the rows it simulated, so that the
 * forecast replays them instead of simulating them again (above this it re-simulates).
 */
export const PRECISION_CACHE_BYTES = 256 * 2 ** 20;
/** Largest trial count a scenario or flag may ask for. */
export const MAX_TRIALS = 10_000_000;
/** Most worker threads a run may ask for (`--workers`, the library's `workers`). */
export const MAX_WORKERS = 256;
/** Largest number of periods in a calendar. */
export const MAX_PERIODS = 240;
/** Ceiling on trials that `precision` may add, as a multiple of `simulation.trials`. */
export const PRECISION_MAX_FACTOR = 100;
/** Bins in the histograms of horizon bookings and profit. */
export const HISTOGRAM_BINS = 40;
/** Any expected count above this stops the run: it is a modelling error, not a forecast. */
export const MAX_EXPECTED_COUNT = 1e12;
/**
 * Largest cohort-stage-period grid (channels × markets × stages × periods) a thread keeps
 * per trial: 2²² values, 32 MiB. The bundled B2B example uses 600.
 */
export const MAX_GRID = 2 ** 22;
/**
 * Most values in one trial's row (series × periods): 2¹⁶, so a batch of 250 trials is at
 * most 128 MiB. The bundled B2B example uses 660.
 */
export const MAX_ROW = 2 ** 16;
/** Chart size that suits a 16:9 slide. */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 300;
/** Bytes of per-trial values a summary keeps at once; larger runs summarise in several passes. */
export const STORE_BUDGET_BYTES = 1024 * 1024 * 1024;
/** PNG pixels per SVG pixel: 2 keeps text sharp on slides and retina screens. */
export const DEFAULT_PNG_SCALE = 2;
/**
 * A role is capacity-bound in a month when its median utilisation across trials is at least
 * this: in more than half of the trials it took on all it could and items waited.
 */
export const SATURATED_UTILISATION = 0.99;
/**
 * Spread of rep performance when `quota.performance_cv` is not given: each rep's bookings
 * multiplier is lognormal with mean 1 and this coefficient of variation (see docs/quota.md).
 */
export const DEFAULT_PERFORMANCE_CV = 0.3;
/**
 * Share of horizon bookings falling in months with no rep of the quota role (credited to no
 * seat) from which quota warns: those bookings raise the team target and total quota but no
 * seat can earn them, so rep quotas are about 1/(1 − share) of what the reps can book. At 5%
 * that is a 5% lift, about the spread between what different sales teams over-assign.
 */
export const QUOTA_UNCREDITED_WARN = 0.05;
/** Confidence level of the distribution-free interval around the team target. */
export const QUOTA_INTERVAL_LEVEL = 0.95;
/**
 * Bytes of per-trial, per-rep credited bookings quota keeps in memory; above this it reads
 * the trials a second time instead (see docs/quota.md).
 */
export const QUOTA_STORE_BYTES = 256 * 2 ** 20;
/**
 * Most seats (starting headcount + planned hires) the quota role may have. Per-rep quotas,
 * attainment and the JSON take about 3 KB a seat and time in proportion to seats × trials
 * (docs/quota.md); a million seats, which the input limits allow, exhausted the heap.
 */
export const MAX_QUOTA_SEATS = 100_000;
/**
 * Allocation search: trials of its two stages (coarse moves, then one step with the stopping
 * rule), capped at the run's trials; budget-curve and response-curve points run on
 * ALLOCATE_CURVE_TRIALS. See docs/allocate.md.
 */
export const ALLOCATE_SEARCH_TRIALS = [1000, 3000] as const;
export const ALLOCATE_CURVE_TRIALS = 500;
/** The same for objectives read off a tail or a threshold (p10, target), which are noisier. */
export const ALLOCATE_CURVE_TRIALS_TAIL = 2000;
/** Budget-curve points as shares of the budget (1.1 gives the value of the next 10%). */
export const BUDGET_CURVE_SHARES = [0.5, 0.75, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;
/**
 * Over the horizon (allocation's capacity table), a role is saturated at or above this mean
 * utilisation of its capacity … (a month is capacity-bound at SATURATED_UTILISATION)
 */
export const HORIZON_SATURATED_UTILISATION = 0.9;
/** … or when it loses at least this share of the items that reach its queue. */
export const HORIZON_SATURATED_LOSS = 0.05;
/** Two-sided 90% normal quantile, for the uplift's interval. */
export const Z90 = 1.6448536269514722;
/** Evenly spaced spends per response curve (the current and recommended spends are added). */
export const RESPONSE_CURVE_POINTS = 5;
/** Level of the intervals of paired differences (compare) and of the sensitivity errors. */
export const INTERVAL_LEVEL = 0.9;
/** Inputs the sensitivity spider chart draws (the largest swings). */
export const SPIDER_INPUTS = 5;
/** Input percentiles of the spider chart (P10 … P90). */
export const SPIDER_PERCENTILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;
/** Bootstrap resamples behind the errors of the variance shares. */
export const SENSITIVITY_BOOTSTRAP = 200;
/**
 * Tornado runs use this share of the variance runs' trials (within the bounds below): every
 * other input is fixed and the runs pair trial by trial, so their differences need far fewer.
 */
export const TORNADO_TRIAL_SHARE = 0.1;
export const TORNADO_TRIALS_MIN = 200;
export const TORNADO_TRIALS_MAX = 2000;
/** Added to the seed for the run that keeps the inputs and redraws the funnel's own noise. */
export const NOISE_SEED_OFFSET = 1_000_003;
/** Inputs the tornado chart shows (the largest swings; the JSON and tables keep every one). */
export const TORNADO_ROWS = 12;
/** Inputs the variance-shares chart names (the largest shares; the rest are summed). */
export const SHARE_ROWS = 8;
/**
 * Sizes of the sensitivity analysis inside `salesops run`, chosen to keep the report of the
 * B2B example quick (docs/what-ifs.md gives the seconds): trials of each variance run (at
 * most the plan's) and of each tornado and spider run (at most; an eighth of the variance
 * runs' trials for short runs). `salesops sensitivity` runs more.
 */
export const REPORT_SENSITIVITY_TRIALS = 4000;
export const REPORT_TORNADO_TRIALS = 300;
/** The report's spider: the quartiles besides P10, the median and P90 (two runs per input). */
export const REPORT_SPIDER_PERCENTILES = [0.1, 0.25, 0.5, 0.75, 0.9] as const;
/** Most inputs the sensitivity spider chart may draw (`--top`). */
export const MAX_SPIDER_INPUTS = 20;
