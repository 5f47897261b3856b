/**
 * A {@link Calibration} as plain JSON (`salesops calibrate --json` and `fit.json`): every
 * fitted number with its source, the fit's per-period series, and the notes. No customer
 * names or deal ids: the deals file only ever contributes counts and sums.
 */

import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import type { Calibration } from './calibrate.js';

const round = (x: number, digits = 6): number => Number(x.toPrecision(digits));

/**
 * The JSON form of a calibration.
 * @example JSON.stringify(calibrationJson(cal)).includes('"stages"') // true
 */
export function calibrationJson(calibration: Calibration) {
  checkArgument('calibrationJson', 'calibration', calibration, ARG.calibration);
  return {
    actuals: { file: calibration.actualsFile, periods: calibration.periods },
    deals:
      calibration.dealsFile === null
        ? null
        : { file: calibration.dealsFile, items: calibration.dealRows },
    anchor: calibration.anchor,
    stages: calibration.stages.slice(1).map((s) => ({
      id: s.id,
      rate: s.rate,
      rate_mean: s.rate ? round((s.rate.successes + 1) / (s.rate.trials + 2)) : null,
      rate_source: s.rateSource,
      kept_from_base: s.kept,
      by_channel: s.byChannel,
      channel_factors: s.channelFactors,
      market_factors: s.marketFactors,
      lag: s.lag,
      lag_source: s.lagSource,
    })),
    markets: calibration.markets.map((m) => ({
      id: m.id,
      growth: round(m.demand.growth),
      seasonality: m.demand.seasonality?.map((x) => round(x, 4)) ?? null,
      deal_size:
        m.dealSize === null
          ? null
          : {
              mu: round(m.dealSize.mu),
              sigma: round(m.dealSize.sigma),
              n: m.dealSize.n,
              ks: m.dealSize.ks === null ? null : round(m.dealSize.ks, 4),
              critical: m.dealSize.critical === null ? null : round(m.dealSize.critical, 4),
              sample_mean: round(m.dealSize.sampleMean),
              fit_mean: round(m.dealSize.fitMean),
              note: m.dealSize.note,
            },
    })),
    channels: calibration.channels.map((c) => ({
      id: c.channel,
      response: c.response,
      carryover: c.carryover,
      leads_cv: round(c.leadsCv, 4),
      mix: c.mix,
      candidates: c.candidates.slice(0, 5).map((x) => ({ ...x, qaic: round(x.qaic, 5) })),
      periods: {
        spend: Array.from(c.spend),
        observed: Array.from(c.observed),
        fitted: Array.from(c.fitted, (x) => round(x)),
      },
    })),
    pipeline: calibration.pipeline,
    notes: calibration.notes,
  };
}
