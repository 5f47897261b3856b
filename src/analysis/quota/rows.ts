/**
 * Where quota reads per-trial rows: one prepared evaluator, whose forecast hands over every
 * trial's row in trial order once (`tee`), and which reads the same trials again, on the same
 * warm threads, when the per-trial results do not fit in memory.
 */
import type { Model } from '../../model/types.js';
import type { RowConsumer } from '../../sim/pool.js';
import type { Logger } from '../../util/logger.js';
import { prepare } from '../evaluator.js';
import { runForecast } from '../forecast.js';
import type { ForecastResult } from '../types.js';

/** Per-trial rows of one model. */
export interface TrialRows {
  /** Runs the forecast, handing `consume` every trial's row in trial order, once. */
  forecast(consume: RowConsumer): Promise<ForecastResult>;
  /** Hands over the rows of trials 0 … trials − 1 again, in trial order (the same numbers). */
  replay(trials: number, consume: RowConsumer): Promise<void>;
  /** Releases the threads. */
  close(): Promise<void>;
}

/** Options of the forecast behind the rows. */
export interface TrialRowsOptions {
  readonly workers?: number | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  readonly logger?: Logger | undefined;
}

/**
 * The rows of `model` from the forecast and the simulator.
 * @example const rows = forecastRows(model, { workers: 2 }); const f = await rows.forecast(consume);
 */
export function forecastRows(model: Model, opts: TrialRowsOptions = {}): TrialRows {
  const ev = prepare(model, {
    ...(opts.workers === undefined ? {} : { workers: opts.workers }),
    ...(opts.logger === undefined ? {} : { logger: opts.logger }),
  });
  return {
    forecast: (consume) =>
      runForecast(model, ev.source(model, opts.onProgress), {
        ...(opts.logger === undefined ? {} : { logger: opts.logger }),
        tee: consume,
      }),
    replay: (trials, consume) => ev.source(model)(0, trials, consume),
    close: () => ev.close(),
  };
}
