/**
 * The reforecast's notes, in one place: what the actuals could not change (fixed rates, deal
 * sizes, channels they lack) and where they disagree with the plan enough to look at.
 */
import { formatCompact, formatPercent } from '../../charts/format.js';
import type { Model } from '../../model/types.js';
import { distMean, distVariance } from '../../stats/dist-math.js';
import type { PastActuals } from './align.js';
import type { MarketLevel } from './lead-level.js';
import type { RateUpdate } from './update-rates.js';

const pct = (x: number) => formatPercent(x, 1);

/**
 * Notes on a reforecast of `model` from `past`, given its rate updates and market levels;
 * `dropped`: the posterior correlation of the markets' levels did not fit the plan's others.
 * @example rnotes(model, past, rates, markets, false) // ['channel events has no rows …']
 */
export function rnotes(
  model: Model,
  past: PastActuals,
  rates: readonly RateUpdate[],
  markets: readonly MarketLevel[],
  dropped: boolean,
): string[] {
  const { k } = past;
  const notes: string[] = [];
  const months = `${model.calendar.labels[0]} … ${model.calendar.labels[k - 1]}`;
  for (const id of past.missingChannels)
    notes.push(
      `channel ${id} has no rows in the actuals: taken as no spend and no leads in ${months}; its plan for the rest of the horizon is unchanged`,
    );
  for (const r of rates) {
    if (r.trials <= 0) continue;
    const seen = r.successes / r.trials;
    const se = Math.sqrt((r.prior.mean * (1 - r.prior.mean)) / r.trials);
    if (r.method === 'fixed' && Math.abs(seen - r.prior.mean) > 2 * se)
      notes.push(
        `${r.path} is fixed at ${pct(r.prior.mean)} in the plan, but the actuals show ${pct(seen)} (${formatCompact(r.successes)} of an expected ${formatCompact(r.trials)}): a fixed rate is not updated; make it uncertain (e.g. {successes, trials}) to let actuals move it`,
      );
    if (r.successes > r.trials * 1.05 + 3)
      notes.push(
        `${r.successes} items reached ${r.stage}, more than the ${formatCompact(r.trials)} the plan's lags and team let resolve into it in ${months}: check the stage's lag, the team's capacity and the scenario's opening pipeline`,
      );
  }
  for (const m of markets) {
    const ratio = m.observed / m.expected;
    // a level the actuals moved is in the result's lead levels; say when they could not move it
    if (Math.abs(ratio - 1) < 0.05 || Math.abs(m.level.p50 - 1) >= 0.005) continue;
    notes.push(
      `leads in market ${m.market} ran ${pct(Math.abs(ratio - 1))} ${ratio < 1 ? 'below' : 'above'} the plan (${formatCompact(m.observed)} against ${formatCompact(m.expected)} at its medians), but nothing in the plan's lead volume is uncertain, so the rest of the horizon keeps the plan's level`,
    );
  }
  const K = model.stages.length;
  const M = model.markets.length;
  model.markets.forEach((mk, m) => {
    let wins = 0;
    let bookings = 0;
    for (let c = 0; c < model.channels.length; c++)
      for (let t = 0; t < k; t++) {
        wins += past.arrivals[K - 1]![(c * M + m) * k + t]!;
        bookings += past.bookings[(c * M + m) * k + t]!;
      }
    if (wins < 5) return;
    const mean = distMean(mk.dealSize);
    const se = Math.sqrt(distVariance(mk.dealSize) / wins);
    const seen = bookings / wins;
    if (Math.abs(seen - mean) > 3 * se)
      notes.push(
        `deals in market ${mk.id} averaged ${formatCompact(seen)} against the plan's ${formatCompact(mean)} (${wins} deals): deal sizes are the spread across deals, not an uncertain input, so they are not updated; recalibrate them (salesops calibrate) if the difference is real`,
      );
  });
  if (dropped)
    notes.push(
      'the posterior correlation between the markets’ lead levels does not fit with the plan’s other correlations: the levels are simulated without it',
    );
  return notes;
}
