/**
 * Where quota reads per-trial rows. Today: the forecast, whose `tee` hands over every
 * trial's row in trial order once, and `simulate` for a second reading when the per-trial
 * results do not fit in memory. This is the one place to swap for a prepared evaluator.
 */
import type { Model } from '../../model/types.js';
import { type RowConsumer, simulate } from '../../sim/driver.js';
import type { Logger } from '../../util/logger.js';
import { forecast } from '../forecast.js';
import type { ForecastResult } from '../types.js';

/** Per-trial rows of one model. */
export interface TrialRows {
  /** Runs the forecast, handing `consume` every trial's row in trial order, once. */
  forecast(consume: RowConsumer): Promise<ForecastResult>;
  /** Hands over the rows of trials 0 … trials − 1 again, in trial order (the same numbers). */
  replay(trials: number, consume: RowConsumer): Promise<void>;
}

/** Options of the forecast behind the rows. */
export interface TrialRowsOptions {
  readonly workers?: number | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  readonly logger?: Logger | undefined;
  readonly variant?: string | null | undefined;
}

/**
 * The rows of `model` from the forecast and the simulator.
 * @example const rows = forecastRows(model, { workers: 2 }); const f = await rows.forecast(consume);
 */
export function forecastRows(model: Model, opts: TrialRowsOptions = {}): TrialRows {
  const workers = opts.workers === undefined ? {} : { workers: opts.workers };
  return {
    forecast: (consume) =>
      forecast(model, {
        ...workers,
        ...(opts.onProgress === undefined ? {} : { onProgress: opts.onProgress }),
        ...(opts.logger === undefined ? {} : { logger: opts.logger }),
        variant: opts.variant ?? null,
        tee: consume,
      }),
    replay: (trials, consume) => simulate(model, { ...workers, to: trials }, consume),
  };
}
