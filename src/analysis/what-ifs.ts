/**
 * The what-if analyses a report carries, on one evaluator (threads start once):
 *
 *   bundle ─► compare(base, every variant, the --set what-if)   same trials as the forecast
 *          └► sensitivity(the plan the report forecasts)        sized for a quick report
 *
 * The comparison runs exactly the forecast's trials, so its base is the forecast's numbers.
 */
import {
  REPORT_SENSITIVITY_TRIALS,
  REPORT_SPIDER_PERCENTILES,
  REPORT_TORNADO_TRIALS,
} from '../defaults.js';
import type { ScenarioBundle } from '../scenario/load.js';
import type { Override } from '../scenario/overrides.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import type { Logger } from '../util/logger.js';
import { type CompareResult, compare } from './compare/index.js';
import { prepare } from './evaluator.js';
import { checkOptionNames, checkRunOptions, type OptionNames } from './run-options.js';
import { type SensitivityResult, sensitivity } from './sensitivity/index.js';

export interface WhatIfAnalysesOptions {
  /** The variant the report forecasts (the sensitivity's plan); the comparison is of them all. */
  readonly variant?: string;
  /** `--set` edits: a what-if for the comparison, and part of the sensitivity's plan. */
  readonly overrides?: readonly Override[];
  /** Name of the `--set` what-if in the comparison. */
  readonly whatIfName?: string;
  /** The forecast's trials (the comparison runs exactly these). */
  readonly trials: number;
  readonly workers?: number;
  readonly logger?: Logger;
  /** Skip the sensitivity analysis. */
  readonly sensitivity?: boolean;
  /** Progress of each analysis in turn. */
  readonly onProgress?: (analysis: 'compare' | 'sensitivity', done: number, total: number) => void;
}

const WHAT_IF_ANALYSES_OPTIONS: OptionNames<WhatIfAnalysesOptions> = {
  variant: true,
  overrides: true,
  whatIfName: true,
  trials: true,
  workers: true,
  logger: true,
  sensitivity: true,
  onProgress: true,
};

/** What the report's What-ifs and What drives it sections show (null: nothing to show). */
export interface WhatIfAnalyses {
  readonly compare: CompareResult | null;
  readonly sensitivity: SensitivityResult | null;
}

/**
 * The comparison (when the scenario has variants or `--set` edits) and the sensitivity of
 * the report's plan (when it has uncertain inputs).
 * @example const { compare, sensitivity } = await whatIfAnalyses(bundle, { trials: 10_000 });
 */
export async function whatIfAnalyses(
  bundle: ScenarioBundle,
  opts: WhatIfAnalysesOptions,
): Promise<WhatIfAnalyses> {
  checkArgument('whatIfAnalyses', 'bundle', bundle, ARG.bundle);
  checkOptionNames('whatIfAnalyses', opts, WHAT_IF_ANALYSES_OPTIONS);
  checkArgument('whatIfAnalyses', 'options.trials', opts?.trials, ARG.trialCount);
  checkRunOptions('whatIfAnalyses', opts);
  const overrides = opts.overrides ?? [];
  const ev = prepare(bundle, {
    threadMin: 0,
    ...(opts.workers === undefined ? {} : { workers: opts.workers }),
    ...(opts.logger === undefined ? {} : { logger: opts.logger }),
  });
  try {
    const hasWhatIf = overrides.length > 0;
    const comparison =
      bundle.variants.size > 0 || hasWhatIf
        ? await compare(ev, {
            trials: opts.trials,
            onProgress: (d, t) => opts.onProgress?.('compare', d, t),
            whatIfs: hasWhatIf
              ? [
                  {
                    name: opts.whatIfName ?? 'what-if',
                    overrides,
                    description: 'one-off what-if (--set)',
                  },
                ]
              : [],
          })
        : null;
    const plan = ev.plan(overrides, opts.variant);
    const uncertain = plan.params.some((p) => p.dist.kind !== 'fixed');
    const trials = Math.min(plan.simulation.trials, REPORT_SENSITIVITY_TRIALS);
    const drivers =
      opts.sensitivity !== false && uncertain
        ? await sensitivity(ev, {
            ...(opts.variant === undefined ? {} : { variant: opts.variant }),
            overrides,
            trials,
            spiderPercentiles: REPORT_SPIDER_PERCENTILES,
            onProgress: (d, t) => opts.onProgress?.('sensitivity', d, t),
            // A short run gets short tornado runs too (an eighth of its trials, at least 50).
            tornadoTrials: Math.min(REPORT_TORNADO_TRIALS, Math.max(50, Math.round(trials / 8))),
          })
        : null;
    return { compare: comparison, sensitivity: drivers };
  } finally {
    await ev.close();
  }
}
